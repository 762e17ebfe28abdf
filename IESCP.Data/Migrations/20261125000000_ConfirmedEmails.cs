using IESCP.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IESCP.Data.Migrations;

/// <summary>
/// Signing in now needs a confirmed email. Accounts made before that was asked keep signing in:
/// they count as confirmed. The outbox gets the index that counts a user's recent account emails.
/// </summary>
[DbContext(typeof(IescpDbContext))]
[Migration("20261125000000_ConfirmedEmails")]
public sealed class ConfirmedEmails : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("UPDATE \"AspNetUsers\" SET \"EmailConfirmed\" = 1 WHERE NOT \"EmailConfirmed\";");
        migrationBuilder.CreateIndex("IX_OutboxMessages_UserId_CreatedAt", "OutboxMessages", ["UserId", "CreatedAt"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropIndex("IX_OutboxMessages_UserId_CreatedAt", "OutboxMessages");
}
