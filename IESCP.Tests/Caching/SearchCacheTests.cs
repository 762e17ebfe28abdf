using IESCP.Data.Admin;
using IESCP.Data.Caching;
using IESCP.Data.Influencers;
using IESCP.Data.Search;
using IESCP.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Tests.Caching;

/// <summary>
/// Search results, profiles, campaign pages and statistics are cached; every write that changes
/// them bumps their scope after it commits, so the next read (the writer's own first) shows the change.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SearchCacheTests : DatabaseTest
{
    [Fact]
    public async Task A_repeated_search_is_served_from_the_cache_and_an_edited_profile_shows_in_the_next_one()
    {
        var sponsor = await Db.CreateSponsorAsync();
        var influencer = await Db.CreateInfluencerAsync("Old Name", "Technology", "AI");
        var search = Db.Get<InfluencerSearch>();
        Assert.Equal(["Old Name"], (await search.SearchAsync(sponsor, new() { Niche = "AI" })).Items.Select(i => i.Name));

        // A change behind the repositories' back bumps nothing: the same (normalised) search still reads the cache.
        await using (var db = await Db.ContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"Influencers\" SET \"Name\" = 'Unseen' WHERE \"UserId\" = {0}", influencer.UserId);
        }

        Assert.Equal(["Old Name"], (await search.SearchAsync(sponsor, new() { Niche = " AI ", Page = 0 })).Items.Select(i => i.Name));

        var profile = ProfileInput.From((await Db.Get<InfluencerRepository>().GetOwnProfileAsync(influencer))!);
        profile.Name = "New Name";
        Marketplace.Ok(await Db.Get<InfluencerRepository>().UpdateOwnProfileAsync(influencer, profile));

        Assert.Equal(["New Name"], (await search.SearchAsync(sponsor, new() { Niche = "AI" })).Items.Select(i => i.Name));
        Assert.Equal("New Name", (await Db.Get<InfluencerRepository>().GetPublicProfileAsync(sponsor, await Db.InfluencerIdAsync(influencer)))?.Name);
    }

    [Fact]
    public async Task An_admins_flag_hides_the_influencer_from_the_next_search_and_profile_read_while_admins_still_see_the_profile()
    {
        var sponsor = await Db.CreateSponsorAsync();
        var influencer = await Db.CreateInfluencerAsync("Soon Flagged");
        var id = await Db.InfluencerIdAsync(influencer);
        var profiles = Db.Get<InfluencerRepository>();
        Assert.Single((await Db.Get<InfluencerSearch>().SearchAsync(sponsor, new())).Items);
        Assert.NotNull(await profiles.GetPublicProfileAsync(sponsor, id));

        Marketplace.Ok(await Db.Get<ModerationRepository>().FlagUserAsync(await Db.AdminAsync(), influencer.UserId, new ReasonInput { Reason = "Spam" }));

        Assert.Empty((await Db.Get<InfluencerSearch>().SearchAsync(sponsor, new())).Items);
        Assert.Null(await profiles.GetPublicProfileAsync(sponsor, id));
        Assert.Equal("Soon Flagged", (await profiles.GetPublicProfileAsync(await Db.AdminAsync(), id))?.Name);
        Assert.Null(await profiles.GetPublicProfileAsync(sponsor, id));
    }

    [Fact]
    public async Task An_accepted_request_shows_as_less_budget_left_in_the_next_campaign_search_and_page()
    {
        var sponsor = await Db.CreateSponsorAsync();
        var influencer = await Db.CreateInfluencerAsync();
        var campaign = await Db.CreateCampaignAsync(sponsor, budget: 1_000m);
        var search = Db.Get<CampaignSearch>();
        Assert.Equal(100_000, (await search.SearchAsync(influencer, new())).Items.Single().AvailableCents);
        Assert.Equal(100_000, (await search.GetCampaignForInfluencerAsync(influencer, campaign))?.AvailableCents);

        await Db.AcceptedAsync(sponsor, campaign, influencer, 300m);

        Assert.Equal(70_000, (await search.SearchAsync(influencer, new())).Items.Single().AvailableCents);
        Assert.Equal(70_000, (await search.GetCampaignForInfluencerAsync(influencer, campaign))?.AvailableCents);
    }

    [Fact]
    public async Task A_sponsor_signing_up_shows_in_the_admins_next_statistics()
    {
        var statistics = Db.Get<StatisticsRepository>();
        var admin = await Db.AdminAsync();
        var before = (await statistics.GetAsync(admin)).Users.PendingSponsors;

        await Db.CreateSponsorAsync(approved: false);

        Assert.Equal(before + 1, (await statistics.GetAsync(admin)).Users.PendingSponsors);
    }

    [Fact]
    public async Task Concurrent_misses_of_one_entry_load_it_once()
    {
        var cache = Db.Get<ReadCache>();
        var loads = 0;
        var gate = new TaskCompletionSource();
        async Task<int> LoadAsync()
        {
            Interlocked.Increment(ref loads);
            await gate.Task;
            return 42;
        }

        var readers = Enumerable.Range(0, 20)
            .Select(_ => Task.Run(() => cache.GetVersionedAsync(CacheScopes.Influencers, "popular", TimeSpan.FromMinutes(1), LoadAsync)))
            .ToList();
        await Task.Delay(200);
        gate.SetResult();

        Assert.All(await Task.WhenAll(readers), value => Assert.Equal(42, value));
        Assert.Equal(1, loads);
    }
}
