using IESCP.Data.AdRequests;
using IESCP.Data.Identity;
using IESCP.Data.Reviews;
using IESCP.Tests.Infrastructure;
using static IESCP.Tests.Infrastructure.Marketplace;

namespace IESCP.Tests.AdRequests;

/// <summary>Illegal moves sent to the server anyway are refused with a message and change nothing.</summary>
[Trait("Category", "Integration")]
public sealed class RefusedTransitionTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private AdRequestRepository Requests => db.Get<AdRequestRepository>();

    [Fact]
    public async Task Only_the_sponsor_pays_and_only_once_the_request_is_accepted()
    {
        var (sponsor, influencer, campaignId) = await PartiesAsync();
        var id = await db.SendAsync(sponsor, campaignId, influencer, 100m);

        Refused(await Requests.PayAsync(sponsor, id, Card()), "This request is Pending; it can't be paid yet.");
        Ok(await Requests.AcceptAsync(influencer, id, 1));
        Refused(await Requests.PayAsync(influencer, id, Card()), "Only the sponsor can pay for this request.");
        Assert.Equal(0m, (await db.LedgerAsync(sponsor, campaignId)).Spent);
    }

    [Fact]
    public async Task A_side_cannot_accept_its_own_offer_nor_an_offer_it_has_not_seen()
    {
        var (sponsor, influencer, campaignId) = await PartiesAsync();
        var id = await db.SendAsync(sponsor, campaignId, influencer, 100m);

        Refused(await Requests.AcceptAsync(sponsor, id, 1), "The latest offer is yours; wait for the influencer's answer.");
        Ok(await Requests.EditAsync(sponsor, id, Offer(120m)));
        Refused(await Requests.AcceptAsync(influencer, id, 1), "The request changed meanwhile; reload.");
        Ok(await Requests.AcceptAsync(influencer, id, 2));
        Assert.Equal(120m, (await db.LedgerAsync(sponsor, campaignId)).Committed);
    }

    [Fact]
    public async Task A_withdrawn_request_can_no_longer_be_accepted_and_only_its_sender_withdraws_it()
    {
        var (sponsor, influencer, campaignId) = await PartiesAsync();
        var id = await db.SendAsync(sponsor, campaignId, influencer, 100m);

        Refused(await Requests.WithdrawAsync(influencer, id), "Only the sponsor who sent this request can withdraw it.");
        Ok(await Requests.WithdrawAsync(sponsor, id));
        Refused(await Requests.AcceptAsync(influencer, id, 1), "This request is Withdrawn; it can no longer be accepted.");
    }

    [Fact]
    public async Task The_sponsor_edits_only_until_the_influencer_answers()
    {
        var (sponsor, influencer, campaignId) = await PartiesAsync();
        var id = await db.SendAsync(sponsor, campaignId, influencer, 100m);
        Ok(await Requests.CounterAsync(influencer, id, 1, Offer(150m)));

        Refused(await Requests.EditAsync(sponsor, id, Offer(130m)), "This request is Negotiating; it can no longer be edited.");
        Refused(await Requests.CounterAsync(sponsor, id, 2, Offer(150m)), "Change the payment or the requirements to make a counter-offer.");
        Ok(await Requests.CounterAsync(sponsor, id, 2, Offer(130m)));
        Assert.Equal([1, 2, 3], (await db.RequestAsync(influencer, id)).Revisions.Select(r => r.Number));
    }

    [Fact]
    public async Task A_request_is_completed_only_after_delivery_of_a_real_link()
    {
        var (sponsor, influencer, campaignId) = await PartiesAsync();
        var id = await db.AcceptedAsync(sponsor, campaignId, influencer, 100m);
        Refused(await Requests.DeliverAsync(influencer, id, "https://x.example/v"), "This request is Accepted; it can't be delivered yet.");
        Ok(await Requests.PayAsync(sponsor, id, Card()));

        Refused(await Requests.CompleteAsync(sponsor, id), "The influencer hasn't delivered yet.");
        var badLink = await Requests.DeliverAsync(influencer, id, "javascript:alert(1)");
        Assert.Equal(["DeliveryUrl"], badLink.Errors.Select(e => e.Field));
        Refused(await Requests.CompleteAsync(influencer, id), "Only the sponsor can complete this request.");
    }

    [Fact]
    public async Task Each_side_reviews_once_and_only_after_completion()
    {
        var (sponsor, influencer, campaignId) = await PartiesAsync();
        var id = await db.AcceptedAsync(sponsor, campaignId, influencer, 100m);
        var reviews = db.Get<AdRequestRepository>();
        Refused(await reviews.ReviewAsync(sponsor, id, new ReviewInput { Rating = 5 }), "This request is Accepted; it can't be reviewed yet.");
        Ok(await Requests.PayAsync(sponsor, id, Card()));
        Ok(await Requests.DeliverAsync(influencer, id, "https://x.example/v"));
        Ok(await Requests.CompleteAsync(sponsor, id));

        var outOfRange = await reviews.ReviewAsync(sponsor, id, new ReviewInput { Rating = 6 });
        Assert.Equal([("Rating", "Choose a rating from 1 to 5 stars.")], outOfRange.Errors);
        Ok(await reviews.ReviewAsync(sponsor, id, new ReviewInput { Rating = 2 }));
        Refused(await reviews.ReviewAsync(sponsor, id, new ReviewInput { Rating = 5 }), "You have already reviewed this request.");
        var stats = await db.InfluencerStatsAsync(influencer);
        Assert.Equal((2, 1), (stats.RatingSum, stats.RatingCount));
    }

    [Fact]
    public async Task Cancelling_an_accepted_request_needs_a_reason_and_releases_its_money()
    {
        var (sponsor, influencer, campaignId) = await PartiesAsync();
        var id = await db.AcceptedAsync(sponsor, campaignId, influencer, 250m);

        Assert.Equal([("Reason", "Say why; the other side will see it.")], (await Requests.CancelAsync(sponsor, id, " ")).Errors);
        Ok(await Requests.CancelAsync(sponsor, id, "Product launch postponed"));

        Assert.Equal(0m, (await db.LedgerAsync(sponsor, campaignId)).Committed);
        var seen = await db.RequestAsync(influencer, id);
        Assert.Equal((AdRequestStatus.Cancelled, "Product launch postponed"), (seen.Summary.Status, seen.ClosedReason));
    }

    [Fact]
    public async Task A_second_open_request_for_the_same_campaign_and_influencer_is_refused()
    {
        var (sponsor, influencer, campaignId) = await PartiesAsync();
        var id = await db.SendAsync(sponsor, campaignId, influencer, 100m);

        var again = await Requests.SendAsync(sponsor, campaignId, await db.InfluencerIdAsync(influencer), Offer(90m));
        var applied = await Requests.ApplyAsync(influencer, campaignId, Offer(90m));

        Refused(again, "An open request for this campaign and influencer already exists.");
        Refused(applied, "An open request for this campaign and influencer already exists.");
        Ok(await Requests.RejectAsync(influencer, id, "Not my audience"));
        Ok(await Requests.ApplyAsync(influencer, campaignId, Offer(90m)));
    }

    [Fact]
    public async Task An_offer_without_requirements_or_payment_is_reported_on_its_fields()
    {
        var (sponsor, influencer, campaignId) = await PartiesAsync();

        var result = await Requests.SendAsync(sponsor, campaignId, await db.InfluencerIdAsync(influencer), Offer(0m, requirements: ""));

        Assert.Equal(["Payment", "Requirements"], result.Errors.Select(e => e.Field).Order());
    }

    private async Task<(Actor Sponsor, Actor Influencer, int CampaignId)> PartiesAsync()
    {
        var sponsor = await db.CreateSponsorAsync();
        return (sponsor, await db.CreateInfluencerAsync(), await db.CreateCampaignAsync(sponsor));
    }
}
