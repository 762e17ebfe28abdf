using IESCP.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.AdRequests;

public sealed partial class AdRequestRepository
{
    /// <summary>The sponsor revises its opening offer before the influencer answers; a new revision.</summary>
    public Task<CommandResult> EditAsync(Actor actor, int requestId, OfferInput offer) =>
        commands.RunAsync(actor, requestId, offer, step =>
            Refused(AdRequestRules.CanEdit(step.Request, step.By))
            ?? AppendRevisionAsync(step, offer, AdRequestStatus.Pending));

    /// <summary>
    /// The side whose turn it is proposes new terms. <paramref name="expectedRevision"/> is the
    /// revision the caller saw: if the other side moved meanwhile the counter-offer is refused.
    /// </summary>
    public Task<CommandResult> CounterAsync(Actor actor, int requestId, int expectedRevision, OfferInput offer) =>
        commands.RunAsync(actor, requestId, offer, step =>
            Refused(AdRequestRules.CanCounter(step.Request, step.By, expectedRevision))
            ?? (offer.PaymentCents == step.Request.PaymentCents && offer.TrimmedRequirements == step.Request.Requirements
                ? Refused("Change the payment or the requirements to make a counter-offer.")
                : null)
            ?? AppendRevisionAsync(step, offer, AdRequestStatus.Negotiating));

    /// <summary>The side that opened the request takes it back while it is still being negotiated.</summary>
    public Task<CommandResult> WithdrawAsync(Actor actor, int requestId) =>
        commands.RunAsync(actor, requestId, null, async step =>
            Refusal(AdRequestRules.CanWithdraw(step.Request, step.By))
            ?? Moved(await step.UpdateRequestAsync(
                r => r.Status == AdRequestStatus.Pending || r.Status == AdRequestStatus.Negotiating,
                set => set.SetProperty(r => r.Status, AdRequestStatus.Withdrawn))));

    /// <summary>
    /// The side that did not write the latest revision accepts it. In one transaction the request
    /// becomes Accepted and its payment is committed on the campaign, only if the campaign still
    /// has that much available; otherwise nothing changes and the reason is returned.
    /// </summary>
    public Task<CommandResult> AcceptAsync(Actor actor, int requestId, int expectedRevision) =>
        commands.RunAsync(actor, requestId, null, async step =>
        {
            var request = step.Request;
            if (Refusal(AdRequestRules.CanAccept(request, step.By, expectedRevision)) is { } refused)
            {
                return refused;
            }

            var accepted = await step.UpdateRequestAsync(
                r => (r.Status == AdRequestStatus.Pending || r.Status == AdRequestStatus.Negotiating)
                    && r.LatestRevision == expectedRevision && r.LatestBy != step.By,
                set => set.SetProperty(r => r.Status, AdRequestStatus.Accepted).SetProperty(r => r.AcceptedAt, step.Now));
            if (!accepted)
            {
                return CommandResult.Fail(AdRequestRules.ChangedMeanwhile);
            }

            var amount = request.PaymentCents;
            var committed = await step.UpdateCampaignAsync(
                c => c.DeletedAt == null && !c.IsFlagged && c.BudgetCents - c.CommittedCents >= amount,
                set => set.SetProperty(c => c.CommittedCents, c => c.CommittedCents + amount));
            if (committed == 0)
            {
                return await WhyNotCommittedAsync(step);
            }

            await step.Db.Influencers.Where(i => i.Id == request.InfluencerId)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.RequestsAccepted, i => i.RequestsAccepted + 1));
            return CommandResult.Ok;
        });

    /// <summary>The side that did not write the latest revision turns it down, optionally saying why.</summary>
    public Task<CommandResult> RejectAsync(Actor actor, int requestId, string? reason = null) =>
        commands.RunAsync(actor, requestId, null, async step =>
            Refusal(AdRequestRules.CanReject(step.Request, step.By))
            ?? ReasonError(reason, required: false)
            ?? Moved(await step.UpdateRequestAsync(
                r => (r.Status == AdRequestStatus.Pending || r.Status == AdRequestStatus.Negotiating) && r.LatestBy != step.By,
                set => set.SetProperty(r => r.Status, AdRequestStatus.Rejected).SetProperty(r => r.ClosedReason, Clean(reason)))));

    /// <summary>The sponsor calls off an accepted, unpaid request; its committed money is released.</summary>
    public Task<CommandResult> CancelAsync(Actor actor, int requestId, string reason) =>
        commands.RunAsync(actor, requestId, null, async step =>
        {
            if ((Refusal(AdRequestRules.CanCancel(step.Request, step.By)) ?? ReasonError(reason, required: true)) is { } refused)
            {
                return refused;
            }

            if (!await step.UpdateRequestAsync(
                    r => r.Status == AdRequestStatus.Accepted,
                    set => set.SetProperty(r => r.Status, AdRequestStatus.Cancelled).SetProperty(r => r.ClosedReason, Clean(reason))))
            {
                return CommandResult.Fail(AdRequestRules.ChangedMeanwhile);
            }

            var amount = step.Request.PaymentCents;
            await step.UpdateCampaignAsync(_ => true, set => set.SetProperty(c => c.CommittedCents, c => c.CommittedCents - amount));
            return CommandResult.Ok;
        });

    private static async Task<CommandResult> AppendRevisionAsync(CommandStep step, OfferInput offer, AdRequestStatus status)
    {
        var seen = step.Request.LatestRevision;
        var moved = await step.UpdateRequestAsync(
            r => r.LatestRevision == seen && r.Status == step.Request.Status,
            set => set.SetProperty(r => r.Status, status)
                .SetProperty(r => r.PaymentCents, offer.PaymentCents)
                .SetProperty(r => r.Requirements, offer.TrimmedRequirements)
                .SetProperty(r => r.LatestRevision, seen + 1)
                .SetProperty(r => r.LatestBy, step.By));
        if (!moved)
        {
            return CommandResult.Fail(AdRequestRules.ChangedMeanwhile);
        }

        var revision = NewRevision(seen + 1, step.By, step.UserId, offer, step.Now);
        revision.AdRequestId = step.Request.Id;
        step.Db.AdRequestRevisions.Add(revision);
        await step.Db.SaveChangesAsync();
        return CommandResult.Ok;
    }

    private static async Task<CommandResult> WhyNotCommittedAsync(CommandStep step)
    {
        var campaign = await step.Db.Campaigns.Where(c => c.Id == step.Request.CampaignId)
            .Select(c => new { c.DeletedAt, c.IsFlagged, Available = c.BudgetCents - c.CommittedCents })
            .SingleAsync();
        return CommandResult.Fail(
            campaign.DeletedAt is not null ? "The campaign was deleted; its requests can no longer be accepted."
            : campaign.IsFlagged ? "This campaign is flagged for review; it can't take new commitments."
            : $"Not enough budget left: {Money.Format(campaign.Available)} available.");
    }

    private static CommandResult? ReasonError(string? reason, bool required) =>
        required && string.IsNullOrWhiteSpace(reason) ? CommandResult.Fail("Reason", "Say why; the other side will see it.")
        : reason?.Trim().Length > 500 ? CommandResult.Fail("Reason", "The reason must be at most 500 characters.")
        : null;

    private static string? Clean(string? reason) => string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();

    private static CommandResult? Refusal(string? message) => message is null ? null : CommandResult.Fail(message);

    private static Task<CommandResult>? Refused(string? message) =>
        message is null ? null : Task.FromResult(CommandResult.Fail(message));

    private static CommandResult Moved(bool updated) =>
        updated ? CommandResult.Ok : CommandResult.Fail(AdRequestRules.ChangedMeanwhile);
}
