using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.Reports;

/// <summary>The influencer reports of a batch of influencers for one month, from a few grouped queries.</summary>
internal static class InfluencerFigures
{
    /// <summary>At most this many completed pieces of work are listed; the count covers them all.</summary>
    public const int MaxWork = 20;

    public static async Task<Dictionary<string, InfluencerReport>> BuildAsync(IescpDbContext db, IReadOnlyList<DueReport> influencers, ReportMonth month,
        CancellationToken cancellationToken)
    {
        var (start, end) = (month.Start, month.End);
        var userIds = influencers.Select(i => i.UserId).ToList();
        var counts = await db.AdRequests.Where(r => userIds.Contains(r.Influencer!.UserId) && r.UpdatedAt >= start && r.CreatedAt < end)
            .GroupBy(r => r.Influencer!.UserId)
            .Select(g => new
            {
                UserId = g.Key,
                Received = g.Count(r => r.CreatedAt >= start && r.CreatedAt < end),
                Accepted = g.Count(r => r.AcceptedAt >= start && r.AcceptedAt < end),
                Completed = g.Count(r => r.CompletedAt >= start && r.CompletedAt < end),
            })
            .ToDictionaryAsync(g => g.UserId, cancellationToken);
        var earned = await db.Payments.Where(p => p.PaidAt >= start && p.PaidAt < end)
            .Join(db.AdRequests.Where(r => userIds.Contains(r.Influencer!.UserId)), p => p.AdRequestId, r => r.Id, (p, r) => new { r.Influencer!.UserId, p.AmountCents })
            .GroupBy(p => p.UserId).Select(g => new { UserId = g.Key, Cents = g.Sum(p => p.AmountCents) })
            .ToDictionaryAsync(g => g.UserId, g => g.Cents, cancellationToken);
        var work = (await db.AdRequests.Where(r => userIds.Contains(r.Influencer!.UserId) && r.CompletedAt >= start && r.CompletedAt < end)
                .Select(r => new { r.Influencer!.UserId, Campaign = r.Campaign!.Name, Sponsor = r.Campaign.Sponsor!.Name, r.PaymentCents, CompletedAt = r.CompletedAt!.Value })
                .ToListAsync(cancellationToken))
            .ToLookup(w => w.UserId);
        var ratings = await db.Reviews.Where(v => userIds.Contains(v.RevieweeUserId) && v.CreatedAt >= start && v.CreatedAt < end)
            .GroupBy(v => v.RevieweeUserId).Select(g => new { UserId = g.Key, Count = g.Count(), Sum = g.Sum(v => v.Rating) })
            .ToDictionaryAsync(g => g.UserId, cancellationToken);
        var overall = await db.Influencers.Where(i => userIds.Contains(i.UserId))
            .Select(i => new { i.UserId, i.RatingSum, i.RatingCount })
            .ToDictionaryAsync(i => i.UserId, cancellationToken);

        return influencers.ToDictionary(i => i.UserId, i =>
        {
            var c = counts.GetValueOrDefault(i.UserId);
            var r = ratings.GetValueOrDefault(i.UserId);
            var o = overall.GetValueOrDefault(i.UserId);
            var done = work[i.UserId].OrderBy(w => w.CompletedAt).Take(MaxWork)
                .Select(w => new CompletedWork(w.Campaign, w.Sponsor, w.PaymentCents, w.CompletedAt)).ToList();
            return new InfluencerReport(i.Name, month.First, earned.GetValueOrDefault(i.UserId), c?.Received ?? 0, c?.Accepted ?? 0, c?.Completed ?? 0,
                done, r?.Count ?? 0, r is null ? null : (double)r.Sum / r.Count, o is null || o.RatingCount == 0 ? null : (double)o.RatingSum / o.RatingCount);
        });
    }
}
