using IESCP.Data.AdRequests;
using IESCP.Data.Database;
using IESCP.Data.Live;
using IESCP.Data.Notifications;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.Campaigns;

/// <summary>A request a bulk change cancelled, with who is on each side of it.</summary>
internal sealed record CancelledRequest(int Id, int CampaignId, string CampaignName, AdRequestStatus Status, string SponsorUserId, string InfluencerUserId);

/// <summary>
/// What closing campaigns or removing an account does to requests, shared by the sponsor's
/// delete, the admin's delete and account removal: open, unpaid requests are cancelled and the
/// money they held released; paid work stays, so it can still be delivered and completed.
/// </summary>
internal static class CampaignClosing
{
    /// <summary>Cancelled with their campaign or their counterpart: still open, not yet paid.</summary>
    public static readonly IReadOnlyList<AdRequestStatus> Cancellable = [AdRequestStatus.Pending, AdRequestStatus.Negotiating, AdRequestStatus.Accepted];

    /// <summary>Soft-deletes the campaigns and cancels their open, unpaid requests.</summary>
    public static async Task<List<CancelledRequest>> DeleteAsync(IescpDbContext db, IQueryable<Campaign> campaigns, string reason)
    {
        var ids = await campaigns.Where(c => c.DeletedAt == null).Select(c => c.Id).ToListAsync();
        var cancelled = await CancelAsync(db, db.AdRequests.Where(r => ids.Contains(r.CampaignId)), reason);
        // Once Paid and Completed requests are all that stay committed, committed equals spent.
        await db.Campaigns.Where(c => ids.Contains(c.Id)).UpdateAsync(db, set => set
            .SetProperty(c => c.DeletedAt, db.Now)
            .SetProperty(c => c.CommittedCents, c => c.SpentCents));
        return cancelled;
    }

    /// <summary>Cancels the open, unpaid requests among <paramref name="requests"/>, releasing what accepted ones held.</summary>
    public static async Task<List<CancelledRequest>> CancelAsync(IescpDbContext db, IQueryable<AdRequest> requests, string reason)
    {
        var closing = requests.Where(r => Cancellable.Contains(r.Status));
        var cancelled = await closing
            .Select(r => new { r.Id, r.CampaignId, r.Campaign!.Name, r.Status, r.PaymentCents, SponsorUserId = r.Campaign.Sponsor!.UserId, InfluencerUserId = r.Influencer!.UserId })
            .ToListAsync();
        foreach (var held in cancelled.Where(r => r.Status == AdRequestStatus.Accepted).GroupBy(r => r.CampaignId))
        {
            var amount = held.Sum(r => r.PaymentCents);
            await db.Campaigns.Where(c => c.Id == held.Key).UpdateAsync(db, set => set.SetProperty(c => c.CommittedCents, c => c.CommittedCents - amount));
        }

        await closing.UpdateAsync(db, set => set.SetProperty(r => r.Status, AdRequestStatus.Cancelled).SetProperty(r => r.ClosedReason, reason));
        return [.. cancelled.Select(r => new CancelledRequest(r.Id, r.CampaignId, r.Name, r.Status, r.SponsorUserId, r.InfluencerUserId))];
    }

    /// <summary>Tells each party of the cancelled requests once, in the closing transaction.</summary>
    public static void NotifyParties(IescpDbContext db, IEnumerable<CancelledRequest> cancelled, Func<CancelledRequest, string?> toSponsor,
        Func<CancelledRequest, string?> toInfluencer)
    {
        foreach (var request in cancelled)
        {
            if (toSponsor(request) is { } sponsorText)
            {
                db.Notify(request.SponsorUserId, NotificationKind.AdRequest, sponsorText, $"requests/{request.Id}");
            }

            if (toInfluencer(request) is { } influencerText)
            {
                db.Notify(request.InfluencerUserId, NotificationKind.AdRequest, influencerText, $"requests/{request.Id}");
            }
        }
    }

    /// <summary>After the commit: one live event per affected user, naming that user's campaigns and requests.</summary>
    public static void Publish(ILiveEvents events, IEnumerable<CancelledRequest> cancelled, IEnumerable<(string UserId, int CampaignId)> alsoTold)
    {
        var told = cancelled.SelectMany(r => new[] { (r.SponsorUserId, r.CampaignId, (int?)r.Id), (r.InfluencerUserId, r.CampaignId, (int?)r.Id) })
            .Concat(alsoTold.Select(t => (t.UserId, t.CampaignId, (int?)null)));
        foreach (var user in told.GroupBy(t => t.Item1))
        {
            events.Publish(new CampaignsChanged(user.Key,
                [.. user.Select(t => t.Item2).Distinct()],
                [.. user.Where(t => t.Item3 is not null).Select(t => t.Item3!.Value).Distinct()]));
        }
    }
}
