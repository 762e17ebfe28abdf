using IESCP.Data.AdRequests;
using IESCP.Data.Admin;
using IESCP.Data.Campaigns;
using IESCP.Data.Identity;
using IESCP.Data.Sponsors;
using IESCP.Tests.Infrastructure;
using static IESCP.Tests.Infrastructure.Marketplace;

namespace IESCP.Tests.Admin;

/// <summary>Each figure of the admin's dashboard against a database whose every row the test wrote.</summary>
[Trait("Category", "Integration")]
public sealed class StatisticsTests : DatabaseTest
{
    [Fact]
    public async Task Each_figure_counts_exactly_the_rows_it_describes()
    {
        var admin = await Db.AdminAsync();
        var moderation = Db.Get<ModerationRepository>();
        var sponsors = Db.Get<SponsorRepository>();

        // Week 1 (the clock's first week): two sponsors and two influencers sign up.
        var brand = await Db.CreateSponsorAsync(name: "Brand");
        var other = await Db.CreateSponsorAsync(name: "Other brand");
        var ada = await Db.CreateInfluencerAsync(name: "Ada");
        var bo = await Db.CreateInfluencerAsync(name: "Bo");
        // Two weeks later: one sponsor waits, one is rejected, one influencer signs up and is removed, one is flagged.
        Db.Clock.Advance(TimeSpan.FromDays(14));
        await Db.CreateSponsorAsync(name: "Waiting", approved: false);
        var rejected = await Db.CreateSponsorAsync(name: "Rejected", approved: false);
        Ok(await sponsors.DecideAsync(admin, (await sponsors.GetOwnProfileAsync(rejected))!.Id, ApprovalStatus.Rejected, "No."));
        var gone = await Db.CreateInfluencerAsync(name: "Gone");
        Ok(await moderation.DeleteUserAsync(admin, gone.UserId, new ReasonInput { Reason = "Asked." }));
        Ok(await moderation.FlagUserAsync(admin, bo.UserId, new ReasonInput { Reason = "Spam." }));

        // Campaigns: two public (one upcoming), one private, one flagged; money committed and spent.
        var running = await Db.CreateCampaignAsync(brand, budget: 1_000m);
        var upcoming = Campaign(budget: 500m, name: "Later", start: Db.Clock.Today.AddDays(10));
        upcoming.Niche = "AI";
        var later = (await Db.Get<CampaignRepository>().CreateAsync(other, upcoming)).Value;
        await Db.CreateCampaignAsync(brand, budget: 300m, visibility: CampaignVisibility.Private);
        var flagged = await Db.CreateCampaignAsync(other, budget: 200m);
        Ok(await moderation.FlagCampaignAsync(admin, flagged, new ReasonInput { Reason = "Odd." }));
        var paid = await Db.AcceptedAsync(brand, running, ada, 400m);
        Ok(await Db.Get<AdRequestRepository>().PayAsync(brand, paid, Card()));
        await Db.AcceptedAsync(other, later, ada, 100m);
        await Db.SendAsync(brand, running, await Db.CreateInfluencerAsync(name: "Cy"), 50m);

        // Activity: Ada and Brand opened the app lately, Other 40 days before the end.
        await Db.Get<UserActivity>().SeenAsync(other.UserId);
        Db.Clock.Advance(TimeSpan.FromDays(40));
        await Db.Get<UserActivity>().SeenAsync(ada.UserId);
        await Db.Get<UserActivity>().SeenAsync(brand.UserId);

        var stats = await Db.Get<StatisticsRepository>().GetAsync(admin);

        Assert.Equal(new UserFigures(Sponsors: 2, PendingSponsors: 1, RejectedSponsors: 1, Influencers: 3, ActiveLast30Days: 2, Flagged: 1, Removed: 1), stats.Users);
        // By now the month-long campaigns of the first week have ended; only "Later" runs.
        Assert.Equal(new CampaignFigures(Total: 4, Public: 3, Private: 1, Flagged: 1, Current: 1), stats.Campaigns);
        Assert.Equal((1, 1, 1), (stats.RequestsByStatus[AdRequestStatus.Pending], stats.RequestsByStatus[AdRequestStatus.Accepted], stats.RequestsByStatus[AdRequestStatus.Paid]));
        Assert.Equal(3, stats.RequestsByStatus.Values.Sum());
        Assert.Equal((500m, 400m), (stats.Committed, stats.Spent));
        Assert.Equal([new NicheSpend("Gadgets", 400m)], stats.SpendByNiche);

        Assert.Equal(StatisticsRepository.Weeks, stats.Weeks.Count);
        Assert.Equal(ProfileWeek(Db.Clock.Today), stats.Weeks[^1].WeekStart);
        var byWeek = stats.Weeks.Where(w => w.Sponsors + w.Influencers + w.Requests > 0)
            .Select(w => (w.WeekStart, w.Sponsors, w.Influencers, w.Requests)).ToList();
        var start = ProfileWeek(Marketplace.Today);
        Assert.Equal([(start, 2, 2, 0), (start.AddDays(14), 2, 2, 3)], byWeek);
    }

    private static DateOnly ProfileWeek(DateOnly day) => IESCP.Data.Influencers.ProfileViewWeek.WeekOf(day);
}
