using System.Globalization;
using IESCP.Data.Caching;
using IESCP.Data.Catalog;
using IESCP.Data.Identity;
using IESCP.Data.Influencers;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.Search;

public enum InfluencerSort
{
    Relevance = 0,
    Followers = 1,
    Rating = 2,
    Name = 3,
}

/// <summary>
/// A sponsor's search. A niche ranks more than it filters: the results are the niche's category,
/// the niche itself first (niche match 40 against 20), so a thin niche still shows close
/// alternatives. Text matches anywhere in the name or the niche, ignoring case.
/// </summary>
public sealed record InfluencerSearchQuery
{
    public string? Text { get; init; }

    public string? Category { get; init; }

    public string? Niche { get; init; }

    public long? MinFollowers { get; init; }

    public long? MaxFollowers { get; init; }

    public InfluencerSort Sort { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}

/// <summary>Rates are null until there is something to divide; the score explains the ranking.</summary>
public sealed record InfluencerSearchItem(
    int Id,
    string Name,
    string Category,
    string Niche,
    long Followers,
    double? AverageRating,
    int RatingCount,
    double? AcceptanceRate,
    double? CompletionRate,
    ScoreBreakdown Score);

/// <summary>
/// Every search reads listed influencers only (<see cref="Influencer.IsListed"/>, kept by triggers),
/// counts its matches with one index count, reads the page's ids from the index of its order, and
/// then fetches those rows. Results are the same for every sponsor, so they are cached under the
/// normalised query until an influencer changes.
/// </summary>
public sealed class InfluencerSearch(IDbContextFactory<IescpDbContext> contexts, ReadCache cache, SearchMetrics metrics)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Up to this many matches, ranking them all costs less than reading two score-ordered indexes
    /// until enough of them match (those reads grow as the share of matches shrinks).
    /// </summary>
    internal int RankAllUpTo { get; init; } = 1_000;

    public Task<PagedResult<InfluencerSearchItem>> SearchAsync(Actor actor, InfluencerSearchQuery query)
    {
        actor.Require(Roles.Sponsor);
        metrics.Requested(CacheScopes.Influencers);
        var filter = InfluencerFilter.Of(query);
        return cache.GetVersionedAsync(CacheScopes.Influencers, filter.Key, Lifetime, () => LoadAsync(filter));
    }

    private async Task<PagedResult<InfluencerSearchItem>> LoadAsync(InfluencerFilter filter)
    {
        metrics.Loaded(CacheScopes.Influencers);
        await using var db = await contexts.CreateDbContextAsync();
        // One connection for the search's three or four statements.
        await db.Database.OpenConnectionAsync();
        var matches = Matching(db, filter);
        // A range over followers (one that holds for every row when none is asked for) lets SQLite
        // count from the index of follower counts instead of reading every row of the table.
        var total = await (filter.MinFollowers is null ? matches.Where(i => i.Followers >= long.MinValue) : matches).CountAsync();
        var ids = total <= filter.Skip ? []
            : filter is { Sort: InfluencerSort.Relevance, KnownNiche: { } niche } ? await NicheFirstAsync(matches, niche, filter, total)
            : await Order(matches, filter.Sort).Skip(filter.Skip).Take(filter.Size).Select(i => i.Id).ToListAsync();
        var rows = await db.Influencers.Where(i => ids.Contains(i.Id))
            .Select(i => new Row(i.Id, i.Name, i.Category, i.Niche, i.Followers, i.ReachScore,
                i.RequestsReceived, i.RequestsAccepted, i.RequestsCompleted, i.RatingSum, i.RatingCount))
            .ToDictionaryAsync(r => r.Id);
        var items = ids.Select(id => rows[id]).Select(r => new InfluencerSearchItem(
            r.Id, r.Name, r.Category, r.Niche, r.Followers,
            r.RatingCount == 0 ? null : (double)r.RatingSum / r.RatingCount,
            r.RatingCount,
            r.Received == 0 ? null : (double)r.Accepted / r.Received,
            r.Accepted == 0 ? null : (double)r.Completed / r.Accepted,
            new ScoreBreakdown(
                Relevance.NicheMatch(r.Niche, r.Category, filter.Niche, filter.SearchedCategory),
                r.ReachScore,
                Relevance.TrackRecord(r.Received, r.Accepted, r.Completed),
                Relevance.Rating(r.RatingSum, r.RatingCount))));
        return new PagedResult<InfluencerSearchItem>([.. items], total, filter.Page, filter.Size);
    }

    private static IQueryable<Influencer> Matching(IescpDbContext db, InfluencerFilter filter)
    {
        var influencers = db.Influencers.Where(i => i.IsListed);
        if (filter.Category is { } category)
        {
            influencers = influencers.Where(i => i.Category == category);
        }

        if (filter.Niche is { } niche)
        {
            influencers = filter.KnownNiche is null
                ? influencers.Where(i => i.Niche == niche)
                : influencers.Where(i => i.Category == filter.SearchedCategory);
        }

        if (filter.MinFollowers is { } min)
        {
            influencers = influencers.Where(i => i.Followers >= min);
        }

        if (filter.MaxFollowers is { } max)
        {
            influencers = influencers.Where(i => i.Followers <= max);
        }

        if (filter.Pattern is { } pattern)
        {
            influencers = influencers.Where(i => EF.Functions.Like(i.Name, pattern, @"\") || EF.Functions.Like(i.Niche, pattern, @"\"));
        }

        return influencers;
    }

    /// <summary>
    /// Relevance with a niche: niche matches score 40 more, the rest of its category 20. When the
    /// filters leave few matches (a high follower minimum, say), SQLite ranks them all by the
    /// boosted score, reading the index of the category's follower counts, which carries score and
    /// niche. Otherwise each group is read in score order from its own index, at most as far as
    /// this page reaches, and the page is the best of both: the same page, in the same order.
    /// </summary>
    private async Task<List<int>> NicheFirstAsync(IQueryable<Influencer> matches, string niche, InfluencerFilter filter, int total)
    {
        if (total <= RankAllUpTo)
        {
            return await matches
                .OrderByDescending(i => (i.Niche == niche ? Relevance.NicheMatchPoints : Relevance.CategoryMatchPoints) + i.ProfileScore)
                .ThenByDescending(i => i.Id)
                .Skip(filter.Skip).Take(filter.Size).Select(i => i.Id).ToListAsync();
        }

        var reach = filter.Skip + filter.Size;
        var inNiche = await matches.Where(i => i.Niche == niche).OrderByDescending(i => i.ProfileScore).ThenByDescending(i => i.Id)
            .Take(reach).Select(i => new { i.Id, i.ProfileScore }).ToListAsync();
        var around = await matches.Where(i => i.Niche != niche).OrderByDescending(i => i.ProfileScore).ThenByDescending(i => i.Id)
            .Take(reach).Select(i => new { i.Id, i.ProfileScore }).ToListAsync();
        return
        [
            .. inNiche.Select(i => (i.Id, Score: Relevance.NicheMatchPoints + i.ProfileScore))
                .Concat(around.Select(i => (i.Id, Score: Relevance.CategoryMatchPoints + i.ProfileScore)))
                .OrderByDescending(i => i.Score).ThenByDescending(i => i.Id)
                .Skip(filter.Skip).Take(filter.Size).Select(i => i.Id),
        ];
    }

    /// <summary>Ties break on the id in the direction of the sort: each order is exactly one index read backwards or forwards.</summary>
    private static IQueryable<Influencer> Order(IQueryable<Influencer> influencers, InfluencerSort sort) => sort switch
    {
        InfluencerSort.Followers => influencers.OrderByDescending(i => i.Followers).ThenByDescending(i => i.Id),
        InfluencerSort.Rating => influencers.OrderByDescending(i => i.RatingScore).ThenByDescending(i => i.RatingCount).ThenByDescending(i => i.Id),
        InfluencerSort.Name => influencers.OrderBy(i => i.Name).ThenBy(i => i.Niche).ThenBy(i => i.Id),
        _ => influencers.OrderByDescending(i => i.ProfileScore).ThenByDescending(i => i.Id),
    };

    private sealed record Row(int Id, string Name, string Category, string Niche, long Followers, double ReachScore,
        int Received, int Accepted, int Completed, int RatingSum, int RatingCount);

    /// <summary>The query with blanks dropped, text trimmed and paging clamped: equal searches get equal keys.</summary>
    private sealed record InfluencerFilter(string? Text, string? Category, string? Niche, long? MinFollowers, long? MaxFollowers,
        InfluencerSort Sort, int Page, int Size)
    {
        public int Skip => (Page - 1) * Size;

        public string? Pattern => Querying.ContainsPattern(Text);

        /// <summary>The niche when it is one of the catalogue's; its category is then what is searched.</summary>
        public string? KnownNiche => Niches.IsNiche(Niche) ? Niche : null;

        public string? SearchedCategory => Category ?? (KnownNiche is { } niche ? Niches.CategoryOf(niche) : null);

        public string Key => string.Create(CultureInfo.InvariantCulture,
            $"search:{Querying.CaseKey(Text)}|{Querying.KeyPart(Category)}|{Querying.KeyPart(Niche)}|{MinFollowers}|{MaxFollowers}|{Sort}|{Page}|{Size}");

        public static InfluencerFilter Of(InfluencerSearchQuery query)
        {
            var (page, size, _) = Querying.Paging(query.Page, query.PageSize);
            return new InfluencerFilter(Querying.Clean(query.Text), Querying.Clean(query.Category), Querying.Clean(query.Niche),
                query.MinFollowers, query.MaxFollowers, query.Sort, page, size);
        }
    }
}
