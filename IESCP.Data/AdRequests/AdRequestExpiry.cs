using IESCP.Data.Database;
using IESCP.Data.Live;
using IESCP.Data.Notifications;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.AdRequests;

/// <summary>
/// Requests nobody answered in time: still under negotiation, the latest offer older than the
/// limit. They expire in batches, each batch one transaction that tells both sides; nothing was
/// committed on a negotiable request, so no money moves.
/// </summary>
internal static class AdRequestExpiry
{
    private const int BatchSize = 500;

    private sealed record Stale(int Id, int CampaignId, string Campaign, string SponsorUserId, string InfluencerUserId, string Sponsor, string Influencer, Party LatestBy);

    public static async Task<int> ExpireAsync(IDbContextFactory<IescpDbContext> contexts, ILiveEvents events, int days, CancellationToken cancellationToken)
    {
        var expired = 0;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var cutoff = db.Now.AddDays(-days);
            var negotiable = AdRequestRules.Negotiable;
            // The guard is the same query as the read: a move that came in since is not expired.
            var stale = db.AdRequests.Where(r => negotiable.Contains(r.Status) && r.UpdatedAt < cutoff);
            var batch = await stale.OrderBy(r => r.Id).Take(BatchSize)
                .Select(r => new Stale(r.Id, r.CampaignId, r.Campaign!.Name, r.Campaign.Sponsor!.UserId, r.Influencer!.UserId,
                    r.Campaign.Sponsor.Name, r.Influencer.Name, r.LatestBy))
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return expired;
            }

            var ids = batch.Select(r => r.Id).ToList();
            var reason = $"No answer within {days} days.";
            await stale.Where(r => ids.Contains(r.Id))
                .UpdateAsync(db, set => set.SetProperty(r => r.Status, AdRequestStatus.Expired).SetProperty(r => r.ClosedReason, reason), cancellationToken);
            foreach (var r in batch)
            {
                var waitedFor = r.LatestBy == Party.Sponsor ? r.Influencer : r.Sponsor;
                var text = $"The request for “{r.Campaign}” expired: {waitedFor} did not answer within {days} days.";
                db.Notify(r.SponsorUserId, NotificationKind.AdRequest, text, $"requests/{r.Id}");
                db.Notify(r.InfluencerUserId, NotificationKind.AdRequest, text, $"requests/{r.Id}");
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            foreach (var r in batch)
            {
                events.Publish(new AdRequestChanged(r.Id, r.CampaignId, r.SponsorUserId, r.InfluencerUserId));
            }

            events.PublishNotified(db);
            expired += batch.Count;
        }
    }
}
