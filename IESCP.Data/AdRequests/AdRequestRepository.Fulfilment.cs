using System.Globalization;
using IESCP.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.AdRequests;

public sealed partial class AdRequestRepository
{
    /// <summary>
    /// The sponsor pays an accepted request with the simulated card form: the request becomes
    /// Paid, the campaign's spent grows (committed already holds the amount) and a receipt is
    /// written with only the card's brand and last four digits.
    /// </summary>
    public Task<CommandResult> PayAsync(Actor actor, int requestId, PaymentInput card) =>
        commands.RunAsync(actor, requestId, card, async step =>
        {
            var request = step.Request;
            if (Refusal(AdRequestRules.CanPay(request, step.By)) is { } refused)
            {
                return refused;
            }

            if (!await step.UpdateRequestAsync(
                    r => r.Status == AdRequestStatus.Accepted,
                    set => set.SetProperty(r => r.Status, AdRequestStatus.Paid).SetProperty(r => r.PaidAt, step.Now)))
            {
                return CommandResult.Fail(AdRequestRules.ChangedMeanwhile);
            }

            var amount = request.PaymentCents;
            await step.UpdateCampaignAsync(_ => true, set => set.SetProperty(c => c.SpentCents, c => c.SpentCents + amount));
            step.Db.Payments.Add(new Payment
            {
                AdRequestId = request.Id,
                AmountCents = amount,
                CardBrand = card.Brand,
                CardLast4 = card.Last4,
                // One payment per request, so the request's number is a unique receipt number.
                ReceiptNumber = string.Create(CultureInfo.InvariantCulture, $"IESCP-{request.Id:D6}"),
                PaidAt = step.Now,
                PayerUserId = step.UserId,
            });
            await step.Db.SaveChangesAsync();
            return CommandResult.Ok;
        });

    /// <summary>
    /// The influencer hands in the work of a paid request as a link. It may hand it in again
    /// (a corrected link) until the sponsor completes the request.
    /// </summary>
    public Task<CommandResult> DeliverAsync(Actor actor, int requestId, string deliveryUrl) =>
        commands.RunAsync(actor, requestId, null, async step =>
        {
            if (Refusal(AdRequestRules.CanDeliver(step.Request, step.By)) is { } refused)
            {
                return refused;
            }

            var url = deliveryUrl?.Trim() ?? "";
            if (url.Length > 500 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                return CommandResult.Fail("DeliveryUrl", "Enter the full link to the work, starting with https:// (at most 500 characters).");
            }

            return Moved(await step.UpdateRequestAsync(
                r => r.Status == AdRequestStatus.Paid,
                set => set.SetProperty(r => r.DeliveryUrl, url).SetProperty(r => r.DeliveredAt, step.Now)));
        });

    /// <summary>The sponsor confirms a delivered request; it counts as completed for the influencer.</summary>
    public Task<CommandResult> CompleteAsync(Actor actor, int requestId) =>
        commands.RunAsync(actor, requestId, null, async step =>
        {
            if (Refusal(AdRequestRules.CanComplete(step.Request, step.By)) is { } refused)
            {
                return refused;
            }

            if (!await step.UpdateRequestAsync(
                    r => r.Status == AdRequestStatus.Paid && r.DeliveredAt != null,
                    set => set.SetProperty(r => r.Status, AdRequestStatus.Completed).SetProperty(r => r.CompletedAt, step.Now)))
            {
                return CommandResult.Fail(AdRequestRules.ChangedMeanwhile);
            }

            await step.Db.Influencers.Where(i => i.Id == step.Request.InfluencerId)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.RequestsCompleted, i => i.RequestsCompleted + 1));
            return CommandResult.Ok;
        });
}
