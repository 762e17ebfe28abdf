using IESCP.Data.AdRequests;
using IESCP.Data.Campaigns;
using IESCP.Tests.Infrastructure;
using static IESCP.Tests.Infrastructure.Marketplace;

namespace IESCP.Tests.Campaigns;

[Trait("Category", "Integration")]
public sealed class CampaignTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private CampaignRepository Campaigns => db.Get<CampaignRepository>();

    [Fact]
    public async Task An_invalid_campaign_form_is_reported_field_by_field()
    {
        var sponsor = await db.CreateSponsorAsync();
        var input = Campaign(budget: 0m);
        input.Name = "";
        input.EndDate = input.StartDate!.Value.AddDays(-1);
        input.Category = "Food";
        input.Niche = "AI";

        var result = await Campaigns.CreateAsync(sponsor, input);

        Assert.Equal(
            [
                ("Budget", "The budget must be more than $0 and at most $1,000,000,000."),
                ("EndDate", "The end date can't be before the start date."),
                ("Name", "The Name field is required."),
                ("Niche", "Choose a niche of Food."),
            ],
            result.Errors.OrderBy(e => e.Field));
    }

    [Theory]
    [InlineData(-731, 30, "StartDate", "The start date can't be more than 2 years ago.")]
    [InlineData(0, 5 * 366, "EndDate", "The end date can't be more than 5 years ahead.")]
    public async Task Dates_out_of_sensible_bounds_are_refused_with_a_message(int startInDays, int lengthInDays, string field, string message)
    {
        var sponsor = await db.CreateSponsorAsync();
        var input = Campaign(start: db.Clock.Today.AddDays(startInDays));
        input.EndDate = input.StartDate!.Value.AddDays(lengthInDays);

        var result = await Campaigns.CreateAsync(sponsor, input);

        Assert.Equal([(field, message)], result.Errors);
        Assert.Equal(0, (await Campaigns.ListOwnAsync(sponsor, new CampaignListQuery())).TotalCount);
    }

    [Fact]
    public async Task A_missing_date_and_fractions_of_a_cent_are_refused()
    {
        var sponsor = await db.CreateSponsorAsync();
        var input = Campaign(budget: 100.005m);
        input.StartDate = null;

        var result = await Campaigns.CreateAsync(sponsor, input);

        Assert.Equal(
            [("Budget", "Amounts are in dollars and cents: at most two decimals."), ("StartDate", "Enter the start date as a real date, like 1 Mar 2027.")],
            result.Errors.OrderBy(e => e.Field));
    }

    [Fact]
    public async Task The_budget_cannot_be_cut_below_what_is_committed()
    {
        var sponsor = await db.CreateSponsorAsync();
        var campaignId = await db.CreateCampaignAsync(sponsor, budget: 2_000m);
        await db.AcceptedAsync(sponsor, campaignId, await db.CreateInfluencerAsync(), 1_200m);

        var below = await Campaigns.UpdateAsync(sponsor, campaignId, Campaign(budget: 1_199.99m, name: "Renamed"));
        var exact = await Campaigns.UpdateAsync(sponsor, campaignId, Campaign(budget: 1_200m, name: "Renamed"));

        Assert.Equal([("Budget", "The budget can't go below the $1,200.00 already committed.")], below.Errors);
        Ok(exact);
        var detail = await db.Get<CampaignRepository>().GetOwnAsync(sponsor, campaignId);
        Assert.Equal(("Renamed", 1_200m, 0m), (detail!.Name, detail.Ledger.Budget, detail.Ledger.Available));
    }

    [Fact]
    public async Task Deleting_a_campaign_with_accepted_work_needs_confirmation_then_cancels_open_requests_and_keeps_paid_ones()
    {
        var sponsor = await db.CreateSponsorAsync();
        var campaignId = await db.CreateCampaignAsync(sponsor, budget: 1_000m);
        var pendingWith = await db.CreateInfluencerAsync();
        var acceptedWith = await db.CreateInfluencerAsync();
        var paidWith = await db.CreateInfluencerAsync();
        var pending = await db.SendAsync(sponsor, campaignId, pendingWith, 100m);
        var accepted = await db.AcceptedAsync(sponsor, campaignId, acceptedWith, 200m);
        var paid = await db.AcceptedAsync(sponsor, campaignId, paidWith, 300m);
        Ok(await db.Get<AdRequestRepository>().PayAsync(sponsor, paid, Card()));

        Refused(await Campaigns.DeleteAsync(sponsor, campaignId),
            "Deleting this campaign cancels 1 accepted request and releases their money. 1 paid request stays paid: the influencer can still deliver. Confirm to delete it.");
        Ok(await Campaigns.DeleteAsync(sponsor, campaignId, confirmCancelAccepted: true));

        Assert.Null(await db.Get<CampaignRepository>().GetOwnAsync(sponsor, campaignId));
        foreach (var (influencer, id) in new[] { (pendingWith, pending), (acceptedWith, accepted) })
        {
            var seen = await db.RequestAsync(influencer, id);
            Assert.Equal((AdRequestStatus.Cancelled, CampaignRepository.DeletedReason, true), (seen.Summary.Status, seen.ClosedReason, seen.CampaignDeleted));
        }

        Assert.Equal(AdRequestStatus.Paid, (await db.RequestAsync(paidWith, paid)).Summary.Status);
        Ok(await db.Get<AdRequestRepository>().DeliverAsync(paidWith, paid, "https://x.example/post"));
        Ok(await db.Get<AdRequestRepository>().CompleteAsync(sponsor, paid));
        Refused(await db.Get<AdRequestRepository>().ApplyAsync(pendingWith, campaignId, Offer(10m)), "That campaign was not found.");
    }

    [Fact]
    public async Task The_sponsor_list_filters_sorts_and_pages_with_ledger_numbers()
    {
        var sponsor = await db.CreateSponsorAsync();
        foreach (var (name, budget, visibility) in new[]
                 {
                     ("Alpha boots", 300m, CampaignVisibility.Public), ("Beta boots", 100m, CampaignVisibility.Private),
                     ("Gamma hats", 200m, CampaignVisibility.Public),
                 })
        {
            Ok(await Campaigns.CreateAsync(sponsor, Campaign(budget, visibility, name)));
        }

        var upcoming = Campaign(50m, name: "Delta boots");
        upcoming.StartDate = Today.AddDays(10);
        upcoming.EndDate = Today.AddDays(20);
        Ok(await Campaigns.CreateAsync(sponsor, upcoming));
        var queries = db.Get<CampaignRepository>();

        var boots = await queries.ListOwnAsync(sponsor, new CampaignListQuery(Text: "BOOTS", Sort: CampaignSort.Budget, Descending: false, PageSize: 2));
        var secondPage = await queries.ListOwnAsync(sponsor, new CampaignListQuery(Text: "boots", Sort: CampaignSort.Budget, Descending: false, Page: 2, PageSize: 2));
        var publicCurrent = await queries.ListOwnAsync(sponsor, new CampaignListQuery(Visibility: CampaignVisibility.Public, Phase: CampaignPhase.Current, Sort: CampaignSort.Name, Descending: false));

        Assert.Equal((3, 2), (boots.TotalCount, boots.PageCount));
        Assert.Equal(["Delta boots", "Beta boots"], boots.Items.Select(c => c.Name));
        Assert.Equal(["Alpha boots"], secondPage.Items.Select(c => c.Name));
        Assert.Equal(["Alpha boots", "Gamma hats"], publicCurrent.Items.Select(c => c.Name));
        Assert.Equal(new CampaignLedger(300m, 0m, 0m), secondPage.Items[0].Ledger);
        Assert.Equal(CampaignPhase.Upcoming, boots.Items[0].Phase);
    }
}
