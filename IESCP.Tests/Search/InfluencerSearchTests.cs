using IESCP.Data;
using IESCP.Data.Caching;
using IESCP.Data.Identity;
using IESCP.Data.Search;
using IESCP.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IESCP.Tests.Search;

[Trait("Category", "Integration")]
public sealed class InfluencerSearchTests : DatabaseTest
{
    [Fact]
    public async Task Filters_by_category_follower_range_and_text_in_name_or_niche()
    {
        var sponsor = await Db.CreateSponsorAsync();
        await Db.CreateInfluencerAsync("Ana Lens", "Technology", "AI", 5_000);
        await Db.CreateInfluencerAsync("Cara Byte", "Technology", "Gadgets", 500);
        await Db.CreateInfluencerAsync("Bob Grill", "Food", "Recipes", 50_000);

        Assert.Equal(["Ana Lens"], await NamesAsync(sponsor, new() { Category = "Technology", MinFollowers = 1_000 }));
        Assert.Equal(["Cara Byte"], await NamesAsync(sponsor, new() { MaxFollowers = 1_000 }));
        Assert.Equal(["Ana Lens"], await NamesAsync(sponsor, new() { Text = "LENS" }));
        Assert.Equal(["Bob Grill"], await NamesAsync(sponsor, new() { Text = "recip" }));
        Assert.Empty(await NamesAsync(sponsor, new() { Text = "%" }));
    }

    [Fact]
    public async Task A_niche_match_outranks_a_bigger_influencer_of_the_same_category_and_other_categories_are_left_out()
    {
        var sponsor = await Db.CreateSponsorAsync();
        await Db.CreateInfluencerAsync("Small AI", "Technology", "AI", 2_000);
        await Db.CreateInfluencerAsync("Huge Gadgets", "Technology", "Gadgets", 5_000_000);
        await Db.CreateInfluencerAsync("Huge Chef", "Food", "Recipes", 9_000_000);

        var page = await Db.Get<InfluencerSearch>().SearchAsync(sponsor, new() { Niche = "AI" });

        Assert.Equal(["Small AI", "Huge Gadgets"], page.Items.Select(i => i.Name));
        var (match, neighbour) = (page.Items[0].Score, page.Items[1].Score);
        Assert.Equal((40, 20), (match.NicheMatch, neighbour.NicheMatch));
        Assert.True(neighbour.Reach > match.Reach);
        Assert.StartsWith("Niche match 40 · Reach ", match.Explain(), StringComparison.Ordinal);
        Assert.Matches(@"^Niche match 20 · Reach \d+\.\d · Track record \d+\.\d · Rating \d+\.\d$", neighbour.Explain());
    }

    [Fact]
    public async Task The_prior_keeps_one_success_in_one_below_ninety_five_in_a_hundred()
    {
        var sponsor = await Db.CreateSponsorAsync();
        var lucky = await Db.CreateInfluencerAsync("One For One", followers: 10_000);
        var proven = await Db.CreateInfluencerAsync("Ninety Five", followers: 10_000);
        await Db.SetTrackRecordAsync(lucky, received: 1, accepted: 1, completed: 1, ratingSum: 5, ratingCount: 1);
        await Db.SetTrackRecordAsync(proven, received: 100, accepted: 95, completed: 93, ratingSum: 188, ratingCount: 40);

        var page = await Db.Get<InfluencerSearch>().SearchAsync(sponsor, new());

        Assert.Equal(["Ninety Five", "One For One"], page.Items.Select(i => i.Name));
        var (first, second) = (page.Items[0], page.Items[1]);
        Assert.True(first.Score.TrackRecord > second.Score.TrackRecord);
        Assert.True(first.Score.Rating > second.Score.Rating, "4.7 over 40 ratings beats a single 5");
        Assert.Equal((1.0, 1.0, 5.0), (second.AcceptanceRate, second.CompletionRate, second.AverageRating));
        Assert.Equal(0.95, first.AcceptanceRate);
    }

    [Fact]
    public async Task Sorts_by_followers_rating_and_name()
    {
        var sponsor = await Db.CreateSponsorAsync();
        var zed = await Db.CreateInfluencerAsync("Zed", followers: 300);
        await Db.CreateInfluencerAsync("Amy", followers: 100);
        var mia = await Db.CreateInfluencerAsync("Mia", followers: 200);
        await Db.SetTrackRecordAsync(mia, 10, 10, 10, ratingSum: 50, ratingCount: 10);
        await Db.SetTrackRecordAsync(zed, 10, 10, 10, ratingSum: 20, ratingCount: 10);

        Assert.Equal(["Zed", "Mia", "Amy"], await NamesAsync(sponsor, new() { Sort = InfluencerSort.Followers }));
        Assert.Equal(["Mia", "Amy", "Zed"], await NamesAsync(sponsor, new() { Sort = InfluencerSort.Rating }));
        Assert.Equal(["Amy", "Mia", "Zed"], await NamesAsync(sponsor, new() { Sort = InfluencerSort.Name }));
    }

    [Fact]
    public async Task Pages_carry_the_total_and_the_page_size_stays_within_fifty()
    {
        var sponsor = await Db.CreateSponsorAsync();
        for (var n = 1; n <= 7; n++)
        {
            await Db.CreateInfluencerAsync($"Creator {n}", followers: n * 1_000);
        }

        var search = Db.Get<InfluencerSearch>();
        var last = await search.SearchAsync(sponsor, new() { Sort = InfluencerSort.Followers, Page = 3, PageSize = 3 });
        var huge = await search.SearchAsync(sponsor, new() { PageSize = 500, Page = 0 });

        Assert.Equal((7, 3), (last.TotalCount, last.PageCount));
        Assert.Equal(["Creator 1"], last.Items.Select(i => i.Name));
        Assert.Equal((50, 1, 7), (huge.PageSize, huge.Page, huge.Items.Count));
    }

    [Fact]
    public async Task Flagged_influencers_are_left_out()
    {
        var sponsor = await Db.CreateSponsorAsync();
        await Db.CreateInfluencerAsync("Visible");
        await Db.FlagAsync(await Db.CreateInfluencerAsync("Flagged"));

        var page = await Db.Get<InfluencerSearch>().SearchAsync(sponsor, new());

        Assert.Equal((1, "Visible"), (page.TotalCount, page.Items.Single().Name));
    }

    [Fact]
    public async Task Only_sponsors_may_search_influencers()
    {
        var influencer = await Db.CreateInfluencerAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => Db.Get<InfluencerSearch>().SearchAsync(influencer, new()));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await Db.Get<InfluencerSearch>().SearchAsync(await Db.AdminAsync(), new()));
    }

    [Fact]
    public async Task The_relevance_order_from_SQL_is_the_order_of_the_explained_scores()
    {
        var sponsor = await Db.CreateSponsorAsync();
        var random = new Random(7);
        for (var n = 0; n < 12; n++)
        {
            var received = random.Next(0, 60);
            var accepted = random.Next(0, received + 1);
            var influencer = await Db.CreateInfluencerAsync($"Creator {n}", "Technology", n % 2 == 0 ? "AI" : "Software", random.Next(0, 3_000_000));
            await Db.SetTrackRecordAsync(influencer, received, accepted, random.Next(0, accepted + 1), random.Next(0, 40), random.Next(0, 9));
        }

        var page = await Db.Get<InfluencerSearch>().SearchAsync(sponsor, new() { Niche = "AI", PageSize = 50 });
        await using var db = await Db.ContextAsync();
        var stored = db.Influencers.ToDictionary(i => i.Id, i => i.ProfileScore);

        Assert.Equal(12, page.Items.Count);
        Assert.Equal(page.Items.Select(i => i.Score.Total).OrderDescending(), page.Items.Select(i => i.Score.Total));
        Assert.All(page.Items, i => Assert.Equal(i.Score.Total - i.Score.NicheMatch, stored[i.Id], 9));
    }

    [Fact]
    public async Task Ranking_every_match_in_one_query_gives_the_pages_of_the_two_score_ordered_reads()
    {
        var sponsor = await Db.CreateSponsorAsync();
        var random = new Random(21);
        string[] niches = ["AI", "Software", "Gadgets"];
        for (var n = 0; n < 24; n++)
        {
            var influencer = await Db.CreateInfluencerAsync($"Creator {n}", "Technology", niches[n % 3], random.Next(0, 3_000_000));
            await Db.SetTrackRecordAsync(influencer, 20, random.Next(0, 20), random.Next(0, 5), random.Next(0, 40), random.Next(0, 9));
        }

        // Equal scores in the niche and out of it: ties break on the id alike.
        for (var n = 0; n < 4; n++)
        {
            await Db.CreateInfluencerAsync($"Twin {n}", "Technology", niches[n % 2], 1_500_000);
        }

        var oneQuery = Db.Get<InfluencerSearch>();
        using var ownCache = new ReadCache(new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())), NullLogger<ReadCache>.Instance);
        var twoReads = new InfluencerSearch(Db.Get<IDbContextFactory<IescpDbContext>>(), ownCache, Db.Get<SearchMetrics>()) { RankAllUpTo = 0 };
        foreach (var min in new long?[] { null, 1_000_000, 2_000_000 })
        {
            for (var page = 1; page <= 4; page++)
            {
                var query = new InfluencerSearchQuery { Niche = "AI", MinFollowers = min, Page = page, PageSize = 5 };
                var ranked = await oneQuery.SearchAsync(sponsor, query);
                var merged = await twoReads.SearchAsync(sponsor, query);

                Assert.Equal(merged.TotalCount, ranked.TotalCount);
                Assert.Equal(merged.Items.Select(i => (i.Id, i.Score.Total)), ranked.Items.Select(i => (i.Id, i.Score.Total)));
            }
        }

        var all = await oneQuery.SearchAsync(sponsor, new() { Niche = "AI", PageSize = 50 });
        Assert.Equal(28, all.Items.Count);
        Assert.Equal(all.Items.OrderByDescending(i => i.Score.Total).ThenByDescending(i => i.Id).Select(i => i.Id), all.Items.Select(i => i.Id));
    }

    private async Task<string[]> NamesAsync(Actor sponsor, InfluencerSearchQuery query) =>
        [.. (await Db.Get<InfluencerSearch>().SearchAsync(sponsor, query)).Items.Select(i => i.Name)];
}
