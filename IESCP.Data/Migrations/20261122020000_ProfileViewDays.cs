using IESCP.Data;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IESCP.Data.Migrations;

/// <summary>Who viewed a profile today, so a sponsor's visits count once a day.</summary>
[DbContext(typeof(IescpDbContext))]
[Migration("20261122020000_ProfileViewDays")]
public sealed class ProfileViewDays : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ProfileViewDays",
            columns: table => new
            {
                InfluencerId = table.Column<int>(type: "INTEGER", nullable: false),
                ViewerUserId = table.Column<string>(type: "TEXT", nullable: false),
                Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ProfileViewDays", x => new { x.InfluencerId, x.ViewerUserId, x.Day });
                table.ForeignKey("FK_ProfileViewDays_Influencers_InfluencerId", x => x.InfluencerId, "Influencers", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_ProfileViewDays_Day", "ProfileViewDays", "Day");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("ProfileViewDays");
}
