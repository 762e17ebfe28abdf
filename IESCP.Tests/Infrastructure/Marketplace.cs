using IESCP.Data;
using IESCP.Data.AdRequests;
using IESCP.Data.Campaigns;
using IESCP.Data.Identity;
using IESCP.Data.Influencers;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Tests.Infrastructure;

/// <summary>Steps that marketplace tests repeat: campaigns, requests, flags and a valid test card.</summary>
public static class Marketplace
{
    /// <summary>The day test databases start on (their clock's first day).</summary>
    public static DateOnly Today { get; } = DateOnly.FromDateTime(TestClock.DefaultStart.UtcDateTime);

    /// <summary>A month-long campaign from <paramref name="start"/> (by default, the test clock's first day).</summary>
    public static CampaignInput Campaign(decimal budget = 1_000m, CampaignVisibility visibility = CampaignVisibility.Public,
        string name = "Spring launch", DateOnly? start = null) => new()
    {
        Name = name,
        Description = "A new phone case line.",
        Category = "Technology",
        Niche = "Gadgets",
        StartDate = start ?? Today,
        EndDate = (start ?? Today).AddDays(30),
        Budget = budget,
        Visibility = visibility,
        Goals = "Reach 100k people.",
    };

    public static OfferInput Offer(decimal payment, string requirements = "One review video", string? message = null) =>
        new() { Payment = payment, Requirements = requirements, Message = message };

    /// <summary>A Visa test number that passes the Luhn check, expiring at the end of 2099.</summary>
    public static PaymentInput Card() => new()
    {
        CardHolder = "Ada Lovelace",
        CardNumber = "4242 4242 4242 4242",
        Expiry = "12/99",
        Cvc = "123",
    };

    public static async Task<int> CreateCampaignAsync(this TestDatabase db, Actor sponsor, decimal budget = 1_000m,
        CampaignVisibility visibility = CampaignVisibility.Public)
    {
        var result = await db.Get<CampaignRepository>().CreateAsync(sponsor, Campaign(budget, visibility));
        Assert.True(result.Succeeded, result.Message);
        return result.Value;
    }

    public static async Task<int> InfluencerIdAsync(this TestDatabase db, Actor influencer) =>
        (await db.Get<InfluencerRepository>().GetOwnProfileAsync(influencer))!.Id;

    /// <summary>A sponsor's offer to an influencer on a campaign; returns the request id.</summary>
    public static async Task<int> SendAsync(this TestDatabase db, Actor sponsor, int campaignId, Actor influencer, decimal payment)
    {
        var result = await db.Get<AdRequestRepository>().SendAsync(sponsor, campaignId, await db.InfluencerIdAsync(influencer), Offer(payment));
        Assert.True(result.Succeeded, result.Message);
        return result.Value;
    }

    /// <summary>A request sent and accepted: its payment is committed on the campaign.</summary>
    public static async Task<int> AcceptedAsync(this TestDatabase db, Actor sponsor, int campaignId, Actor influencer, decimal payment)
    {
        var id = await db.SendAsync(sponsor, campaignId, influencer, payment);
        Ok(await db.Get<AdRequestRepository>().AcceptAsync(influencer, id, seenRevision: 1));
        return id;
    }

    public static async Task<CampaignLedger> LedgerAsync(this TestDatabase db, Actor sponsor, int campaignId) =>
        (await db.Get<CampaignRepository>().GetOwnAsync(sponsor, campaignId))!.Ledger;

    public static async Task<AdRequestDetail> RequestAsync(this TestDatabase db, Actor party, int requestId) =>
        (await db.Get<AdRequestRepository>().GetAsync(party, requestId))!;

    public static async Task FlagUserAsync(this TestDatabase db, Actor user)
    {
        await using var context = await db.Get<IDbContextFactory<IescpDbContext>>().CreateDbContextAsync();
        await context.Users.Where(u => u.Id == user.UserId).ExecuteUpdateAsync(set => set.SetProperty(u => u.IsFlagged, true));
    }

    public static async Task FlagCampaignAsync(this TestDatabase db, int campaignId)
    {
        await using var context = await db.Get<IDbContextFactory<IescpDbContext>>().CreateDbContextAsync();
        await context.Campaigns.Where(c => c.Id == campaignId).ExecuteUpdateAsync(set => set.SetProperty(c => c.IsFlagged, true));
    }

    public static async Task<(int Received, int Accepted, int Completed, int RatingSum, int RatingCount)> InfluencerStatsAsync(
        this TestDatabase db, Actor influencer)
    {
        await using var context = await db.Get<IDbContextFactory<IescpDbContext>>().CreateDbContextAsync();
        var i = await context.Influencers.SingleAsync(i => i.UserId == influencer.UserId);
        return (i.RequestsReceived, i.RequestsAccepted, i.RequestsCompleted, i.RatingSum, i.RatingCount);
    }

    public static async Task<(int RatingSum, int RatingCount)> SponsorRatingAsync(this TestDatabase db, Actor sponsor)
    {
        await using var context = await db.Get<IDbContextFactory<IescpDbContext>>().CreateDbContextAsync();
        var s = await context.Sponsors.SingleAsync(s => s.UserId == sponsor.UserId);
        return (s.RatingSum, s.RatingCount);
    }

    public static void Ok(CommandResult result) => Assert.True(result.Succeeded, result.Message);

    public static void Refused(CommandResult result, string message) =>
        Assert.Equal([("", message)], result.Errors);
}
