using IESCP.Data;
using IESCP.Data.Campaigns;
using IESCP.Data.Identity;
using IESCP.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Tests.Search;

/// <summary>
/// Search filters on the searched rows' own IsListed flags, which database triggers keep in step
/// with the account, the sponsor and the campaign. These tests change the standing with raw
/// UPDATEs (as the admin's moderation or a hand-typed statement would) and read the flags back.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ListingTriggerTests : DatabaseTest
{
    [Fact]
    public async Task An_influencer_is_listed_exactly_while_its_account_is_neither_flagged_nor_removed()
    {
        var influencer = await Db.CreateInfluencerAsync();
        Assert.True(await InfluencerListedAsync(influencer));

        await SqlAsync("UPDATE \"AspNetUsers\" SET \"IsFlagged\" = 1 WHERE \"Id\" = {0}", influencer.UserId);
        Assert.False(await InfluencerListedAsync(influencer));

        await SqlAsync("UPDATE \"AspNetUsers\" SET \"IsFlagged\" = 0 WHERE \"Id\" = {0}", influencer.UserId);
        Assert.True(await InfluencerListedAsync(influencer));

        await SqlAsync("UPDATE \"AspNetUsers\" SET \"DeletedAt\" = '2026-11-02 10:00:00' WHERE \"Id\" = {0}", influencer.UserId);
        Assert.False(await InfluencerListedAsync(influencer));
    }

    [Fact]
    public async Task An_influencer_added_for_a_flagged_account_starts_unlisted()
    {
        var influencer = await Db.CreateInfluencerAsync();
        await SqlAsync("UPDATE \"AspNetUsers\" SET \"IsFlagged\" = 1 WHERE \"Id\" = {0}", influencer.UserId);
        await SqlAsync("DELETE FROM \"Influencers\" WHERE \"UserId\" = {0}", influencer.UserId);
        await SqlAsync("""
            INSERT INTO "Influencers" ("UserId", "Name", "Category", "Niche", "Followers", "Platforms", "Bio", "CreatedAt", "UpdatedAt")
            VALUES ({0}, 'Again', 'Technology', 'AI', 10, '', '', '2026-11-02', '2026-11-02')
            """, influencer.UserId);

        Assert.False(await InfluencerListedAsync(influencer));
    }

    [Fact]
    public async Task A_campaign_is_listed_exactly_while_it_is_public_live_and_its_sponsor_approved_and_in_good_standing()
    {
        var sponsor = await Db.CreateSponsorAsync();
        var campaign = await Db.AddCampaignAsync(sponsor);
        Assert.True(await CampaignListedAsync(campaign));

        foreach (var (hide, show) in new[]
                 {
                     ("UPDATE \"Campaigns\" SET \"IsFlagged\" = 1 WHERE \"Id\" = {0}", "UPDATE \"Campaigns\" SET \"IsFlagged\" = 0 WHERE \"Id\" = {0}"),
                     ("UPDATE \"Campaigns\" SET \"Visibility\" = 1 WHERE \"Id\" = {0}", "UPDATE \"Campaigns\" SET \"Visibility\" = 0 WHERE \"Id\" = {0}"),
                     ("UPDATE \"Campaigns\" SET \"DeletedAt\" = '2026-11-02' WHERE \"Id\" = {0}", "UPDATE \"Campaigns\" SET \"DeletedAt\" = NULL WHERE \"Id\" = {0}"),
                 })
        {
            await SqlAsync(hide, campaign);
            Assert.False(await CampaignListedAsync(campaign), hide);
            await SqlAsync(show, campaign);
            Assert.True(await CampaignListedAsync(campaign), show);
        }

        foreach (var status in new[] { 0, 2 })
        {
            await SqlAsync("UPDATE \"Sponsors\" SET \"Status\" = {0} WHERE \"UserId\" = {1}", status, sponsor.UserId);
            Assert.False(await CampaignListedAsync(campaign), $"sponsor status {status}");
            await SqlAsync("UPDATE \"Sponsors\" SET \"Status\" = 1 WHERE \"UserId\" = {0}", sponsor.UserId);
            Assert.True(await CampaignListedAsync(campaign));
        }

        await SqlAsync("UPDATE \"AspNetUsers\" SET \"IsFlagged\" = 1 WHERE \"Id\" = {0}", sponsor.UserId);
        Assert.False(await CampaignListedAsync(campaign));
        await SqlAsync("UPDATE \"AspNetUsers\" SET \"IsFlagged\" = 0 WHERE \"Id\" = {0}", sponsor.UserId);
        Assert.True(await CampaignListedAsync(campaign));
        await SqlAsync("UPDATE \"AspNetUsers\" SET \"DeletedAt\" = '2026-11-02' WHERE \"Id\" = {0}", sponsor.UserId);
        Assert.False(await CampaignListedAsync(campaign));
    }

    [Fact]
    public async Task A_new_campaign_of_a_pending_sponsor_starts_unlisted_and_is_listed_once_the_sponsor_is_approved()
    {
        var sponsor = await Db.CreateSponsorAsync(approved: false);
        var campaign = await Db.AddCampaignAsync(sponsor);
        var @private = await Db.AddCampaignAsync(sponsor, c => c.Visibility = CampaignVisibility.Private);
        Assert.False(await CampaignListedAsync(campaign));

        await SqlAsync("UPDATE \"Sponsors\" SET \"Status\" = 1 WHERE \"UserId\" = {0}", sponsor.UserId);

        Assert.True(await CampaignListedAsync(campaign));
        Assert.False(await CampaignListedAsync(@private));
    }

    private async Task SqlAsync(string sql, params object[] values)
    {
        await using var db = await Db.ContextAsync();
        await db.Database.ExecuteSqlRawAsync(sql, values);
    }

    private async Task<bool> InfluencerListedAsync(Actor influencer)
    {
        await using var db = await Db.ContextAsync();
        return await db.Influencers.Where(i => i.UserId == influencer.UserId).Select(i => i.IsListed).SingleAsync();
    }

    private async Task<bool> CampaignListedAsync(int campaignId)
    {
        await using var db = await Db.ContextAsync();
        return await db.Campaigns.Where(c => c.Id == campaignId).Select(c => c.IsListed).SingleAsync();
    }
}
