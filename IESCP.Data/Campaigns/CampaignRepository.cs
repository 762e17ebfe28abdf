using IESCP.Data.AdRequests;
using IESCP.Data.Identity;
using IESCP.Data.Sponsors;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.Campaigns;

/// <summary>A sponsor's commands on its own campaigns.</summary>
public sealed class CampaignRepository(IDbContextFactory<IescpDbContext> contexts, AdRequestNotifier notifier, TimeProvider clock)
{
    public const string DeletedReason = "The sponsor deleted the campaign";

    internal static readonly CommandResult NotFound = CommandResult.Fail("That campaign was not found.");

    public async Task<CommandResult<int>> CreateAsync(Actor actor, CampaignInput input)
    {
        actor.Require(Roles.Sponsor);
        var invalid = CommandResult.Validate(input, clock);
        if (!invalid.Succeeded)
        {
            return CommandResult<int>.Failure(invalid);
        }

        await using var db = await contexts.CreateDbContextAsync();
        if (await db.ApprovedSponsorIdAsync(actor) is not { } sponsorId)
        {
            return CommandResult<int>.Failure(ApprovedSponsor.NotApproved);
        }

        var campaign = new Campaign { SponsorId = sponsorId };
        input.ApplyTo(campaign);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync();
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
        if (await db.ApprovedSponsorIdAsync(actor) is not { } sponsorId)
        {
            return ApprovedSponsor.NotApproved;
        }

        var values = new Campaign();
        input.ApplyTo(values);
        var own = db.Campaigns.Where(c => c.Id == campaignId && c.SponsorId == sponsorId && c.DeletedAt == null);
        var updated = await own.Where(c => c.CommittedCents <= values.BudgetCents)
            .ExecuteUpdateAsync(set => set
                .SetProperty(c => c.Name, values.Name)
                .SetProperty(c => c.Description, values.Description)
                .SetProperty(c => c.Category, values.Category)
                .SetProperty(c => c.Niche, values.Niche)
                .SetProperty(c => c.StartDate, values.StartDate)
                .SetProperty(c => c.EndDate, values.EndDate)
                .SetProperty(c => c.BudgetCents, values.BudgetCents)
                .SetProperty(c => c.Visibility, values.Visibility)
                .SetProperty(c => c.Goals, values.Goals)
                .SetProperty(c => c.UpdatedAt, clock.GetUtcNow().UtcDateTime));
        if (updated == 1)
        {
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
        if (await db.ApprovedSponsorIdAsync(actor) is not { } sponsorId)
        {
            return ApprovedSponsor.NotApproved;
        }

        var own = db.Campaigns.Where(c => c.Id == campaignId && c.SponsorId == sponsorId && c.DeletedAt == null);
        if (!await own.AnyAsync())
        {
            return NotFound;
        }

        var closing = db.AdRequests.Where(r => r.CampaignId == campaignId
            && (r.Status == AdRequestStatus.Pending || r.Status == AdRequestStatus.Negotiating || r.Status == AdRequestStatus.Accepted));
        var cancelled = await closing.Select(r => new { r.Id, r.Status, InfluencerUserId = r.Influencer!.UserId }).ToListAsync();
        var accepted = cancelled.Count(r => r.Status == AdRequestStatus.Accepted);
        var paid = await db.AdRequests.CountAsync(r => r.CampaignId == campaignId && r.Status == AdRequestStatus.Paid);
        if ((accepted > 0 || paid > 0) && !confirmCancelAccepted)
        {
            return CommandResult.Fail(ConfirmationNeeded(accepted, paid));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // Once Paid and Completed requests are all that stay committed, committed equals spent.
        await own.ExecuteUpdateAsync(set => set
            .SetProperty(c => c.DeletedAt, now)
            .SetProperty(c => c.CommittedCents, c => c.SpentCents)
            .SetProperty(c => c.UpdatedAt, now));
        await closing.ExecuteUpdateAsync(set => set
            .SetProperty(r => r.Status, AdRequestStatus.Cancelled)
            .SetProperty(r => r.ClosedReason, DeletedReason)
            .SetProperty(r => r.UpdatedAt, now));
        await transaction.CommitAsync();

        foreach (var request in cancelled)
        {
            await notifier.NotifyAsync(new AdRequestChange(request.Id, actor.UserId, request.InfluencerUserId));
        }

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
