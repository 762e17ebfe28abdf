using IESCP.Data.AdRequests;
using IESCP.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Tests.Database;

/// <summary>Every write stamps UpdatedAt from the app's clock, bulk updates and counter updates included.</summary>
[Trait("Category", "Integration")]
public sealed class AuditFieldsTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task An_accept_stamps_the_request_its_campaign_and_the_influencers_counters_with_the_clocks_time()
    {
        var sponsor = await db.CreateSponsorAsync();
        var influencer = await db.CreateInfluencerAsync();
        var campaignId = await db.CreateCampaignAsync(sponsor);
        var id = await db.SendAsync(sponsor, campaignId, influencer, 100m);
        var created = db.Clock.GetUtcNow().UtcDateTime;

        db.Clock.Advance(TimeSpan.FromHours(3));
        Marketplace.Ok(await db.Get<AdRequestRepository>().AcceptAsync(influencer, id, seenRevision: 1));

        var accepted = created.AddHours(3);
        await using var context = await db.ContextAsync();
        var request = await context.AdRequests.SingleAsync(r => r.Id == id);
        Assert.Equal((created, accepted), (request.CreatedAt, request.UpdatedAt));
        Assert.Equal(accepted, (await context.Campaigns.SingleAsync(c => c.Id == campaignId)).UpdatedAt);
        Assert.Equal(accepted, (await context.Influencers.SingleAsync(i => i.UserId == influencer.UserId)).UpdatedAt);
    }
}
