using IESCP.Data.AdRequests;
using IESCP.Data.Campaigns;
using IESCP.Data.Live;
using IESCP.Data.Reviews;
using IESCP.Tests.Infrastructure;
using static IESCP.Tests.Infrastructure.Marketplace;

namespace IESCP.Tests.AdRequests;

[Trait("Category", "Integration")]
public sealed class HappyPathTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task A_request_goes_from_offer_to_reviews_with_the_ledger_right_at_each_step()
    {
        var sponsor = await db.CreateSponsorAsync();
        var influencer = await db.CreateInfluencerAsync();
        var requests = db.Get<AdRequestRepository>();
        var campaignId = await db.CreateCampaignAsync(sponsor, budget: 1_000m);
        var id = await db.SendAsync(sponsor, campaignId, influencer, 300m);
        Assert.Equal(new CampaignLedger(1_000m, 0m, 0m), await db.LedgerAsync(sponsor, campaignId));
        var offered = await db.RequestAsync(influencer, id);
        Assert.Equal((AdRequestStatus.Pending, Party.Influencer), (offered.Summary.Status, offered.Summary.WaitingFor));
        Assert.Equal([AdRequestAction.Counter, AdRequestAction.Accept, AdRequestAction.Reject], offered.Actions.Order());

        Ok(await requests.CounterAsync(influencer, id, seenRevision: 1, Offer(400m, "One review video", "I need a bit more for this.")));
        var countered = await db.RequestAsync(sponsor, id);
        Assert.Equal((AdRequestStatus.Negotiating, 400m, 2, Party.Influencer), (countered.Summary.Status, countered.Summary.Payment, countered.Summary.LatestRevision, countered.Summary.LatestBy));

        Ok(await requests.AcceptAsync(sponsor, id, seenRevision: 2));
        Assert.Equal(new CampaignLedger(1_000m, 400m, 0m), await db.LedgerAsync(sponsor, campaignId));
        Assert.Equal(600m, (await db.LedgerAsync(sponsor, campaignId)).Available);

        Ok(await requests.PayAsync(sponsor, id, Card()));
        Assert.Equal(new CampaignLedger(1_000m, 400m, 400m), await db.LedgerAsync(sponsor, campaignId));

        Ok(await requests.DeliverAsync(influencer, id, "https://video.example/review-1"));
        Ok(await requests.CompleteAsync(sponsor, id));
        Assert.Equal(new CampaignLedger(1_000m, 400m, 400m), await db.LedgerAsync(sponsor, campaignId));

        Ok(await requests.ReviewAsync(sponsor, id, new ReviewInput { Rating = 5, Text = "Great work." }));
        Ok(await requests.ReviewAsync(influencer, id, new ReviewInput { Rating = 4 }));

        var done = await db.RequestAsync(influencer, id);
        Assert.Equal(AdRequestStatus.Completed, done.Summary.Status);
        Assert.Null(done.Summary.WaitingFor);
        Assert.Empty(done.Actions);
        Assert.Equal([(1, Party.Sponsor, 300m, ""), (2, Party.Influencer, 400m, "I need a bit more for this.")],
            done.Revisions.Select(r => (r.Number, r.By, r.Payment, r.Message)));
        Assert.Equal(($"IESCP-{id:D6}", 400m, "Visa", "4242"), (done.Receipt!.ReceiptNumber, done.Receipt.Amount, done.Receipt.CardBrand, done.Receipt.CardLast4));
        Assert.Equal([(Party.Sponsor, 5), (Party.Influencer, 4)], done.Reviews.Select(r => (r.By, r.Rating)));
        Assert.Equal("https://video.example/review-1", done.DeliveryUrl);

        Assert.Equal((1, 1, 1, 5, 1), await db.InfluencerStatsAsync(influencer));
        Assert.Equal((4, 1), await db.SponsorRatingAsync(sponsor));

        // Both parties heard of every move, once each, after it was committed.
        var heard = db.Events.Published.OfType<AdRequestChanged>().Where(e => e.AdRequestId == id).ToList();
        Assert.Equal(8, heard.Count); // send, counter, accept, pay, deliver, complete, two reviews
        Assert.All(heard, e => Assert.Equal((campaignId, sponsor.UserId, influencer.UserId), (e.CampaignId, e.SponsorUserId, e.InfluencerUserId)));
    }
}
