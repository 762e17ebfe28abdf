using IESCP.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IESCP.Data.Migrations;

/// <summary>Per-user API tokens, stored as hashes.</summary>
[DbContext(typeof(IescpDbContext))]
[Migration("20261124010000_ApiTokens")]
public sealed class ApiTokens : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ApiTokens",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false).Annotation("Sqlite:Autoincrement", true),
                UserId = table.Column<string>(type: "TEXT", nullable: false),
                Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                Prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ApiTokens", x => x.Id);
                table.ForeignKey("FK_ApiTokens_AspNetUsers_UserId", x => x.UserId, "AspNetUsers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ApiTokens_Hash", "ApiTokens", "Hash", unique: true);
        migrationBuilder.CreateIndex("IX_ApiTokens_UserId", "ApiTokens", "UserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("ApiTokens");
}
