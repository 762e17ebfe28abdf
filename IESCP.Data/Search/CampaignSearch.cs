using System.Globalization;
using System.Text;
using IESCP.Data.Caching;
using IESCP.Data.Campaigns;
using IESCP.Data.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.Search;

/// <summary>
/// Influencers' search of listed campaigns (<see cref="Campaign.IsListed"/>, kept by triggers):
/// one index count, the page's ids from the index of its order, then those rows. Text is found
/// through the trigram full-text index of names, niches and descriptions. Results and listed
/// campaign pages are the same for every influencer, so they are cached until a campaign changes.
/// </summary>
public sealed class CampaignSearch(IDbContextFactory<IescpDbContext> contexts, TimeProvider clock, ReadCache cache, SearchMetrics metrics)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    // The trigram index finds substrings of three characters or more; shorter text is matched with LIKE.
    private const int IndexedTextLength = 3;

    public Task<PagedResult<CampaignSearchItem>> SearchAsync(Actor actor, CampaignSearchQuery query)
    {
        actor.Require(Roles.Influencer);
        metrics.Requested(CacheScopes.Campaigns);
        var filter = CampaignFilter.Of(query, Today());
        return cache.GetVersionedAsync(CacheScopes.Campaigns, filter.Key, Lifetime, () => LoadAsync(filter));
    }

    /// <summary>
    /// A listed campaign, or any campaign the influencer has an ad request on: private campaigns
    /// are seen only by their sponsor and the influencers they asked, and a request stays readable
    /// after its campaign ends or is hidden. Null otherwise, as if it did not exist. Listed
    /// campaigns come from the cache; the others are checked for this influencer every time.
    /// </summary>
    public async Task<ListedCampaign?> GetCampaignForInfluencerAsync(Actor actor, int campaignId)
    {
        actor.Require(Roles.Influencer);
        var today = Today();
        var listed = await cache.GetVersionedAsync(CacheScopes.Campaigns,
            string.Create(CultureInfo.InvariantCulture, $"campaign:{campaignId}:{today:yyyy-MM-dd}"), Lifetime,
            () => FindAsync(db => db.Campaigns.Where(c => c.Id == campaignId && c.IsListed && c.EndDate >= today)));
        return listed ?? await FindAsync(db =>
        {
            var mine = db.Influencers.Where(i => i.UserId == actor.UserId).Select(i => i.Id);
            return db.Campaigns.Where(c => c.Id == campaignId && db.AdRequests.Any(r => r.CampaignId == c.Id && mine.Contains(r.InfluencerId)));
        });
    }

    private async Task<ListedCampaign?> FindAsync(Func<IescpDbContext, IQueryable<Campaign>> campaign)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await campaign(db)
            .Select(c => new ListedCampaign(c.Id, c.Name, c.Description, c.Goals, c.Sponsor!.Name, c.Category, c.Niche,
                c.StartDate, c.EndDate, c.BudgetCents, c.BudgetCents - c.CommittedCents, c.Visibility))
            .FirstOrDefaultAsync();
    }

    private async Task<PagedResult<CampaignSearchItem>> LoadAsync(CampaignFilter filter)
    {
        metrics.Loaded(CacheScopes.Campaigns);
        await using var db = await contexts.CreateDbContextAsync();
        // One connection for the search's two or three statements.
        await db.Database.OpenConnectionAsync();
        var (total, ids) = filter.Text is { Length: >= IndexedTextLength } text
            ? await TextPageAsync(db, filter, text)
            : await PageAsync(Matching(db, filter), filter);
        var rows = await db.Campaigns.Where(c => ids.Contains(c.Id))
            .Select(c => new CampaignSearchItem(c.Id, c.Name, c.Sponsor!.Name, c.Category, c.Niche,
                c.StartDate, c.EndDate, c.BudgetCents, c.BudgetCents - c.CommittedCents))
            .ToDictionaryAsync(c => c.Id);
        return new PagedResult<CampaignSearchItem>([.. ids.Select(id => rows[id])], total, filter.Page, filter.Size);
    }

    /// <summary>Without text: an index count, then the page's ids in the order of an index.</summary>
    private static async Task<(int Total, List<int> Ids)> PageAsync(IQueryable<Campaign> matches, CampaignFilter filter)
    {
        var total = await matches.CountAsync();
        return (total, total <= filter.Skip ? [] : await Order(matches, filter.Sort).Skip(filter.Skip).Take(filter.Size).Select(c => c.Id).ToListAsync());
    }

    /// <summary>
    /// With text: one pass over the full-text index's matches gives both the page and the count
    /// (a window count), so the text is looked up once per search, not once for each.
    /// </summary>
    private static async Task<(int Total, List<int> Ids)> TextPageAsync(IescpDbContext db, CampaignFilter filter, string text)
    {
        var parameters = new List<SqliteParameter>
        {
            // One quoted phrase: the text as typed, found anywhere in a name, niche or description.
            new("@phrase", "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""),
            new("@today", filter.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("@take", filter.Size),
            new("@skip", filter.Skip),
        };
        // Each match is checked and ordered in the narrow index of listed campaigns by id, not in its
        // row: SQLite would pick the row by its rowid, the widest read there is for these columns.
        var sql = new StringBuilder($"""
            SELECT c."Id" AS "Id", COUNT(*) OVER () AS "Total"
            FROM "CampaignText" AS t JOIN "Campaigns" AS c INDEXED BY "{CampaignConfiguration.TextSearchIndex}" ON c."Id" = t.rowid
            WHERE t."CampaignText" MATCH @phrase AND c."IsListed" AND c."EndDate" >= @today
            """);
        void And(string condition, string name, object value)
        {
            sql.Append(" AND ").Append(condition);
            parameters.Add(new SqliteParameter(name, value));
        }

        if (filter.Category is { } category)
        {
            And("c.\"Category\" = @category", "@category", category);
        }

        if (filter.Niche is { } niche)
        {
            And("c.\"Niche\" = @niche", "@niche", niche);
        }

        if (filter.MinCents is { } min)
        {
            And("c.\"BudgetCents\" >= @min", "@min", min);
        }

        if (filter.MaxCents is { } max)
        {
            And("c.\"BudgetCents\" <= @max", "@max", max);
        }

        sql.Append(filter.Sort switch
        {
            CampaignSearchSort.EndingSoon => " ORDER BY c.\"EndDate\", c.\"Id\"",
            CampaignSearchSort.Budget => " ORDER BY c.\"BudgetCents\" DESC, c.\"Id\" DESC",
            _ => " ORDER BY c.\"CreatedAt\" DESC, c.\"Id\" DESC",
        }).Append(" LIMIT @take OFFSET @skip");
        var page = await db.Database.SqlQueryRaw<IdAndTotal>(sql.ToString(), [.. parameters]).ToListAsync();
        // Past the last page there is no row to carry the count; count on its own then.
        return page.Count > 0 || filter.Skip == 0
            ? (page.FirstOrDefault()?.Total ?? 0, [.. page.Select(p => p.Id)])
            : (await Matching(db, filter).CountAsync(), []);
    }

    private sealed record IdAndTotal(int Id, int Total);

    private static IQueryable<Campaign> Matching(IescpDbContext db, CampaignFilter filter)
    {
        var today = filter.Today;
        var campaigns = db.Campaigns.Where(c => c.IsListed && c.EndDate >= today);
        if (filter.Category is { } category)
        {
            campaigns = campaigns.Where(c => c.Category == category);
        }

        if (filter.Niche is { } niche)
        {
            campaigns = campaigns.Where(c => c.Niche == niche);
        }

        if (filter.MinCents is { } min)
        {
            campaigns = campaigns.Where(c => c.BudgetCents >= min);
        }

        if (filter.MaxCents is { } max)
        {
            campaigns = campaigns.Where(c => c.BudgetCents <= max);
        }

        if (filter.Text is { Length: >= IndexedTextLength } text)
        {
            // One quoted phrase: the text as typed, found anywhere in a name, niche or description.
            var phrase = "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            var found = db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"CampaignText\" WHERE \"CampaignText\" MATCH {phrase}");
            campaigns = campaigns.Where(c => found.Contains(c.Id));
        }
        else if (Querying.ContainsPattern(filter.Text) is { } pattern)
        {
            campaigns = campaigns.Where(c => EF.Functions.Like(c.Name, pattern, @"\")
                || EF.Functions.Like(c.Niche, pattern, @"\")
                || EF.Functions.Like(c.Description, pattern, @"\"));
        }

        return campaigns;
    }

    private static IQueryable<Campaign> Order(IQueryable<Campaign> campaigns, CampaignSearchSort sort) => sort switch
    {
        CampaignSearchSort.EndingSoon => campaigns.OrderBy(c => c.EndDate).ThenBy(c => c.Id),
        CampaignSearchSort.Budget => campaigns.OrderByDescending(c => c.BudgetCents).ThenByDescending(c => c.Id),
        _ => campaigns.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id),
    };

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The query with blanks dropped, text trimmed, budgets in cents and paging clamped: equal searches get equal keys.</summary>
    private sealed record CampaignFilter(string? Text, string? Category, string? Niche, long? MinCents, long? MaxCents,
        CampaignSearchSort Sort, int Page, int Size, DateOnly Today)
    {
        public int Skip => (Page - 1) * Size;

        public string Key => string.Create(CultureInfo.InvariantCulture,
            $"search:{Querying.CaseKey(Text)}|{Querying.KeyPart(Category)}|{Querying.KeyPart(Niche)}|{MinCents}|{MaxCents}|{Sort}|{Page}|{Size}|{Today:yyyy-MM-dd}");

        public static CampaignFilter Of(CampaignSearchQuery query, DateOnly today)
        {
            var (page, size, _) = Querying.Paging(query.Page, query.PageSize);
            return new CampaignFilter(Querying.Clean(query.Text), Querying.Clean(query.Category), Querying.Clean(query.Niche),
                query.MinBudget is { } min ? Money.ToCents(min) : null, query.MaxBudget is { } max ? Money.ToCents(max) : null,
                query.Sort, page, size, today);
        }
    }
}
