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

public sealed class InfluencerSearch(IDbContextFactory<IescpDbContext> contexts)
{
    public async Task<PagedResult<InfluencerSearchItem>> SearchAsync(Actor actor, InfluencerSearchQuery query)
    {
        actor.Require(Roles.Sponsor);
        var (page, size, skip) = Querying.Paging(query.Page, query.PageSize);
        var niche = NullIfBlank(query.Niche);
        var category = NullIfBlank(query.Category);
        var nicheCategory = Niches.IsNiche(niche) ? Niches.CategoryOf(niche!) : null;
        var pattern = Querying.ContainsPattern(query.Text);

        await using var db = await contexts.CreateDbContextAsync();
        var influencers = db.Influencers.AsQueryable();
        if (category is not null)
        {
            influencers = influencers.Where(i => i.Category == category);
        }

        if (niche is not null)
        {
            influencers = nicheCategory is null
                ? influencers.Where(i => i.Niche == niche)
                : influencers.Where(i => i.Category == nicheCategory);
        }

        if (query.MinFollowers is { } min)
        {
            influencers = influencers.Where(i => i.Followers >= min);
        }

        if (query.MaxFollowers is { } max)
        {
            influencers = influencers.Where(i => i.Followers <= max);
        }

        if (pattern is not null)
        {
            influencers = influencers.Where(i => EF.Functions.Like(i.Name, pattern, @"\")
                || EF.Functions.Like(i.Niche, pattern, @"\"));
        }

        // Few users are flagged. Counting all matches from an index and taking away the flagged
        // ones is cheaper than checking every match against the flagged list.
        var flagged = db.Users.Where(u => u.IsFlagged || u.DeletedAt != null).Select(u => u.Id);
        var total = await influencers.CountAsync() - await influencers.Where(i => flagged.Contains(i.UserId)).CountAsync();
        var rows = await Order(influencers.Where(i => !flagged.Contains(i.UserId)), query.Sort, niche).Skip(skip).Take(size)
            .Select(i => new
            {
                i.Id, i.Name, i.Category, i.Niche, i.Followers,
                i.RequestsReceived, i.RequestsAccepted, i.RequestsCompleted, i.RatingSum, i.RatingCount,
            })
            .ToListAsync();

        var searchedCategory = category ?? nicheCategory;
        var items = rows.Select(r => new InfluencerSearchItem(
            r.Id, r.Name, r.Category, r.Niche, r.Followers,
            r.RatingCount == 0 ? null : (double)r.RatingSum / r.RatingCount,
            r.RatingCount,
            r.RequestsReceived == 0 ? null : (double)r.RequestsAccepted / r.RequestsReceived,
            r.RequestsAccepted == 0 ? null : (double)r.RequestsCompleted / r.RequestsAccepted,
            new ScoreBreakdown(
                Relevance.NicheMatch(r.Niche, r.Category, niche, searchedCategory),
                Relevance.Reach(r.Followers),
                Relevance.TrackRecord(r.RequestsReceived, r.RequestsAccepted, r.RequestsCompleted),
                Relevance.Rating(r.RatingSum, r.RatingCount))));
        return new PagedResult<InfluencerSearchItem>([.. items], total, page, size);
    }

    /// <summary>
    /// Ties break on the id in the direction of the sort, so each order is exactly an index read
    /// backwards or forwards when no filter narrows the set first.
    /// </summary>
    private static IQueryable<Influencer> Order(IQueryable<Influencer> influencers, InfluencerSort sort, string? niche) => sort switch
    {
        InfluencerSort.Followers => influencers.OrderByDescending(i => i.Followers).ThenByDescending(i => i.Id),
        InfluencerSort.Rating => influencers.OrderByDescending(Relevance.BayesianRating).ThenByDescending(i => i.RatingCount).ThenByDescending(i => i.Id),
        InfluencerSort.Name => influencers.OrderBy(i => i.Name).ThenBy(i => i.Niche).ThenBy(i => i.Id),
        // Without a niche every row has the same niche match, so the indexed column alone orders them.
        _ when niche is null => influencers.OrderByDescending(i => i.ProfileScore).ThenByDescending(i => i.Id),
        _ => influencers
            .OrderByDescending(i => (i.Niche == niche ? Relevance.NicheMatchPoints : Relevance.CategoryMatchPoints) + i.ProfileScore)
            .ThenByDescending(i => i.Id),
    };

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
