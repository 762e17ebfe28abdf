using IESCP.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IESCP.Data.Migrations;

/// <summary>Weekly profile views; the relevance column and the indexes of influencer and campaign search.</summary>
[DbContext(typeof(IescpDbContext))]
[Migration("20261121020000_ProfileViews")]
public sealed class ProfileViews : Migration
{
    private const string Listed = "NOT \"IsFlagged\" AND \"DeletedAt\" IS NULL AND \"Visibility\" = 0";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        // Virtual, so SQLite can add it to a filled table; its index stores the values.
        migrationBuilder.AddColumn<double>(
            name: "ProfileScore",
            table: "Influencers",
            type: "REAL",
            nullable: false,
            computedColumnSql: "25.0 * min(1.0, log10(\"Followers\" + 1) / 7.0)"
                + " + 10.0 * (\"RequestsAccepted\" + 2.5) / (\"RequestsReceived\" + 5.0)"
                + " + 10.0 * (\"RequestsCompleted\" + 2.5) / (\"RequestsAccepted\" + 5.0)"
                + " + 15.0 * ((\"RatingSum\" + 15.0) / (\"RatingCount\" + 5.0) - 1.0) / 4.0",
            stored: false);

        migrationBuilder.CreateTable(
            name: "ProfileViewWeeks",
            columns: table => new
            {
                InfluencerId = table.Column<int>(type: "INTEGER", nullable: false),
                WeekStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                Views = table.Column<int>(type: "INTEGER", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProfileViewWeeks", x => new { x.InfluencerId, x.WeekStart });
                table.CheckConstraint("CK_ProfileViewWeeks_Views", "\"Views\" > 0");
                table.ForeignKey("FK_ProfileViewWeeks_Influencers_InfluencerId", x => x.InfluencerId, "Influencers", "Id", onDelete: ReferentialAction.Cascade);
            });

        // Superseded by wider indexes that let the searches count and rank without reading rows.
        migrationBuilder.DropIndex("IX_Influencers_Category_Followers", "Influencers");
        migrationBuilder.DropIndex("IX_Campaigns_IsFlagged_DeletedAt_Visibility_Niche_EndDate", "Campaigns");
        migrationBuilder.DropIndex("IX_Campaigns_IsFlagged_DeletedAt_Visibility_Category_EndDate", "Campaigns");

        migrationBuilder.CreateIndex(
            "IX_Influencers_Category_Followers_Niche_ProfileScore_UserId", "Influencers",
            ["Category", "Followers", "Niche", "ProfileScore", "UserId"]);
        migrationBuilder.CreateIndex("IX_Influencers_ProfileScore", "Influencers", "ProfileScore");
        migrationBuilder.CreateIndex("IX_Influencers_Followers", "Influencers", "Followers");
        migrationBuilder.CreateIndex("IX_Influencers_Name_Niche", "Influencers", ["Name", "Niche"]);
        migrationBuilder.CreateIndex("IX_AspNetUsers_Flagged", "AspNetUsers", "Id", filter: "\"IsFlagged\"");
        migrationBuilder.CreateIndex("IX_Reviews_RevieweeUserId_CreatedAt", "Reviews", ["RevieweeUserId", "CreatedAt"]);
        migrationBuilder.CreateIndex(
            "IX_Campaigns_Listed_EndDate", "Campaigns", ["EndDate", "SponsorId", "CreatedAt", "BudgetCents"], filter: Listed);
        migrationBuilder.CreateIndex(
            "IX_Campaigns_Listed_Category", "Campaigns", ["Category", "EndDate", "BudgetCents", "SponsorId"], filter: Listed);
        migrationBuilder.CreateIndex(
            "IX_Campaigns_Listed_Niche", "Campaigns", ["Niche", "EndDate", "BudgetCents", "SponsorId"], filter: Listed);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ProfileViewWeeks");
        foreach (var (index, table) in new[]
        {
            ("IX_Influencers_Category_Followers_Niche_ProfileScore_UserId", "Influencers"),
            ("IX_Influencers_ProfileScore", "Influencers"),
            ("IX_Influencers_Followers", "Influencers"),
            ("IX_Influencers_Name_Niche", "Influencers"),
            ("IX_AspNetUsers_Flagged", "AspNetUsers"),
            ("IX_Reviews_RevieweeUserId_CreatedAt", "Reviews"),
            ("IX_Campaigns_Listed_EndDate", "Campaigns"),
            ("IX_Campaigns_Listed_Category", "Campaigns"),
            ("IX_Campaigns_Listed_Niche", "Campaigns"),
        })
        {
            migrationBuilder.DropIndex(index, table);
        }

        migrationBuilder.CreateIndex("IX_Influencers_Category_Followers", "Influencers", ["Category", "Followers"]);
        migrationBuilder.CreateIndex(
            "IX_Campaigns_IsFlagged_DeletedAt_Visibility_Niche_EndDate", "Campaigns",
            ["IsFlagged", "DeletedAt", "Visibility", "Niche", "EndDate"]);
        migrationBuilder.CreateIndex(
            "IX_Campaigns_IsFlagged_DeletedAt_Visibility_Category_EndDate", "Campaigns",
            ["IsFlagged", "DeletedAt", "Visibility", "Category", "EndDate"]);
        migrationBuilder.DropColumn("ProfileScore", "Influencers");
    }
}
