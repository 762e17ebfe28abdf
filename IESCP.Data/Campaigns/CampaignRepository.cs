using IESCP.Data.AdRequests;
using IESCP.Data.Caching;
using IESCP.Data.Database;
using IESCP.Data.Identity;
using IESCP.Data.Live;
using IESCP.Data.Notifications;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.Campaigns;

/// <summary>A sponsor's own campaigns: the list with their ledgers, one campaign with its requests, and the commands on them.</summary>
public sealed class CampaignRepository(IDbContextFactory<IescpDbContext> contexts, ILiveEvents events, TimeProvider clock, ReadCache cache)
{
    public const string DeletedReason = "The sponsor deleted the campaign";

    public const string NotFoundMessage = "That campaign was not found.";

    internal static readonly CommandResult NotFound = CommandResult.Fail(NotFoundMessage);


    public async Task<PagedResult<CampaignSummary>> ListOwnAsync(Actor actor, CampaignListQuery query)
    {
        actor.Require(Roles.Sponsor);
        await using var db = await contexts.CreateDbContextAsync();
        var today = DateOnly.FromDateTime(db.Now);
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

    /// <summary>The sponsor's campaigns that can take new requests now (not ended, not flagged), soonest end first.</summary>
    public async Task<IReadOnlyList<CampaignChoice>> ListOpenForRequestsAsync(Actor actor)
    {
        actor.Require(Roles.Sponsor);
        await using var db = await contexts.CreateDbContextAsync();
        var today = DateOnly.FromDateTime(db.Now);
        return await db.Campaigns.Where(c => c.Sponsor!.UserId == actor.UserId && c.DeletedAt == null && !c.IsFlagged && c.EndDate >= today)
            .OrderBy(c => c.EndDate).ThenBy(c => c.Id)
            .Select(c => new CampaignChoice(c.Id, c.Name))
            .ToListAsync();
    }

    /// <summary>The sponsor's own campaign with its ledger and all its requests; null for anyone else's.</summary>
    public async Task<CampaignDetail?> GetOwnAsync(Actor actor, int campaignId)
    {
        actor.Require(Roles.Sponsor);
        await using var db = await contexts.CreateDbContextAsync();
        var today = DateOnly.FromDateTime(db.Now);
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
            campaign.StartDate, campaign.EndDate, campaign.Visibility, campaign.Goals, campaign.IsFlagged, campaign.FlagReason,
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

    public async Task<CommandResult<int>> CreateAsync(Actor actor, CampaignInput input)
    {
        actor.Require(Roles.Sponsor);
        var invalid = CommandResult.Validate(input, clock);
        if (!invalid.Succeeded)
        {
            return CommandResult<int>.Failure(invalid);
        }

        await using var db = await contexts.CreateDbContextAsync();
        var acting = await db.ActingSponsorIdAsync(actor);
        if (!acting.Succeeded)
        {
            return acting;
        }

        var sponsorId = acting.Value;

        var campaign = new Campaign { SponsorId = sponsorId };
        input.ApplyTo(campaign);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
        await cache.BumpAsync(CacheScopes.Campaigns, CacheScopes.Statistics);
        return CommandResult<int>.Success(campaign.Id);
    }

    /// <summary>
    /// Saves the form in one conditional update: the budget may not go below what is already
    /// committed, even when an accept commits money between the page's read and this save.
    /// </summary>
    public async Task<CommandResult> UpdateAsync(Actor actor, int campaignId, CampaignInput input)
    {
        actor.Require(Roles.Sponsor);
        var invalid = CommandResult.Validate(input, clock);
        if (!invalid.Succeeded)
        {
            return invalid;
        }

        await using var db = await contexts.CreateDbContextAsync();
        var acting = await db.ActingSponsorIdAsync(actor);
        if (!acting.Succeeded)
        {
            return acting;
        }

        var sponsorId = acting.Value;

        var values = new Campaign();
        input.ApplyTo(values);
        var own = db.Campaigns.Where(c => c.Id == campaignId && c.SponsorId == sponsorId && c.DeletedAt == null);
        var updated = await own.Where(c => c.CommittedCents <= values.BudgetCents)
            .UpdateAsync(db, set => set
                .SetProperty(c => c.Name, values.Name)
                .SetProperty(c => c.Description, values.Description)
                .SetProperty(c => c.Category, values.Category)
                .SetProperty(c => c.Niche, values.Niche)
                .SetProperty(c => c.StartDate, values.StartDate)
                .SetProperty(c => c.EndDate, values.EndDate)
                .SetProperty(c => c.BudgetCents, values.BudgetCents)
                .SetProperty(c => c.Visibility, values.Visibility)
                .SetProperty(c => c.Goals, values.Goals));
        if (updated == 1)
        {
            await cache.BumpAsync(CacheScopes.Campaigns, CacheScopes.Statistics);
            return CommandResult.Ok;
        }

        var committed = await own.Select(c => (long?)c.CommittedCents).FirstOrDefaultAsync();
        return committed is null
            ? NotFound
            : CommandResult.Fail(nameof(CampaignInput.Budget), $"The budget can't go below the {Money.Format(committed.Value)} already committed.");
    }

    /// <summary>
    /// Soft-deletes a campaign. Its pending, negotiating and accepted requests are cancelled and
    /// their committed money released. Paid requests stay Paid: their money is spent, so the
    /// influencer may still deliver and the sponsor complete them. Accepted or paid requests
    /// make the sponsor confirm first (<paramref name="confirmCancelAccepted"/>).
    /// </summary>
    public async Task<CommandResult> DeleteAsync(Actor actor, int campaignId, bool confirmCancelAccepted = false)
    {
        actor.Require(Roles.Sponsor);
        await using var db = await contexts.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var acting = await db.ActingSponsorIdAsync(actor);
        if (!acting.Succeeded)
        {
            return acting;
        }

        var sponsorId = acting.Value;

        var own = db.Campaigns.Where(c => c.Id == campaignId && c.SponsorId == sponsorId && c.DeletedAt == null);
        if (!await own.AnyAsync())
        {
            return NotFound;
        }

        var accepted = await db.AdRequests.CountAsync(r => r.CampaignId == campaignId && r.Status == AdRequestStatus.Accepted);
        var paid = await db.AdRequests.CountAsync(r => r.CampaignId == campaignId && r.Status == AdRequestStatus.Paid);
        if ((accepted > 0 || paid > 0) && !confirmCancelAccepted)
        {
            return CommandResult.Fail(ConfirmationNeeded(accepted, paid));
        }

        var cancelled = await CampaignClosing.DeleteAsync(db, own, DeletedReason);
        CampaignClosing.NotifyParties(db, cancelled, toSponsor: _ => null,
            toInfluencer: r => $"The sponsor deleted the campaign “{r.CampaignName}”; your request was cancelled.");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await cache.BumpAsync(CacheScopes.Campaigns, CacheScopes.Statistics);
        CampaignClosing.Publish(events, cancelled, alsoTold: [(actor.UserId, campaignId)]);
        events.PublishNotified(db);
        return CommandResult.Ok;
    }

    private static string ConfirmationNeeded(int accepted, int paid)
    {
        var message = accepted > 0
            ? $"Deleting this campaign cancels {Requests(accepted, "accepted")} and releases their money."
            : "Deleting this campaign cancels its open requests.";
        if (paid > 0)
        {
            message += $" {Requests(paid, "paid")} {(paid == 1 ? "stays" : "stay")} paid: the influencer can still deliver.";
        }

        return message + " Confirm to delete it.";
    }

    private static string Requests(int count, string status) => count == 1 ? $"1 {status} request" : $"{count} {status} requests";
}
