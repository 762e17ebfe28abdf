using IESCP.Data.AdRequests;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.Reports;

/// <summary>The sponsor reports of a batch of sponsors for one month, from a few grouped queries.</summary>
internal static class SponsorFigures
{
    public static async Task<Dictionary<string, SponsorReport>> BuildAsync(IescpDbContext db, IReadOnlyList<DueReport> sponsors, ReportMonth month,
        CancellationToken cancellationToken)
    {
        var (start, end, last, first) = (month.Start, month.End, month.First.AddMonths(1).AddDays(-1), month.First);
        var userIds = sponsors.Select(s => s.UserId).ToList();
        var campaigns = await db.Campaigns
            .Where(c => userIds.Contains(c.Sponsor!.UserId) && (c.DeletedAt == null || c.DeletedAt >= start) && c.CreatedAt < end)
            .Select(c => new { c.Id, c.Name, UserId = c.Sponsor!.UserId, c.BudgetCents, c.CommittedCents, Running = c.StartDate <= last && c.EndDate >= first })
            .ToListAsync(cancellationToken);
        var ids = campaigns.Select(c => c.Id).ToList();
        var requests = await db.AdRequests.Where(r => ids.Contains(r.CampaignId) && r.UpdatedAt >= start && r.CreatedAt < end)
            .GroupBy(r => r.CampaignId)
            .Select(g => new
            {
                CampaignId = g.Key,
                Sent = g.Count(r => r.CreatedAt >= start && r.CreatedAt < end),
                Accepted = g.Count(r => r.AcceptedAt >= start && r.AcceptedAt < end),
                Rejected = g.Count(r => r.Status == AdRequestStatus.Rejected && r.UpdatedAt >= start && r.UpdatedAt < end),
                Completed = g.Count(r => r.CompletedAt >= start && r.CompletedAt < end),
                Committed = g.Where(r => r.AcceptedAt >= start && r.AcceptedAt < end).Sum(r => (long?)r.PaymentCents) ?? 0,
            })
            .ToDictionaryAsync(g => g.CampaignId, cancellationToken);
        var paid = await db.Payments.Where(p => p.PaidAt >= start && p.PaidAt < end)
            .Join(db.AdRequests.Where(r => ids.Contains(r.CampaignId)), p => p.AdRequestId, r => r.Id,
                (p, r) => new { r.CampaignId, Influencer = r.Influencer!.Name, p.AmountCents })
            .GroupBy(p => new { p.CampaignId, p.Influencer })
            .Select(g => new { g.Key.CampaignId, g.Key.Influencer, Cents = g.Sum(p => p.AmountCents) })
            .ToListAsync(cancellationToken);
        var paidBy = paid.ToLookup(p => p.CampaignId);

        var months = campaigns
            .Where(c => c.Running || requests.ContainsKey(c.Id) || paidBy.Contains(c.Id))
            .OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ThenBy(c => c.Id)
            .Select(c =>
            {
                var r = requests.GetValueOrDefault(c.Id);
                var top = paidBy[c.Id].OrderByDescending(p => p.Cents).ThenBy(p => p.Influencer).Take(3).Select(p => new TopInfluencer(p.Influencer, p.Cents)).ToList();
                return (c.UserId, Month: new CampaignMonth(c.Id, c.Name, r?.Sent ?? 0, r?.Accepted ?? 0, r?.Rejected ?? 0, r?.Completed ?? 0,
                    r?.Committed ?? 0, paidBy[c.Id].Sum(p => p.Cents), c.BudgetCents, c.BudgetCents - c.CommittedCents, top));
            })
            .ToLookup(c => c.UserId, c => c.Month);
        return sponsors.ToDictionary(s => s.UserId, s => new SponsorReport(s.Name, month.First, [.. months[s.UserId]]));
    }
}
