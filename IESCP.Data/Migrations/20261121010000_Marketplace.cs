using IESCP.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IESCP.Data.Migrations;

/// <summary>Campaigns, ad requests with their revisions, payments and reviews; rating and request counters.</summary>
[DbContext(typeof(IescpDbContext))]
[Migration("20261121010000_Marketplace")]
public sealed class Marketplace : Migration
{
    private static readonly string[] InfluencerCounters =
        ["RequestsReceived", "RequestsAccepted", "RequestsCompleted", "RatingSum", "RatingCount"];

    private static readonly string[] SponsorCounters = ["RatingSum", "RatingCount"];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var column in InfluencerCounters)
        {
            migrationBuilder.AddColumn<int>(column, "Influencers", type: "INTEGER", nullable: false, defaultValue: 0);
        }

        foreach (var column in SponsorCounters)
        {
            migrationBuilder.AddColumn<int>(column, "Sponsors", type: "INTEGER", nullable: false, defaultValue: 0);
        }

        migrationBuilder.CreateTable(
            name: "Campaigns",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                SponsorId = table.Column<int>(type: "INTEGER", nullable: false),
                Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                Niche = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                EndDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                BudgetCents = table.Column<long>(type: "INTEGER", nullable: false),
                Visibility = table.Column<int>(type: "INTEGER", nullable: false),
                Goals = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                IsFlagged = table.Column<bool>(type: "INTEGER", nullable: false),
                DeletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                CommittedCents = table.Column<long>(type: "INTEGER", nullable: false),
                SpentCents = table.Column<long>(type: "INTEGER", nullable: false),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Campaigns", x => x.Id);
                table.CheckConstraint("CK_Campaigns_Budget", "\"BudgetCents\" > 0");
                table.CheckConstraint("CK_Campaigns_Dates", "\"EndDate\" >= \"StartDate\"");
                table.CheckConstraint("CK_Campaigns_Ledger", "\"SpentCents\" >= 0 AND \"CommittedCents\" >= \"SpentCents\" AND \"CommittedCents\" <= \"BudgetCents\"");
                table.ForeignKey("FK_Campaigns_Sponsors_SponsorId", x => x.SponsorId, "Sponsors", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AdRequests",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                InfluencerId = table.Column<int>(type: "INTEGER", nullable: false),
                InitiatedBy = table.Column<int>(type: "INTEGER", nullable: false),
                Status = table.Column<int>(type: "INTEGER", nullable: false),
                PaymentCents = table.Column<long>(type: "INTEGER", nullable: false),
                Requirements = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                LatestRevision = table.Column<int>(type: "INTEGER", nullable: false),
                LatestBy = table.Column<int>(type: "INTEGER", nullable: false),
                DeliveryUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                DeliveredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                PaidAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                ClosedReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AdRequests", x => x.Id);
                table.CheckConstraint("CK_AdRequests_Payment", "\"PaymentCents\" > 0");
                table.CheckConstraint("CK_AdRequests_Revision", "\"LatestRevision\" >= 1");
                table.ForeignKey("FK_AdRequests_Campaigns_CampaignId", x => x.CampaignId, "Campaigns", "Id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_AdRequests_Influencers_InfluencerId", x => x.InfluencerId, "Influencers", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "AdRequestRevisions",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                AdRequestId = table.Column<int>(type: "INTEGER", nullable: false),
                Number = table.Column<int>(type: "INTEGER", nullable: false),
                By = table.Column<int>(type: "INTEGER", nullable: false),
                AuthorUserId = table.Column<string>(type: "TEXT", nullable: false),
                PaymentCents = table.Column<long>(type: "INTEGER", nullable: false),
                Requirements = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_AdRequestRevisions", x => x.Id);
                table.CheckConstraint("CK_AdRequestRevisions_Payment", "\"PaymentCents\" > 0");
                table.ForeignKey("FK_AdRequestRevisions_AdRequests_AdRequestId", x => x.AdRequestId, "AdRequests", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Payments",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                AdRequestId = table.Column<int>(type: "INTEGER", nullable: false),
                AmountCents = table.Column<long>(type: "INTEGER", nullable: false),
                CardBrand = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                CardLast4 = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                ReceiptNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                PaidAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                PayerUserId = table.Column<string>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Payments", x => x.Id);
                table.CheckConstraint("CK_Payments_Amount", "\"AmountCents\" > 0");
                table.ForeignKey("FK_Payments_AdRequests_AdRequestId", x => x.AdRequestId, "AdRequests", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Reviews",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                AdRequestId = table.Column<int>(type: "INTEGER", nullable: false),
                By = table.Column<int>(type: "INTEGER", nullable: false),
                ReviewerUserId = table.Column<string>(type: "TEXT", nullable: false),
                RevieweeUserId = table.Column<string>(type: "TEXT", nullable: false),
                Rating = table.Column<int>(type: "INTEGER", nullable: false),
                Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Reviews", x => x.Id);
                table.CheckConstraint("CK_Reviews_Rating", "\"Rating\" BETWEEN 1 AND 5");
                table.ForeignKey("FK_Reviews_AdRequests_AdRequestId", x => x.AdRequestId, "AdRequests", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateIndex("IX_Campaigns_SponsorId", "Campaigns", "SponsorId");
        migrationBuilder.CreateIndex(
            "IX_Campaigns_IsFlagged_DeletedAt_Visibility_Niche_EndDate", "Campaigns",
            ["IsFlagged", "DeletedAt", "Visibility", "Niche", "EndDate"]);
        migrationBuilder.CreateIndex(
            "IX_Campaigns_IsFlagged_DeletedAt_Visibility_Category_EndDate", "Campaigns",
            ["IsFlagged", "DeletedAt", "Visibility", "Category", "EndDate"]);
        migrationBuilder.CreateIndex(
            "IX_AdRequests_OpenPerCampaignAndInfluencer", "AdRequests", ["CampaignId", "InfluencerId"],
            unique: true, filter: "\"Status\" IN (0, 1, 2, 6)");
        migrationBuilder.CreateIndex("IX_AdRequests_CampaignId_Status", "AdRequests", ["CampaignId", "Status"]);
        migrationBuilder.CreateIndex("IX_AdRequests_InfluencerId_Status", "AdRequests", ["InfluencerId", "Status"]);
        migrationBuilder.CreateIndex("IX_AdRequestRevisions_AdRequestId_Number", "AdRequestRevisions", ["AdRequestId", "Number"], unique: true);
        migrationBuilder.CreateIndex("IX_Payments_AdRequestId", "Payments", "AdRequestId", unique: true);
        migrationBuilder.CreateIndex("IX_Payments_ReceiptNumber", "Payments", "ReceiptNumber", unique: true);
        migrationBuilder.CreateIndex("IX_Reviews_AdRequestId_By", "Reviews", ["AdRequestId", "By"], unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "Reviews", "Payments", "AdRequestRevisions", "AdRequests", "Campaigns" })
        {
            migrationBuilder.DropTable(table);
        }

        foreach (var column in InfluencerCounters)
        {
            migrationBuilder.DropColumn(column, "Influencers");
        }

        foreach (var column in SponsorCounters)
        {
            migrationBuilder.DropColumn(column, "Sponsors");
        }
    }
}
