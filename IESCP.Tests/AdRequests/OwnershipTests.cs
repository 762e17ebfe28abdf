using IESCP.Data.AdRequests;
using IESCP.Data.Campaigns;
using IESCP.Data.Search;
using IESCP.Data.Identity;
using IESCP.Tests.Infrastructure;
using static IESCP.Tests.Infrastructure.Marketplace;

namespace IESCP.Tests.AdRequests;

/// <summary>Only the two parties see or move a request; other users get nothing, not even its existence.</summary>
[Trait("Category", "Integration")]
public sealed class OwnershipTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private const string RequestNotFound = "This ad request was not found.";
    private const string CampaignNotFound = "That campaign was not found.";

    [Fact]
    public async Task Another_sponsor_can_neither_read_nor_change_a_campaign_or_its_requests()
    {
        var sponsor = await db.CreateSponsorAsync();
        var influencer = await db.CreateInfluencerAsync();
        var campaignId = await db.CreateCampaignAsync(sponsor);
        var id = await db.AcceptedAsync(sponsor, campaignId, influencer, 100m);
        var intruder = await db.CreateSponsorAsync();
        var campaigns = db.Get<CampaignRepository>();
        var requests = db.Get<AdRequestRepository>();

        Assert.Null(await db.Get<CampaignRepository>().GetOwnAsync(intruder, campaignId));
        Assert.Null(await db.Get<CampaignRepository>().GetForEditAsync(intruder, campaignId));
        Assert.Empty((await db.Get<CampaignRepository>().ListOwnAsync(intruder, new CampaignListQuery())).Items);
        Refused(await campaigns.UpdateAsync(intruder, campaignId, Campaign(budget: 5m)), CampaignNotFound);
        Refused(await campaigns.DeleteAsync(intruder, campaignId, confirmCancelAccepted: true), CampaignNotFound);
        Refused(await requests.SendAsync(intruder, campaignId, await db.InfluencerIdAsync(influencer), Offer(10m)), CampaignNotFound);
        Assert.Null(await db.Get<AdRequestRepository>().GetAsync(intruder, id));
        Assert.Empty((await db.Get<AdRequestRepository>().ListAsync(intruder, new AdRequestListQuery())).Items);
        Refused(await requests.PayAsync(intruder, id, Card()), RequestNotFound);
        Refused(await requests.CancelAsync(intruder, id, "mine now"), RequestNotFound);

        var ledger = await db.LedgerAsync(sponsor, campaignId);
        Assert.Equal((1_000m, 100m, 0m), (ledger.Budget, ledger.Committed, ledger.Spent));
    }

    [Fact]
    public async Task Another_influencer_can_neither_read_nor_answer_a_request()
    {
        var sponsor = await db.CreateSponsorAsync();
        var influencer = await db.CreateInfluencerAsync();
        var id = await db.SendAsync(sponsor, await db.CreateCampaignAsync(sponsor), influencer, 100m);
        var intruder = await db.CreateInfluencerAsync();
        var requests = db.Get<AdRequestRepository>();

        Assert.Null(await db.Get<AdRequestRepository>().GetAsync(intruder, id));
        Refused(await requests.AcceptAsync(intruder, id, 1), RequestNotFound);
        Refused(await requests.CounterAsync(intruder, id, 1, Offer(500m)), RequestNotFound);
        Refused(await requests.RejectAsync(intruder, id), RequestNotFound);
        Assert.Equal(AdRequestStatus.Pending, (await db.RequestAsync(influencer, id)).Summary.Status);
    }

    [Fact]
    public async Task Roles_that_never_take_part_are_forbidden()
    {
        var sponsor = await db.CreateSponsorAsync();
        var influencer = await db.CreateInfluencerAsync();
        var id = await db.SendAsync(sponsor, await db.CreateCampaignAsync(sponsor), influencer, 100m);
        var admin = await db.AdminAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => db.Get<AdRequestRepository>().AcceptAsync(admin, id, 1));
        await Assert.ThrowsAsync<ForbiddenException>(() => db.Get<AdRequestRepository>().GetAsync(admin, id));
        await Assert.ThrowsAsync<ForbiddenException>(() => db.Get<CampaignRepository>().CreateAsync(influencer, Campaign()));
        await Assert.ThrowsAsync<ForbiddenException>(() => db.Get<AdRequestRepository>().ApplyAsync(sponsor, 1, Offer(1m)));
    }

    [Fact]
    public async Task A_sponsor_awaiting_approval_cannot_create_campaigns()
    {
        var pending = await db.CreateSponsorAsync(approved: false);

        Refused(await db.Get<CampaignRepository>().CreateAsync(pending, Campaign()), "Your sponsor account must be approved by an admin first.");
    }

    [Fact]
    public async Task A_private_campaign_is_seen_only_by_influencers_it_was_offered_to()
    {
        var sponsor = await db.CreateSponsorAsync();
        var invited = await db.CreateInfluencerAsync();
        var outsider = await db.CreateInfluencerAsync();
        var campaignId = await db.CreateCampaignAsync(sponsor, visibility: CampaignVisibility.Private);
        var campaigns = db.Get<CampaignSearch>();
        Assert.Null(await campaigns.GetCampaignForInfluencerAsync(invited, campaignId));

        await db.SendAsync(sponsor, campaignId, invited, 100m);

        Assert.NotNull(await campaigns.GetCampaignForInfluencerAsync(invited, campaignId));
        Assert.Null(await campaigns.GetCampaignForInfluencerAsync(outsider, campaignId));
        Assert.DoesNotContain(campaignId, (await campaigns.SearchAsync(outsider, new CampaignSearchQuery { PageSize = 50 })).Items.Select(c => c.Id));
        Refused(await db.Get<AdRequestRepository>().ApplyAsync(outsider, campaignId, Offer(100m)), CampaignNotFound);
    }

    [Fact]
    public async Task A_flagged_campaign_or_user_cannot_receive_new_requests()
    {
        var sponsor = await db.CreateSponsorAsync();
        var influencer = await db.CreateInfluencerAsync();
        var flaggedInfluencer = await db.CreateInfluencerAsync();
        var flaggedCampaign = await db.CreateCampaignAsync(sponsor);
        var campaignId = await db.CreateCampaignAsync(sponsor);
        await db.FlagCampaignAsync(flaggedCampaign);
        await db.FlagUserAsync(flaggedInfluencer);
        var requests = db.Get<AdRequestRepository>();

        Refused(await requests.SendAsync(sponsor, flaggedCampaign, await db.InfluencerIdAsync(influencer), Offer(10m)),
            "This campaign is flagged for review; it can't take new requests.");
        Refused(await requests.ApplyAsync(influencer, flaggedCampaign, Offer(10m)),
            "This campaign is flagged for review; it can't take new requests.");
        Refused(await requests.SendAsync(sponsor, campaignId, await db.InfluencerIdAsync(flaggedInfluencer), Offer(10m)),
            "This influencer is flagged for review and can't take part in new requests.");
        Assert.DoesNotContain(flaggedCampaign, (await db.Get<CampaignSearch>().SearchAsync(influencer, new CampaignSearchQuery { PageSize = 50 })).Items.Select(c => c.Id));

        await db.FlagUserAsync(sponsor);
        Refused(await requests.ApplyAsync(influencer, campaignId, Offer(10m)),
            "This sponsor is flagged for review and can't take part in new requests.");
    }
}
