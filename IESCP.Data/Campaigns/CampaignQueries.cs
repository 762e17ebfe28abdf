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

    internal static CampaignPhase PhaseOf(DateOnly start, DateOnly end, DateOnly today) =>
        today < start ? CampaignPhase.Upcoming : today > end ? CampaignPhase.Ended : CampaignPhase.Current;
}
