using IESCP.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IESCP.Data.Migrations;

/// <summary>
/// Search that reads indexes only: "listed" flags on the searched rows kept by triggers, partial
/// indexes per order and filter, a trigram full-text index of campaigns, and a relevance score
/// every SQLite build computes alike (the logarithm of reach is stored, computed in C#).
/// </summary>
[DbContext(typeof(IescpDbContext))]
[Migration("20261124000000_Search")]
public sealed class Search : Migration
{
    private const string Listed = "\"IsListed\"";

    /// <summary>The influencer rows <c>where</c> picks become listed exactly when their account is neither flagged nor removed.</summary>
    private static string ListInfluencers(string where) => $"""
        UPDATE "Influencers" SET "IsListed" = COALESCE((SELECT NOT u."IsFlagged" AND u."DeletedAt" IS NULL
            FROM "AspNetUsers" AS u WHERE u."Id" = "Influencers"."UserId"), 0)
        WHERE {where};
        """;

    /// <summary>The campaign rows <c>where</c> picks become listed exactly when they and their sponsor may be found.</summary>
    private static string ListCampaigns(string where) => $"""
        UPDATE "Campaigns" SET "IsListed" = (NOT "IsFlagged" AND "DeletedAt" IS NULL AND "Visibility" = 0 AND EXISTS (
            SELECT 1 FROM "Sponsors" AS s JOIN "AspNetUsers" AS u ON u."Id" = s."UserId"
            WHERE s."Id" = "Campaigns"."SponsorId" AND s."Status" = 1 AND NOT u."IsFlagged" AND u."DeletedAt" IS NULL))
        WHERE {where};
        """;

    private static readonly (string Name, string Sql)[] Triggers =
    [
        ("TR_Influencers_Listed_Insert", $"""AFTER INSERT ON "Influencers" BEGIN {ListInfluencers("\"Id\" = NEW.\"Id\"")} END"""),
        ("TR_Influencers_Listed_User", $"""AFTER UPDATE OF "UserId" ON "Influencers" BEGIN {ListInfluencers("\"Id\" = NEW.\"Id\"")} END"""),
        ("TR_AspNetUsers_Listed", $"""
            AFTER UPDATE OF "IsFlagged", "DeletedAt" ON "AspNetUsers" BEGIN
            {ListInfluencers("\"UserId\" = NEW.\"Id\"")}
            {ListCampaigns("\"SponsorId\" IN (SELECT \"Id\" FROM \"Sponsors\" WHERE \"UserId\" = NEW.\"Id\")")}
            END
            """),
        ("TR_Sponsors_Listed", $"""AFTER UPDATE OF "Status", "UserId" ON "Sponsors" BEGIN {ListCampaigns("\"SponsorId\" = NEW.\"Id\"")} END"""),
        ("TR_Campaigns_Listed_Insert", $"""AFTER INSERT ON "Campaigns" BEGIN {ListCampaigns("\"Id\" = NEW.\"Id\"")} END"""),
        ("TR_Campaigns_Listed_Update",
            $"""AFTER UPDATE OF "IsFlagged", "DeletedAt", "Visibility", "SponsorId" ON "Campaigns" BEGIN {ListCampaigns("\"Id\" = NEW.\"Id\"")} END"""),
        // The text index holds every campaign (an external-content index must mirror its table); search filters by IsListed.
        ("TR_Campaigns_Text_Insert", """
            AFTER INSERT ON "Campaigns" BEGIN
            INSERT INTO "CampaignText" (rowid, "Name", "Niche", "Description") VALUES (NEW."Id", NEW."Name", NEW."Niche", NEW."Description");
            END
            """),
        ("TR_Campaigns_Text_Delete", """
            AFTER DELETE ON "Campaigns" BEGIN
            INSERT INTO "CampaignText" ("CampaignText", rowid, "Name", "Niche", "Description") VALUES ('delete', OLD."Id", OLD."Name", OLD."Niche", OLD."Description");
            END
            """),
        ("TR_Campaigns_Text_Update", """
            AFTER UPDATE OF "Name", "Niche", "Description" ON "Campaigns" BEGIN
            INSERT INTO "CampaignText" ("CampaignText", rowid, "Name", "Niche", "Description") VALUES ('delete', OLD."Id", OLD."Name", OLD."Niche", OLD."Description");
            INSERT INTO "CampaignText" (rowid, "Name", "Niche", "Description") VALUES (NEW."Id", NEW."Name", NEW."Niche", NEW."Description");
            END
            """),
    ];

    private static readonly (string Name, string Table, string[] Columns)[] OldIndexes =
    [
        ("IX_Influencers_Category_Followers_Niche_ProfileScore_UserId", "Influencers", ["Category", "Followers", "Niche", "ProfileScore", "UserId"]),
        ("IX_Influencers_ProfileScore", "Influencers", ["ProfileScore"]),
        ("IX_Influencers_Followers", "Influencers", ["Followers"]),
        ("IX_Influencers_Name_Niche", "Influencers", ["Name", "Niche"]),
        ("IX_Influencers_Niche_Followers", "Influencers", ["Niche", "Followers"]),
    ];

    private static readonly (string Name, string Table, string[] Columns)[] NewIndexes =
    [
        ("IX_Influencers_Listed_ProfileScore", "Influencers", ["ProfileScore", "Followers"]),
        ("IX_Influencers_Listed_Followers", "Influencers", ["Followers"]),
        ("IX_Influencers_Listed_RatingScore", "Influencers", ["RatingScore", "RatingCount"]),
        ("IX_Influencers_Listed_Name", "Influencers", ["Name", "Niche"]),
        ("IX_Influencers_Listed_Category_Followers", "Influencers", ["Category", "Followers"]),
        ("IX_Influencers_Listed_Category_ProfileScore", "Influencers", ["Category", "ProfileScore", "Followers", "Niche"]),
        ("IX_Influencers_Listed_Niche_Followers", "Influencers", ["Niche", "Followers"]),
        ("IX_Influencers_Listed_Niche_ProfileScore", "Influencers", ["Niche", "ProfileScore", "Followers"]),
        ("IX_Campaigns_Listed_EndDate", "Campaigns", ["EndDate", "BudgetCents"]),
        ("IX_Campaigns_Listed_CreatedAt", "Campaigns", ["CreatedAt", "EndDate", "BudgetCents"]),
        ("IX_Campaigns_Listed_Budget", "Campaigns", ["BudgetCents", "EndDate"]),
        ("IX_Campaigns_Listed_Category", "Campaigns", ["Category", "EndDate", "BudgetCents"]),
        ("IX_Campaigns_Listed_Niche", "Campaigns", ["Niche", "EndDate", "BudgetCents"]),
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        foreach (var (name, table, _) in OldIndexes)
        {
            migrationBuilder.DropIndex(name, table);
        }

        foreach (var name in new[] { "IX_Campaigns_Listed_EndDate", "IX_Campaigns_Listed_Category", "IX_Campaigns_Listed_Niche" })
        {
            migrationBuilder.DropIndex(name, "Campaigns");
        }

        // SQLite drops a virtual column in place (EF Core would rebuild the table, which needs a model snapshot).
        migrationBuilder.Sql("""ALTER TABLE "Influencers" DROP COLUMN "ProfileScore";""");
        migrationBuilder.AddColumn<double>("ReachScore", "Influencers", type: "REAL", nullable: false, defaultValue: 0.0);
        migrationBuilder.AddColumn<bool>("IsListed", "Influencers", type: "INTEGER", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<bool>("IsListed", "Campaigns", type: "INTEGER", nullable: false, defaultValue: false);
        // The app computes reach in C# from now on; existing rows get it once here. Stored, it is the
        // same for every reader, so the index over the score below agrees with any SQLite tool.
        migrationBuilder.Sql("""UPDATE "Influencers" SET "ReachScore" = 25.0 * min(1.0, log10("Followers" + 1) / 7.0);""");
        migrationBuilder.AddColumn<double>("ProfileScore", "Influencers", type: "REAL", nullable: false,
            computedColumnSql: "\"ReachScore\""
                + " + 10.0 * (\"RequestsAccepted\" + 2.5) / (\"RequestsReceived\" + 5.0)"
                + " + 10.0 * (\"RequestsCompleted\" + 2.5) / (\"RequestsAccepted\" + 5.0)"
                + " + 15.0 * ((\"RatingSum\" + 15.0) / (\"RatingCount\" + 5.0) - 1.0) / 4.0",
            stored: false);
        migrationBuilder.AddColumn<double>("RatingScore", "Influencers", type: "REAL", nullable: false,
            computedColumnSql: "(\"RatingSum\" + 15.0) / (\"RatingCount\" + 5.0)", stored: false);
        migrationBuilder.Sql(ListInfluencers("1"));
        migrationBuilder.Sql(ListCampaigns("1"));

        foreach (var (name, table, columns) in NewIndexes)
        {
            migrationBuilder.CreateIndex(name, table, columns, filter: Listed);
        }

        // Substring search of campaign names, niches and descriptions: trigrams keep LIKE '%text%'
        // semantics (case-insensitive) while reading an index instead of every description.
        migrationBuilder.Sql("""
            CREATE VIRTUAL TABLE "CampaignText" USING fts5("Name", "Niche", "Description",
                content='Campaigns', content_rowid='Id', tokenize='trigram case_sensitive 0');
            """);
        migrationBuilder.Sql("""INSERT INTO "CampaignText" ("CampaignText") VALUES ('rebuild');""");
        foreach (var (name, sql) in Triggers)
        {
            migrationBuilder.Sql($"CREATE TRIGGER \"{name}\" {sql};");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var (name, _) in Triggers)
        {
            migrationBuilder.Sql($"DROP TRIGGER \"{name}\";");
        }

        migrationBuilder.Sql("""DROP TABLE "CampaignText";""");
        foreach (var (name, table, _) in NewIndexes)
        {
            migrationBuilder.DropIndex(name, table);
        }

        migrationBuilder.Sql("""ALTER TABLE "Influencers" DROP COLUMN "RatingScore";""");
        migrationBuilder.Sql("""ALTER TABLE "Influencers" DROP COLUMN "ProfileScore";""");
        migrationBuilder.DropColumn("IsListed", "Campaigns");
        migrationBuilder.DropColumn("IsListed", "Influencers");
        migrationBuilder.AddColumn<double>("ProfileScore", "Influencers", type: "REAL", nullable: false,
            computedColumnSql: "25.0 * min(1.0, log10(\"Followers\" + 1) / 7.0)"
                + " + 10.0 * (\"RequestsAccepted\" + 2.5) / (\"RequestsReceived\" + 5.0)"
                + " + 10.0 * (\"RequestsCompleted\" + 2.5) / (\"RequestsAccepted\" + 5.0)"
                + " + 15.0 * ((\"RatingSum\" + 15.0) / (\"RatingCount\" + 5.0) - 1.0) / 4.0",
            stored: false);
        migrationBuilder.DropColumn("ReachScore", "Influencers");
        foreach (var (name, table, columns) in OldIndexes)
        {
            migrationBuilder.CreateIndex(name, table, columns);
        }

        const string oldListed = "NOT \"IsFlagged\" AND \"DeletedAt\" IS NULL AND \"Visibility\" = 0";
        migrationBuilder.CreateIndex("IX_Campaigns_Listed_EndDate", "Campaigns", ["EndDate", "SponsorId", "CreatedAt", "BudgetCents"], filter: oldListed);
        migrationBuilder.CreateIndex("IX_Campaigns_Listed_Category", "Campaigns", ["Category", "EndDate", "BudgetCents", "SponsorId"], filter: oldListed);
        migrationBuilder.CreateIndex("IX_Campaigns_Listed_Niche", "Campaigns", ["Niche", "EndDate", "BudgetCents", "SponsorId"], filter: oldListed);
    }
}
