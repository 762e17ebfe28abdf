using IESCP.Data;
using IESCP.Data.AdRequests;
using IESCP.Data.Campaigns;
using IESCP.Data.Identity;
using IESCP.Data.Reviews;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Tests.Infrastructure;

/// <summary>
/// Campaigns, ad requests and counters written straight through a context, for tests of what
/// reads them (the commands that normally write them are tested on their own).
/// </summary>
public static class MarketplaceSeed
{
    public static async Task<int> SponsorIdAsync(this TestDatabase database, Actor sponsor)
    {
        await using var db = await database.ContextAsync();
        return await db.Sponsors.Where(s => s.UserId == sponsor.UserId).Select(s => s.Id).SingleAsync();
    }

    /// <summary>A public Technology/Gadgets campaign running from yesterday for a month, changed as the test needs.</summary>
    public static async Task<int> AddCampaignAsync(this TestDatabase database, Actor sponsor, Action<Campaign>? change = null)
    {
        var campaign = new Campaign
        {
            SponsorId = await database.SponsorIdAsync(sponsor),
            Name = "Gadget week",
            Description = "Unboxings of our new gadgets.",
            Category = "Technology",
            Niche = "Gadgets",
            StartDate = database.Clock.Today.AddDays(-1),
            EndDate = database.Clock.Today.AddDays(30),
            BudgetCents = 1_000_000,
            Visibility = CampaignVisibility.Public,
            Goals = "Reach.",
        };
        change?.Invoke(campaign);
        await using var db = await database.ContextAsync();
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        return campaign.Id;
    }

    public static async Task<int> AddAdRequestAsync(this TestDatabase database, int campaignId, Actor influencer,
        AdRequestStatus status = AdRequestStatus.Pending, long paymentCents = 10_000)
    {
        var request = new AdRequest
        {
            CampaignId = campaignId,
            InfluencerId = await database.InfluencerIdAsync(influencer),
            InitiatedBy = Party.Sponsor,
            LatestBy = Party.Sponsor,
            Status = status,
            PaymentCents = paymentCents,
            Requirements = "One post.",
            LatestRevision = 1,
            Revisions = [new AdRequestRevision { Number = 1, By = Party.Sponsor, AuthorUserId = "test", PaymentCents = paymentCents, Requirements = "One post." }],
        };
        await using var db = await database.ContextAsync();
        db.AdRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }

    /// <summary>Sets the counters the ad request and review commands keep.</summary>
    public static async Task SetTrackRecordAsync(this TestDatabase database, Actor influencer,
        int received, int accepted, int completed, int ratingSum = 0, int ratingCount = 0)
    {
        await using var db = await database.ContextAsync();
        await db.Influencers.Where(i => i.UserId == influencer.UserId).ExecuteUpdateAsync(set => set
            .SetProperty(i => i.RequestsReceived, received)
            .SetProperty(i => i.RequestsAccepted, accepted)
            .SetProperty(i => i.RequestsCompleted, completed)
            .SetProperty(i => i.RatingSum, ratingSum)
            .SetProperty(i => i.RatingCount, ratingCount));
    }

    public static async Task AddReviewAsync(this TestDatabase database, int adRequestId, Actor reviewer, Actor reviewee, int rating, string text)
    {
        await using var db = await database.ContextAsync();
        db.Reviews.Add(new Review
        {
            AdRequestId = adRequestId,
            By = reviewer.IsSponsor ? Party.Sponsor : Party.Influencer,
            ReviewerUserId = reviewer.UserId,
            RevieweeUserId = reviewee.UserId,
            Rating = rating,
            Text = text,
            CreatedAt = database.Clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync();
    }

    public static async Task FlagAsync(this TestDatabase database, Actor user)
    {
        await using var db = await database.ContextAsync();
        await db.Users.Where(u => u.Id == user.UserId).ExecuteUpdateAsync(set => set.SetProperty(u => u.IsFlagged, true));
    }

    public static Task<IescpDbContext> ContextAsync(this TestDatabase database) =>
        database.Get<IDbContextFactory<IescpDbContext>>().CreateDbContextAsync();
}
