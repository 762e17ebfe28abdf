using IESCP.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IESCP.Data.Migrations;

/// <summary>Flags with reasons, removed accounts, activity, rejection reasons, the audit log and notifications.</summary>
[DbContext(typeof(IescpDbContext))]
[Migration("20261122000000_Moderation")]
public sealed class Moderation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("FlagReason", "AspNetUsers", type: "TEXT", maxLength: 500, nullable: true);
        migrationBuilder.AddColumn<DateTime>("FlaggedAt", "AspNetUsers", type: "TEXT", nullable: true);
        migrationBuilder.AddColumn<DateTime>("DeletedAt", "AspNetUsers", type: "TEXT", nullable: true);
        migrationBuilder.AddColumn<DateTime>("LastSeenAt", "AspNetUsers", type: "TEXT", nullable: true);
        migrationBuilder.AddColumn<string>("DecisionReason", "Sponsors", type: "TEXT", maxLength: 500, nullable: true);
        migrationBuilder.AddColumn<string>("FlagReason", "Campaigns", type: "TEXT", maxLength: 500, nullable: true);

        migrationBuilder.CreateIndex("IX_AspNetUsers_CreatedAt", "AspNetUsers", "CreatedAt");
        migrationBuilder.CreateIndex("IX_AspNetUsers_LastSeenAt", "AspNetUsers", "LastSeenAt");
        migrationBuilder.CreateIndex("IX_AdRequests_CreatedAt", "AdRequests", "CreatedAt");
        migrationBuilder.CreateIndex("IX_Influencers_CreatedAt", "Influencers", "CreatedAt");
        migrationBuilder.CreateIndex("IX_AdRequests_Status", "AdRequests", "Status");
        migrationBuilder.CreateIndex("IX_AspNetUsers_Removed", "AspNetUsers", "Id", filter: "\"DeletedAt\" IS NOT NULL");

        migrationBuilder.CreateTable(
            name: "AuditEntries",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                At = table.Column<DateTime>(type: "TEXT", nullable: false),
                ActorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                ActorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                Action = table.Column<int>(type: "INTEGER", nullable: false),
                Target = table.Column<int>(type: "INTEGER", nullable: false),
                TargetId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                TargetName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_AuditEntries", x => x.Id));
        migrationBuilder.CreateIndex("IX_AuditEntries_At", "AuditEntries", "At");
        migrationBuilder.CreateIndex("IX_AuditEntries_Action_At", "AuditEntries", ["Action", "At"]);
        migrationBuilder.CreateIndex("IX_AuditEntries_Target_TargetId", "AuditEntries", ["Target", "TargetId"]);
        // The log is append-only: not even a bug or a hand-typed statement can rewrite history.
        migrationBuilder.Sql("""
            CREATE TRIGGER "TR_AuditEntries_NoUpdate" BEFORE UPDATE ON "AuditEntries"
            BEGIN SELECT RAISE(ABORT, 'Audit entries are never changed.'); END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER "TR_AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries"
            BEGIN SELECT RAISE(ABORT, 'Audit entries are never deleted.'); END;
            """);

        migrationBuilder.CreateTable(
            name: "Notifications",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                UserId = table.Column<string>(type: "TEXT", nullable: false),
                Kind = table.Column<int>(type: "INTEGER", nullable: false),
                Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                Link = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Notifications", x => x.Id);
                table.ForeignKey("FK_Notifications_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Notifications_UserId_CreatedAt", "Notifications", ["UserId", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_Notifications_Unread", "Notifications", "UserId", filter: "\"ReadAt\" IS NULL");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable("Notifications");
        migrationBuilder.DropTable("AuditEntries");
        migrationBuilder.DropIndex("IX_AspNetUsers_Removed", "AspNetUsers");
        migrationBuilder.DropIndex("IX_AdRequests_Status", "AdRequests");
        migrationBuilder.DropIndex("IX_Influencers_CreatedAt", "Influencers");
        migrationBuilder.DropIndex("IX_AdRequests_CreatedAt", "AdRequests");
        migrationBuilder.DropIndex("IX_AspNetUsers_LastSeenAt", "AspNetUsers");
        migrationBuilder.DropIndex("IX_AspNetUsers_CreatedAt", "AspNetUsers");
        migrationBuilder.DropColumn("FlagReason", "Campaigns");
        migrationBuilder.DropColumn("DecisionReason", "Sponsors");
        migrationBuilder.DropColumn("LastSeenAt", "AspNetUsers");
        migrationBuilder.DropColumn("DeletedAt", "AspNetUsers");
        migrationBuilder.DropColumn("FlaggedAt", "AspNetUsers");
        migrationBuilder.DropColumn("FlagReason", "AspNetUsers");
    }
}
