using IESCP.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.AdRequests;

/// <summary>Inboxes and request threads; each party sees only its own requests.</summary>
public sealed class AdRequestQueries(IDbContextFactory<IescpDbContext> contexts)
{
    /// <summary>
    /// The actor's requests: an influencer's inbox, or a sponsor's requests across its campaigns
    /// (including those of deleted campaigns, which show as cancelled).
    /// </summary>
    public async Task<PagedResult<AdRequestSummary>> ListAsync(Actor actor, AdRequestListQuery query)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var requests = db.AdRequests.OfParty(actor);
        if (query.Status is { } status)
        {
            requests = requests.Where(r => r.Status == status);
        }

        if (query.CampaignId is { } campaignId)
        {
            requests = requests.Where(r => r.CampaignId == campaignId);
        }

        if (Querying.ContainsPattern(query.Text) is { } pattern)
        {
            requests = requests.Where(r => EF.Functions.Like(r.Campaign!.Name, pattern, @"\")
                || EF.Functions.Like(r.Campaign.Sponsor!.Name, pattern, @"\")
                || EF.Functions.Like(r.Influencer!.Name, pattern, @"\"));
        }

        var sorted = query.Sort switch
        {
            AdRequestSort.Created => requests.Sort(r => r.CreatedAt, query.Descending),
            AdRequestSort.Payment => requests.Sort(r => r.PaymentCents, query.Descending),
            AdRequestSort.Status => requests.Sort(r => r.Status, query.Descending),
            AdRequestSort.Campaign => requests.Sort(r => r.Campaign!.Name, query.Descending),
            _ => requests.Sort(r => r.UpdatedAt, query.Descending),
        };
        return await sorted.ThenBy(r => r.Id)
            .Select(r => new AdRequestSummary(r.Id, r.CampaignId, r.Campaign!.Name, r.Campaign.Sponsor!.Name, r.InfluencerId,
                r.Influencer!.Name, r.Status, Money.FromCents(r.PaymentCents), r.Requirements, r.LatestRevision, r.LatestBy,
                r.InitiatedBy, AdRequestRules.WaitingFor(r.Status, r.LatestBy, r.DeliveredAt), r.UpdatedAt))
            .ToPageAsync(query.Page, query.PageSize);
    }

    /// <summary>The request with its thread, receipt and reviews; null for anyone but its two parties.</summary>
    public async Task<AdRequestDetail?> GetAsync(Actor actor, int requestId)
    {
        var viewer = AdRequestAccess.PartyOf(actor);
        await using var db = await contexts.CreateDbContextAsync();
        var row = await db.AdRequests.OfParty(actor).Where(r => r.Id == requestId)
            .Select(r => new
            {
                State = new RequestState(r.Id, r.CampaignId, r.Campaign!.SponsorId, r.InfluencerId, r.Campaign.Sponsor!.UserId,
                    r.Influencer!.UserId, r.Status, r.InitiatedBy, r.LatestBy, r.LatestRevision, r.PaymentCents, r.Requirements,
                    r.DeliveredAt),
                CampaignName = r.Campaign.Name,
                SponsorName = r.Campaign.Sponsor.Name,
                InfluencerName = r.Influencer.Name,
                CampaignDeleted = r.Campaign.DeletedAt != null,
                r.DeliveryUrl,
                r.AcceptedAt,
                r.PaidAt,
                r.CompletedAt,
                r.ClosedReason,
                r.CreatedAt,
                r.UpdatedAt,
                Revisions = r.Revisions.OrderBy(v => v.Number)
                    .Select(v => new AdRequestRevisionView(v.Number, v.By, Money.FromCents(v.PaymentCents), v.Requirements, v.Message, v.CreatedAt))
                    .ToList(),
                Receipt = r.Payment == null
                    ? null
                    : new PaymentReceipt(r.Payment.ReceiptNumber, Money.FromCents(r.Payment.AmountCents), r.Payment.CardBrand,
                        r.Payment.CardLast4, r.Payment.PaidAt),
                Reviews = r.Reviews.OrderBy(v => v.By).Select(v => new ReviewView(v.By, v.Rating, v.Text, v.CreatedAt)).ToList(),
            })
            .AsSplitQuery()
            .FirstOrDefaultAsync();
        if (row is null)
        {
            return null;
        }

        var s = row.State;
        var summary = new AdRequestSummary(s.Id, s.CampaignId, row.CampaignName, row.SponsorName, s.InfluencerId, row.InfluencerName,
            s.Status, Money.FromCents(s.PaymentCents), s.Requirements, s.LatestRevision, s.LatestBy, s.InitiatedBy,
            AdRequestRules.WaitingFor(s.Status, s.LatestBy, s.DeliveredAt), row.UpdatedAt);
        return new AdRequestDetail(summary, viewer, row.CampaignDeleted, row.DeliveryUrl, s.DeliveredAt, row.AcceptedAt, row.PaidAt,
            row.CompletedAt, row.ClosedReason, row.CreatedAt, row.Revisions, row.Receipt, row.Reviews,
            AdRequestRules.ActionsFor(s, viewer, reviewed: row.Reviews.Any(v => v.By == viewer)));
    }
}
