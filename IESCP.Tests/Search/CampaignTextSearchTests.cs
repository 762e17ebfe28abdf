using IESCP.Data.Campaigns;
using IESCP.Data.Identity;
using IESCP.Data.Search;
using IESCP.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Tests.Search;

/// <summary>
/// Campaign text search reads a trigram full-text index that triggers keep in step with the
/// campaigns; it must find what LIKE '%text%' found: any substring, any case, in name, niche or description.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CampaignTextSearchTests : DatabaseTest
{
    [Fact]
    public async Task Finds_substrings_of_names_niches_and_descriptions_in_any_case_and_short_text_too()
    {
        var sponsor = await Db.CreateSponsorAsync();
        var influencer = await Db.CreateInfluencerAsync();
        await Db.AddCampaignAsync(sponsor, c => (c.Name, c.Niche, c.Description) = ("Winter Gear", "Gadgets", "Warm gloves for \"cold\" days, 100% wool"));
        await Db.AddCampaignAsync(sponsor, c => (c.Name, c.Category, c.Niche, c.Description) = ("Bake off", "Food", "Baking", "Sourdough"));

        Assert.Equal(["Winter Gear"], await NamesAsync(influencer, "INTER g"));
        Assert.Equal(["Winter Gear"], await NamesAsync(influencer, "dget"));
        Assert.Equal(["Winter Gear"], await NamesAsync(influencer, "\"cold\""));
        Assert.Equal(["Winter Gear"], await NamesAsync(influencer, "100%"));
        Assert.Equal(["Bake off"], await NamesAsync(influencer, "rdoug"));
        Assert.Equal(["Bake off"], await NamesAsync(influencer, "ki"));
        Assert.Empty(await NamesAsync(influencer, "dough bake"));
        Assert.Equal(["Winter Gear"], await NamesAsync(influencer, "%"));
        Assert.Empty(await NamesAsync(influencer, "_"));
    }

    [Fact]
    public async Task An_edited_campaign_is_found_by_its_new_text_only_and_a_removed_row_not_at_all()
    {
        var sponsor = await Db.CreateSponsorAsync();
        var influencer = await Db.CreateInfluencerAsync();
        var campaign = await Db.CreateCampaignAsync(sponsor);
        var input = Marketplace.Campaign(name: "Aurora borealis");
        Marketplace.Ok(await Db.Get<CampaignRepository>().UpdateAsync(sponsor, campaign, input));

        Assert.Equal(["Aurora borealis"], await NamesAsync(influencer, "borea"));
        Assert.Empty(await NamesAsync(influencer, "Spring launch"));

        await using (var db = await Db.ContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"Campaigns\" WHERE \"Id\" = {0}", campaign);
            var indexed = await db.Database.SqlQueryRaw<int>("SELECT rowid AS \"Value\" FROM \"CampaignText\" WHERE \"CampaignText\" MATCH '\"borea\"'").ToListAsync();
            Assert.Empty(indexed);
        }
    }

    private async Task<string[]> NamesAsync(Actor influencer, string text) =>
        [.. (await Db.Get<CampaignSearch>().SearchAsync(influencer, new() { Text = text })).Items.Select(c => c.Name).Order()];
}
