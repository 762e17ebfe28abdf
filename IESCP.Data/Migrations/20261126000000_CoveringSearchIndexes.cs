using IESCP.Data;
using IESCP.Data.Campaigns;
using IESCP.Data.Influencers;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace IESCP.Data.Migrations;

/// <summary>
/// Indexes that spare searches the rows: a category's follower counts also carry the relevance
/// score and the niche, so a search whose follower minimum leaves few matches ranks all of them
/// from that index; listed campaigns get a narrow copy by id of what a text search filters and
/// orders on, so its matches are checked there instead of in the wide rows.
/// </summary>
[DbContext(typeof(IescpDbContext))]
[Migration("20261126000000_CoveringSearchIndexes")]
public sealed class CoveringSearchIndexes : Migration
{
    private const string InfluencerIndex = "IX_Influencers_Listed_Category_Followers";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(InfluencerIndex, "Influencers");
        migrationBuilder.CreateIndex(InfluencerIndex, "Influencers", ["Category", "Followers", "ProfileScore", "Niche"], filter: InfluencerConfiguration.ListedFilter);
        migrationBuilder.CreateIndex(CampaignConfiguration.TextSearchIndex, "Campaigns", ["Id", "EndDate", "BudgetCents", "CreatedAt", "Category", "Niche"],
            filter: CampaignConfiguration.ListedFilter);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(CampaignConfiguration.TextSearchIndex, "Campaigns");
        migrationBuilder.DropIndex(InfluencerIndex, "Influencers");
        migrationBuilder.CreateIndex(InfluencerIndex, "Influencers", ["Category", "Followers"], filter: InfluencerConfiguration.ListedFilter);
    }
}
