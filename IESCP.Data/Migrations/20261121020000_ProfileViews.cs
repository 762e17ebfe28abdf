using IESCP.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IESCP.Data.Migrations;

/// <summary>Weekly profile views; the relevance column and the indexes of influencer and campaign search.</summary>
[DbContext(typeof(IescpDbContext))]
[Migration("20261121020000_ProfileViews")]
public sealed class ProfileViews : Migration
{
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

        migrationBuilder.CreateIndex("IX_Influencers_ProfileScore", "Influencers", "ProfileScore");
        migrationBuilder.CreateIndex("IX_Influencers_Followers", "Influencers", "Followers");
        migrationBuilder.CreateIndex("IX_Influencers_Name", "Influencers", "Name");
        migrationBuilder.CreateIndex("IX_AspNetUsers_IsFlagged", "AspNetUsers", "IsFlagged");
        migrationBuilder.CreateIndex("IX_Reviews_RevieweeUserId_CreatedAt", "Reviews", ["RevieweeUserId", "CreatedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("ProfileViewWeeks");
        foreach (var (index, table) in new[]
        {
            ("IX_Influencers_ProfileScore", "Influencers"),
            ("IX_Influencers_Followers", "Influencers"),
            ("IX_Influencers_Name", "Influencers"),
            ("IX_AspNetUsers_IsFlagged", "AspNetUsers"),
            ("IX_Reviews_RevieweeUserId_CreatedAt", "Reviews"),
        })
        {
            migrationBuilder.DropIndex(index, table);
        }

        migrationBuilder.DropColumn("ProfileScore", "Influencers");
    }
}
