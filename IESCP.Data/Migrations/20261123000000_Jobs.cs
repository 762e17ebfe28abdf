using IESCP.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IESCP.Data.Migrations;

/// <summary>The outbox, reminders, chat webhooks, CSV exports, monthly reports, job runs, and the index of the offer expiry.</summary>
[DbContext(typeof(IescpDbContext))]
[Migration("20261123000000_Jobs")]
public sealed class Jobs : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "OutboxMessages",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                Channel = table.Column<int>(type: "INTEGER", nullable: false),
                UserId = table.Column<string>(type: "TEXT", nullable: true),
                Recipient = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                Text = table.Column<string>(type: "TEXT", nullable: false),
                Html = table.Column<string>(type: "TEXT", nullable: true),
                AttachmentName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                Attachment = table.Column<byte[]>(type: "BLOB", nullable: true),
                Status = table.Column<int>(type: "INTEGER", nullable: false),
                Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                LockedBy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                LockedUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_OutboxMessages", x => x.Id));
        migrationBuilder.CreateIndex("IX_OutboxMessages_Key", "OutboxMessages", "Key", unique: true);
        migrationBuilder.CreateIndex("IX_OutboxMessages_Status_NextAttemptAt", "OutboxMessages", ["Status", "NextAttemptAt"]);
        migrationBuilder.CreateIndex("IX_OutboxMessages_Status_Id", "OutboxMessages", ["Status", "Id"]);

        migrationBuilder.CreateTable(
            name: "Reminders",
            columns: table => new
            {
                UserId = table.Column<string>(type: "TEXT", nullable: false),
                Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                Items = table.Column<int>(type: "INTEGER", nullable: false),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Reminders", x => new { x.UserId, x.Day });
                table.ForeignKey("FK_Reminders_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ChatWebhooks",
            columns: table => new
            {
                UserId = table.Column<string>(type: "TEXT", nullable: false),
                Url = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ChatWebhooks", x => x.UserId);
                table.ForeignKey("FK_ChatWebhooks_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "Exports",
            columns: table => new
            {
                Id = table.Column<Guid>(type: "TEXT", nullable: false),
                OwnerUserId = table.Column<string>(type: "TEXT", nullable: false),
                Kind = table.Column<int>(type: "INTEGER", nullable: false),
                Status = table.Column<int>(type: "INTEGER", nullable: false),
                RowsDone = table.Column<int>(type: "INTEGER", nullable: false),
                RowsTotal = table.Column<int>(type: "INTEGER", nullable: false),
                FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Exports", x => x.Id);
                table.ForeignKey("FK_Exports_AspNetUsers_OwnerUserId", x => x.OwnerUserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_Exports_OwnerUserId_CreatedAt", "Exports", ["OwnerUserId", "CreatedAt"]);
        migrationBuilder.CreateIndex("IX_Exports_ExpiresAt", "Exports", "ExpiresAt");

        migrationBuilder.CreateTable(
            name: "MonthlyReports",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                UserId = table.Column<string>(type: "TEXT", nullable: false),
                Audience = table.Column<int>(type: "INTEGER", nullable: false),
                Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                Data = table.Column<string>(type: "TEXT", nullable: false),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MonthlyReports", x => x.Id);
                table.ForeignKey("FK_MonthlyReports_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_MonthlyReports_UserId_Month", "MonthlyReports", ["UserId", "Month"], unique: true);

        migrationBuilder.CreateTable(
            name: "JobRuns",
            columns: table => new
            {
                Id = table.Column<long>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                Job = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                Trigger = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                DurationMs = table.Column<long>(type: "INTEGER", nullable: false),
                Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                Error = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_JobRuns", x => x.Id));
        migrationBuilder.CreateIndex("IX_JobRuns_Job_StartedAt", "JobRuns", ["Job", "StartedAt"]);
        migrationBuilder.CreateIndex("IX_JobRuns_Outcome", "JobRuns", "Outcome");

        // Leads with the status, so it also serves the statistics' requests by status. A database
        // migrated by the first build of the Moderation migration has neither IX_AdRequests_Status
        // (so it is dropped only if there) nor the partial index of removed accounts (made here).
        migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_AdRequests_Status\";");
        migrationBuilder.Sql("CREATE INDEX IF NOT EXISTS \"IX_AspNetUsers_Removed\" ON \"AspNetUsers\" (\"Id\") WHERE \"DeletedAt\" IS NOT NULL;");
        migrationBuilder.CreateIndex("IX_AdRequests_Status_UpdatedAt", "AdRequests", ["Status", "UpdatedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("IX_AdRequests_Status_UpdatedAt", "AdRequests");
        migrationBuilder.CreateIndex("IX_AdRequests_Status", "AdRequests", "Status");
        foreach (var table in new[] { "JobRuns", "MonthlyReports", "Exports", "ChatWebhooks", "Reminders", "OutboxMessages" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
