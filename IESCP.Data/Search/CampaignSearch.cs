using IESCP.Data.Campaigns;
using IESCP.Data.Identity;
using IESCP.Data.Sponsors;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.Search;

public enum CampaignSearchSort
{
    Newest = 0,
    EndingSoon = 1,
    Budget = 2,
}

/// <summary>An influencer's search of listed campaigns; budgets are in dollars as typed.</summary>
public sealed record CampaignSearchQuery
{
    public string? Text { get; init; }

    public string? Category { get; init; }

    public string? Niche { get; init; }

    public decimal? MinBudget { get; init; }

    public decimal? MaxBudget { get; init; }

    public CampaignSearchSort Sort { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}

public sealed record CampaignSearchItem(
    int Id,
    string Name,
    string SponsorName,
    string Category,
    string Niche,
    DateOnly StartDate,
    DateOnly EndDate,
    long BudgetCents,
    long AvailableCents);

public sealed record ListedCampaign(
    int Id,
    string Name,
    string Description,
    string Goals,
    string SponsorName,
    string Category,
    string Niche,
    DateOnly StartDate,
    DateOnly EndDate,
    long BudgetCents,
    long AvailableCents,
    CampaignVisibility Visibility);

public sealed class CampaignSearch(IDbContextFactory<IescpDbContext> contexts, TimeProvider clock)
{
    public async Task<PagedResult<CampaignSearchItem>> SearchAsync(Actor actor, CampaignSearchQuery query)
    {
        actor.Require(Roles.Influencer);
        var (page, size, skip) = Querying.Paging(query.Page, query.PageSize);
        var pattern = Querying.ContainsPattern(query.Text);

        await using var db = await contexts.CreateDbContextAsync();
        var campaigns = Listed(db);
        if (!string.IsNullOrWhiteSpace(query.Category))
        {
            campaigns = campaigns.Where(c => c.Category == query.Category.Trim());
        }

        if (!string.IsNullOrWhiteSpace(query.Niche))
        {
            campaigns = campaigns.Where(c => c.Niche == query.Niche.Trim());
        }

        if (query.MinBudget is { } min)
        {
            var minCents = Money.ToCents(min);
            campaigns = campaigns.Where(c => c.BudgetCents >= minCents);
        }

        if (query.MaxBudget is { } max)
        {
            var maxCents = Money.ToCents(max);
            campaigns = campaigns.Where(c => c.BudgetCents <= maxCents);
        }

        if (pattern is not null)
        {
            var escape = @"\";
            campaigns = campaigns.Where(c => EF.Functions.Like(c.Name, pattern, escape)
                || EF.Functions.Like(c.Niche, pattern, escape)
                || EF.Functions.Like(c.Description, pattern, escape));
        }

        var total = await campaigns.CountAsync();
        var items = await Order(campaigns, query.Sort).Skip(skip).Take(size)
            .Select(c => new CampaignSearchItem(c.Id, c.Name, c.Sponsor!.Name, c.Category, c.Niche,
                c.StartDate, c.EndDate, c.BudgetCents, c.BudgetCents - c.CommittedCents))
            .ToListAsync();
        return new PagedResult<CampaignSearchItem>(items, total, page, size);
    }

    /// <summary>
    /// A listed campaign, or any campaign the influencer has an ad request on: private campaigns
    /// are seen only by their sponsor and the influencers they asked, and a request stays readable
    /// after its campaign ends or is hidden. Null otherwise, as if it did not exist.
    /// </summary>
    public async Task<ListedCampaign?> GetCampaignForInfluencerAsync(Actor actor, int campaignId)
    {
        actor.Require(Roles.Influencer);
        await using var db = await contexts.CreateDbContextAsync();
        var listed = Listed(db);
        var mine = db.Influencers.Where(i => i.UserId == actor.UserId).Select(i => i.Id);
        return await db.Campaigns
            .Where(c => c.Id == campaignId
                && (listed.Any(l => l.Id == c.Id) || db.AdRequests.Any(r => r.CampaignId == c.Id && mine.Contains(r.InfluencerId))))
            .Select(c => new ListedCampaign(c.Id, c.Name, c.Description, c.Goals, c.Sponsor!.Name, c.Category, c.Niche,
                c.StartDate, c.EndDate, c.BudgetCents, c.BudgetCents - c.CommittedCents, c.Visibility))
            .FirstOrDefaultAsync();
    }

    /// <summary>What an influencer may browse: public, current, not hidden, from an approved sponsor in good standing.</summary>
    private IQueryable<Campaign> Listed(IescpDbContext db)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var flagged = db.Users.Where(u => u.IsFlagged).Select(u => u.Id);
        // "Not one of the few ineligible sponsors" rather than a join: SQLite then reads the listed
        // campaigns' partial index and probes a small set, instead of starting from every sponsor.
        var ineligible = db.Sponsors.Where(s => s.Status != ApprovalStatus.Approved || flagged.Contains(s.UserId)).Select(s => s.Id);
        return db.Campaigns.Where(c => !c.IsFlagged && c.DeletedAt == null && c.Visibility == CampaignVisibility.Public
            && c.EndDate >= today
            && !ineligible.Contains(c.SponsorId));
    }

    private static IQueryable<Campaign> Order(IQueryable<Campaign> campaigns, CampaignSearchSort sort) => sort switch
    {
        CampaignSearchSort.EndingSoon => campaigns.OrderBy(c => c.EndDate).ThenBy(c => c.Id),
        CampaignSearchSort.Budget => campaigns.OrderByDescending(c => c.BudgetCents).ThenByDescending(c => c.Id),
        _ => campaigns.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id),
    };
}
