using IESCP.Data;
using IESCP.Data.AdRequests;
using IESCP.Data.Campaigns;
using IESCP.Data.Identity;
using IESCP.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static IESCP.Tests.Infrastructure.Marketplace;

namespace IESCP.Tests.AdRequests;

/// <summary>
/// Races on the real SQLite file. First, commands started all at once on their own connections:
/// the rules must hold whichever order the writers get the file in. SQLite runs them one after
/// another, so the guarded UPDATEs never see a row change under them there; the second half
/// plays that interleaving (another writer between a move's read and its update) through
/// <see cref="RaceInterceptor"/>, as a database that interleaves writers would.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ConcurrencyTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private const int Rounds = 5;

    [Fact]
    public async Task Ten_parallel_accepts_on_a_budget_for_three_commit_exactly_three_and_never_overspend()
    {
        var sponsor = await db.CreateSponsorAsync();
        var influencers = new List<Actor>();
        for (var i = 0; i < 10; i++)
        {
            influencers.Add(await db.CreateInfluencerAsync());
        }

        for (var round = 0; round < Rounds; round++)
        {
            var campaignId = await db.CreateCampaignAsync(sponsor, budget: 300m);
            var requestIds = new List<int>();
            foreach (var influencer in influencers)
            {
                requestIds.Add(await db.SendAsync(sponsor, campaignId, influencer, 100m));
            }

            var results = await Task.WhenAll(influencers.Select((influencer, i) =>
                Task.Run(() => db.Get<AdRequestRepository>().AcceptAsync(influencer, requestIds[i], seenRevision: 1))));

            Assert.Equal(3, results.Count(r => r.Succeeded));
            Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal("Not enough budget left: $0.00 available.", r.Message));
            var ledger = await db.LedgerAsync(sponsor, campaignId);
            Assert.Equal((300m, 300m), (ledger.Budget, ledger.Committed));
            Assert.Equal(3, await CountAsync(campaignId, AdRequestStatus.Accepted));
        }
    }

    [Fact]
    public async Task An_accept_racing_a_withdraw_never_both_succeed()
    {
        var sponsor = await db.CreateSponsorAsync();
        var influencer = await db.CreateInfluencerAsync();
        var requests = db.Get<AdRequestRepository>();
        for (var round = 0; round < Rounds; round++)
        {
            var (campaignId, id) = await NewRequestAsync(sponsor, influencer);

            var accept = Task.Run(() => requests.AcceptAsync(influencer, id, seenRevision: 1));
            var withdraw = Task.Run(() => requests.WithdrawAsync(sponsor, id));
            var results = await Task.WhenAll(accept, withdraw);

            Assert.Equal(1, results.Count(r => r.Succeeded));
            var accepted = results[0].Succeeded;
            var status = (await db.RequestAsync(sponsor, id)).Summary.Status;
            Assert.Equal(accepted ? AdRequestStatus.Accepted : AdRequestStatus.Withdrawn, status);
            Assert.Equal(accepted ? 100m : 0m, (await db.LedgerAsync(sponsor, campaignId)).Committed);
        }
    }

    [Fact]
    public async Task Two_accepts_of_the_same_request_commit_it_once()
    {
        var sponsor = await db.CreateSponsorAsync();
        var influencer = await db.CreateInfluencerAsync();
        var requests = db.Get<AdRequestRepository>();
        for (var round = 0; round < Rounds; round++)
        {
            var (campaignId, id) = await NewRequestAsync(sponsor, influencer);

            var results = await Task.WhenAll(
                Task.Run(() => requests.AcceptAsync(influencer, id, seenRevision: 1)),
                Task.Run(() => requests.AcceptAsync(influencer, id, seenRevision: 1)));

            Assert.Equal(1, results.Count(r => r.Succeeded));
            Assert.Equal("This request is Accepted; it can no longer be accepted.", results.Single(r => !r.Succeeded).Message);
            Assert.Equal(100m, (await db.LedgerAsync(sponsor, campaignId)).Committed);
        }
    }

    [Fact]
    public async Task A_budget_cut_racing_accepts_never_leaves_the_budget_below_what_is_committed()
    {
        var sponsor = await db.CreateSponsorAsync();
        var influencers = new List<Actor>();
        for (var i = 0; i < 4; i++)
        {
            influencers.Add(await db.CreateInfluencerAsync());
        }

        for (var round = 0; round < Rounds / 2; round++)
        {
            var campaignId = await db.CreateCampaignAsync(sponsor, budget: 400m);
            var ids = new List<int>();
            foreach (var influencer in influencers)
            {
                ids.Add(await db.SendAsync(sponsor, campaignId, influencer, 100m));
            }

            var cut = Campaign(budget: 150m);
            var tasks = influencers.Select((influencer, i) =>
                    Task.Run(() => db.Get<AdRequestRepository>().AcceptAsync(influencer, ids[i], seenRevision: 1)))
                .Append(Task.Run(() => db.Get<CampaignRepository>().UpdateAsync(sponsor, campaignId, cut)))
                .ToList();
            await Task.WhenAll(tasks);

            var ledger = await db.LedgerAsync(sponsor, campaignId);
            Assert.True(ledger.Committed <= ledger.Budget, $"committed {ledger.Committed} > budget {ledger.Budget}");
            Assert.Equal(ledger.Committed, 100m * await CountAsync(campaignId, AdRequestStatus.Accepted));
        }
    }

    [Fact]
    public async Task An_accept_of_a_request_withdrawn_after_it_was_read_is_refused_and_commits_nothing()
    {
        var (sponsor, influencer, campaignId, id) = await FreshRequestAsync();

        Race($"UPDATE \"AdRequests\" SET \"Status\" = {(int)AdRequestStatus.Withdrawn} WHERE \"Id\" = {id}");
        var result = await db.Get<AdRequestRepository>().AcceptAsync(influencer, id, seenRevision: 1);

        Refused(result, "The request changed meanwhile; reload.");
        Assert.Equal(AdRequestStatus.Pending, (await db.RequestAsync(sponsor, id)).Summary.Status);
        Assert.Equal(0m, (await db.LedgerAsync(sponsor, campaignId)).Committed);
        Assert.Equal(0, (await db.InfluencerStatsAsync(influencer)).Accepted);
    }

    [Fact]
    public async Task A_counter_offer_crossing_one_from_the_other_side_is_refused()
    {
        var (sponsor, influencer, _, id) = await FreshRequestAsync();

        Race($"UPDATE \"AdRequests\" SET \"LatestRevision\" = 2, \"LatestBy\" = {(int)Party.Influencer} WHERE \"Id\" = {id}");
        var result = await db.Get<AdRequestRepository>().CounterAsync(influencer, id, seenRevision: 1, Offer(150m));

        Refused(result, "The request changed meanwhile; reload.");
        var request = await db.RequestAsync(sponsor, id);
        Assert.Equal((1, 100m), (request.Revisions.Count, request.Summary.Payment));
    }

    [Fact]
    public async Task An_accept_after_the_budget_was_taken_meanwhile_is_refused_with_what_is_left()
    {
        var (sponsor, influencer, campaignId, id) = await FreshRequestAsync();

        Race($"UPDATE \"Campaigns\" SET \"CommittedCents\" = \"BudgetCents\" - 5000 WHERE \"Id\" = {campaignId}");
        var result = await db.Get<AdRequestRepository>().AcceptAsync(influencer, id, seenRevision: 1);

        Refused(result, "Not enough budget left: $50.00 available.");
        Assert.Equal(AdRequestStatus.Pending, (await db.RequestAsync(sponsor, id)).Summary.Status);
        Assert.Equal(0m, (await db.LedgerAsync(sponsor, campaignId)).Committed);
    }

    [Fact]
    public async Task A_payment_of_a_request_cancelled_meanwhile_is_refused_and_records_no_payment()
    {
        var (sponsor, influencer, campaignId, id) = await FreshRequestAsync();
        Ok(await db.Get<AdRequestRepository>().AcceptAsync(influencer, id, seenRevision: 1));

        Race($"UPDATE \"AdRequests\" SET \"Status\" = {(int)AdRequestStatus.Cancelled} WHERE \"Id\" = {id}");
        var result = await db.Get<AdRequestRepository>().PayAsync(sponsor, id, Card());

        Refused(result, "The request changed meanwhile; reload.");
        var request = await db.RequestAsync(sponsor, id);
        Assert.Equal((AdRequestStatus.Accepted, null), (request.Summary.Status, request.Receipt));
        Assert.Equal(0m, (await db.LedgerAsync(sponsor, campaignId)).Spent);
    }

    /// <summary>The next move's read is followed by <paramref name="sql"/>, as if another writer committed it then.</summary>
    private void Race(string sql) => db.Race.AfterNextRead(AdRequestRepository.SnapshotTag, sql);

    private async Task<(Actor Sponsor, Actor Influencer, int CampaignId, int RequestId)> FreshRequestAsync()
    {
        var sponsor = await db.CreateSponsorAsync();
        var influencer = await db.CreateInfluencerAsync();
        var (campaignId, id) = await NewRequestAsync(sponsor, influencer);
        return (sponsor, influencer, campaignId, id);
    }

    private async Task<(int CampaignId, int RequestId)> NewRequestAsync(Actor sponsor, Actor influencer)
    {
        var campaignId = await db.CreateCampaignAsync(sponsor, budget: 500m);
        return (campaignId, await db.SendAsync(sponsor, campaignId, influencer, 100m));
    }

    private async Task<int> CountAsync(int campaignId, AdRequestStatus status)
    {
        await using var context = await db.Get<IDbContextFactory<IescpDbContext>>().CreateDbContextAsync();
        return await context.AdRequests.CountAsync(r => r.CampaignId == campaignId && r.Status == status);
    }
}
