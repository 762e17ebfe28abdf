using IESCP.Data;
using IESCP.Data.Influencers;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IESCP.Data.Migrations;

/// <summary>
/// The index of a category's follower counts also carries the relevance score and the niche, so a
/// search whose follower minimum leaves few matches ranks all of them from this one index.
/// </summary>
[DbContext(typeof(IescpDbContext))]
[Migration("20261126000000_RankedSearch")]
public sealed class RankedSearch : Migration
{
    private const string Name = "IX_Influencers_Listed_Category_Followers";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(Name, "Influencers");
        migrationBuilder.CreateIndex(Name, "Influencers", ["Category", "Followers", "ProfileScore", "Niche"], filter: InfluencerConfiguration.ListedFilter);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(Name, "Influencers");
        migrationBuilder.CreateIndex(Name, "Influencers", ["Category", "Followers"], filter: InfluencerConfiguration.ListedFilter);
    }
}
