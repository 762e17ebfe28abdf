using System.Linq.Expressions;
using IESCP.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.Campaigns;

/// <summary>Campaign reads: a sponsor's own campaigns with their ledgers, and what influencers may see.</summary>
public sealed class CampaignQueries(IDbContextFactory<IescpDbContext> contexts, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<PagedResult<CampaignSummary>> ListOwnAsync(Actor actor, CampaignListQuery query)
    {
        actor.Require(Roles.Sponsor);
        var today = Today;
        await using var db = await contexts.CreateDbContextAsync();
        var campaigns = db.Campaigns.Where(c => c.Sponsor!.UserId == actor.UserId && c.DeletedAt == null);
        if (Querying.ContainsPattern(query.Text) is { } pattern)
        {
            campaigns = campaigns.Where(c => EF.Functions.Like(c.Name, pattern, @"\") || EF.Functions.Like(c.Description, pattern, @"\"));
        }

        if (!string.IsNullOrEmpty(query.Niche))
        {
            campaigns = campaigns.Where(c => c.Niche == query.Niche);
        }

        if (query.Visibility is { } visibility)
        {
            campaigns = campaigns.Where(c => c.Visibility == visibility);
        }

        campaigns = query.Phase switch
        {
            CampaignPhase.Upcoming => campaigns.Where(c => c.StartDate > today),
            CampaignPhase.Current => campaigns.Where(c => c.StartDate <= today && c.EndDate >= today),
            CampaignPhase.Ended => campaigns.Where(c => c.EndDate < today),
            _ => campaigns,
        };
        var sorted = query.Sort switch
        {
            CampaignSort.Name => campaigns.Sort(c => c.Name, query.Descending),
            CampaignSort.Start => campaigns.Sort(c => c.StartDate, query.Descending),
            CampaignSort.End => campaigns.Sort(c => c.EndDate, query.Descending),
            CampaignSort.Budget => campaigns.Sort(c => c.BudgetCents, query.Descending),
            _ => campaigns.Sort(c => c.CreatedAt, query.Descending),
        };
        return await sorted.ThenBy(c => c.Id)
            .Select(c => new CampaignSummary(c.Id, c.Name, c.Category, c.Niche, c.StartDate, c.EndDate, c.Visibility, c.IsFlagged,
                PhaseOf(c.StartDate, c.EndDate, today), CampaignLedger.FromCents(c.BudgetCents, c.CommittedCents, c.SpentCents), c.CreatedAt))
            .ToPageAsync(query.Page, query.PageSize);
    }

    /// <summary>The sponsor's own campaign with its ledger and all its requests; null for anyone else's.</summary>
    public async Task<CampaignDetail?> GetOwnAsync(Actor actor, int campaignId)
    {
        actor.Require(Roles.Sponsor);
        var today = Today;
        await using var db = await contexts.CreateDbContextAsync();
        var campaign = await db.Campaigns.Where(c => c.Id == campaignId && c.Sponsor!.UserId == actor.UserId && c.DeletedAt == null)
            .FirstOrDefaultAsync();
        if (campaign is null)
        {
            return null;
        }

        var requests = await db.AdRequests.Where(r => r.CampaignId == campaignId)
            .OrderByDescending(r => r.UpdatedAt).ThenBy(r => r.Id)
            .Select(r => new CampaignRequest(r.Id, r.InfluencerId, r.Influencer!.Name, r.Status, Money.FromCents(r.PaymentCents),
                r.LatestRevision, r.LatestBy, r.InitiatedBy, r.UpdatedAt))
            .ToListAsync();
        return new CampaignDetail(campaign.Id, campaign.Name, campaign.Description, campaign.Category, campaign.Niche,
            campaign.StartDate, campaign.EndDate, campaign.Visibility, campaign.Goals, campaign.IsFlagged,
            PhaseOf(campaign.StartDate, campaign.EndDate, today),
            CampaignLedger.FromCents(campaign.BudgetCents, campaign.CommittedCents, campaign.SpentCents), requests);
    }

    /// <summary>The edit form filled with the sponsor's own campaign; null for anyone else's.</summary>
    public async Task<CampaignInput?> GetForEditAsync(Actor actor, int campaignId)
    {
        actor.Require(Roles.Sponsor);
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Campaigns.Where(c => c.Id == campaignId && c.Sponsor!.UserId == actor.UserId && c.DeletedAt == null)
            .Select(c => new CampaignInput
            {
                Name = c.Name,
                Description = c.Description,
                Category = c.Category,
                Niche = c.Niche,
                StartDate = c.StartDate,
                EndDate = c.EndDate,
                Budget = Money.FromCents(c.BudgetCents),
                Visibility = c.Visibility,
                Goals = c.Goals,
            })
            .FirstOrDefaultAsync();
    }

    /// <summary>Listed campaigns for influencers, ending soonest first.</summary>
    public async Task<PagedResult<VisibleCampaign>> SearchPublicAsync(Actor actor, PublicCampaignQuery query)
    {
        actor.Require(Roles.Influencer);
        var today = Today;
        await using var db = await contexts.CreateDbContextAsync();
        var campaigns = db.Campaigns.Where(c => !c.IsFlagged && c.DeletedAt == null && c.Visibility == CampaignVisibility.Public);
        if (!string.IsNullOrEmpty(query.Niche))
        {
            campaigns = campaigns.Where(c => c.Niche == query.Niche);
        }
        else if (!string.IsNullOrEmpty(query.Category))
        {
            campaigns = campaigns.Where(c => c.Category == query.Category);
        }

        campaigns = campaigns.Where(c => c.EndDate >= today);
        if (Querying.ContainsPattern(query.Text) is { } pattern)
        {
            campaigns = campaigns.Where(c => EF.Functions.Like(c.Name, pattern, @"\") || EF.Functions.Like(c.Description, pattern, @"\"));
        }

        return await campaigns.OrderBy(c => c.EndDate).ThenBy(c => c.Id)
            .Select(ToVisible(today))
            .ToPageAsync(query.Page, query.PageSize);
    }

    /// <summary>A campaign an influencer may see (see <see cref="VisibleTo"/>); null otherwise.</summary>
    public async Task<VisibleCampaign?> GetVisibleAsync(Actor actor, int campaignId)
    {
        actor.Require(Roles.Influencer);
        await using var db = await contexts.CreateDbContextAsync();
        return await VisibleTo(db, actor.UserId).Where(c => c.Id == campaignId).Select(ToVisible(Today)).FirstOrDefaultAsync();
    }

    public async Task<bool> CanInfluencerSeeCampaignAsync(Actor actor, int campaignId)
    {
        actor.Require(Roles.Influencer);
        await using var db = await contexts.CreateDbContextAsync();
        return await VisibleTo(db, actor.UserId).AnyAsync(c => c.Id == campaignId);
    }

    /// <summary>
    /// Listed campaigns (public, not flagged, not deleted), and any campaign on which the
    /// influencer has an ad request: a private campaign is seen only by those it was offered to.
    /// </summary>
    internal static IQueryable<Campaign> VisibleTo(IescpDbContext db, string influencerUserId) =>
        db.Campaigns.Where(c =>
            (c.Visibility == CampaignVisibility.Public && !c.IsFlagged && c.DeletedAt == null)
            || db.AdRequests.Any(r => r.CampaignId == c.Id && r.Influencer!.UserId == influencerUserId));

    internal static CampaignPhase PhaseOf(DateOnly start, DateOnly end, DateOnly today) =>
        today < start ? CampaignPhase.Upcoming : today > end ? CampaignPhase.Ended : CampaignPhase.Current;

    private static Expression<Func<Campaign, VisibleCampaign>> ToVisible(DateOnly today) =>
        c => new VisibleCampaign(c.Id, c.Name, c.Sponsor!.Name, c.Description, c.Category, c.Niche, c.StartDate, c.EndDate,
            c.Visibility, c.Goals, PhaseOf(c.StartDate, c.EndDate, today));
}
