using IESCP.Data.AdRequests;
using IESCP.Data.Live;
using IESCP.Data.Notifications;
using IESCP.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static IESCP.Tests.Infrastructure.Marketplace;

namespace IESCP.Tests.AdRequests;

/// <summary>Offers nobody answered in time expire: both sides are told, no money moves, open pages hear of it.</summary>
[Trait("Category", "Integration")]
public sealed class OfferExpiryTests : DatabaseTest
{
    private AdRequestRepository Requests => Db.Get<AdRequestRepository>();

    [Fact]
    public async Task Unanswered_offers_expire_after_the_limit_and_both_sides_are_told_while_answered_or_recent_ones_stay()
    {
        var sponsor = await Db.CreateSponsorAsync();
        var (a, b, c, d) = (await Db.CreateInfluencerAsync(), await Db.CreateInfluencerAsync(), await Db.CreateInfluencerAsync(), await Db.CreateInfluencerAsync());
        var campaign = await Db.CreateCampaignAsync(sponsor, budget: 1_000m);
        var waitingForInfluencer = await Db.SendAsync(sponsor, campaign, a, 100m);
        var waitingForSponsor = await Db.SendAsync(sponsor, campaign, b, 100m);
        Ok(await Requests.CounterAsync(b, waitingForSponsor, 1, Offer(120m)));
        var accepted = await Db.AcceptedAsync(sponsor, campaign, c, 200m);
        Db.Clock.Advance(TimeSpan.FromDays(10));
        var recent = await Db.SendAsync(sponsor, campaign, d, 100m);
        Db.Clock.Advance(TimeSpan.FromDays(5));
        var ledger = await Db.LedgerAsync(sponsor, campaign);
        var before = Db.Events.Published.Count;

        Assert.Equal(2, await Requests.ExpireUnansweredAsync(days: 14));

        Assert.Equal(AdRequestStatus.Expired, (await Db.RequestAsync(a, waitingForInfluencer)).Summary.Status);
        Assert.Equal(AdRequestStatus.Expired, (await Db.RequestAsync(b, waitingForSponsor)).Summary.Status);
        Assert.Equal(AdRequestStatus.Accepted, (await Db.RequestAsync(c, accepted)).Summary.Status);
        Assert.Equal(AdRequestStatus.Pending, (await Db.RequestAsync(d, recent)).Summary.Status);
        Assert.Equal(ledger, await Db.LedgerAsync(sponsor, campaign));
        await using var context = await Db.ContextAsync();
        foreach (var (user, request) in new[] { (sponsor, waitingForInfluencer), (a, waitingForInfluencer), (sponsor, waitingForSponsor), (b, waitingForSponsor) })
        {
            Assert.True(await context.Notifications.AnyAsync(n => n.UserId == user.UserId && n.Kind == NotificationKind.AdRequest
                && n.Link == $"requests/{request}" && n.Text.Contains("expired")));
        }

        var changed = Db.Events.Published.Skip(before).OfType<AdRequestChanged>().ToList();
        Assert.Equal([waitingForInfluencer, waitingForSponsor], changed.Select(e => e.AdRequestId).Order());
        Assert.All(changed, e => Assert.Equal((campaign, sponsor.UserId), (e.CampaignId, e.SponsorUserId)));
        Assert.Equal(0, await Requests.ExpireUnansweredAsync(days: 14));
    }

    [Fact]
    public async Task An_expired_offer_can_no_longer_be_accepted_and_a_new_request_can_be_opened_in_its_place()
    {
        var sponsor = await Db.CreateSponsorAsync();
        var influencer = await Db.CreateInfluencerAsync();
        var campaign = await Db.CreateCampaignAsync(sponsor);
        var offer = await Db.SendAsync(sponsor, campaign, influencer, 100m);
        Db.Clock.Advance(TimeSpan.FromDays(15));
        await Requests.ExpireUnansweredAsync(days: 14);

        Refused(await Requests.AcceptAsync(influencer, offer, 1), "This request is Expired; it can no longer be accepted.");
        Assert.Empty((await Db.RequestAsync(influencer, offer)).Actions);
        Assert.NotEqual(offer, await Db.SendAsync(sponsor, campaign, influencer, 120m));
    }
}
