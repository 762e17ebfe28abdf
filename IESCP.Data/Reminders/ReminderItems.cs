using IESCP.Data.AdRequests;
using IESCP.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.Reminders;

/// <summary>What waits for each of a batch of users: requests whose turn is theirs, and unread notifications.</summary>
internal static class ReminderItems
{
    private sealed record Waiting(string UserId, int Id, string Campaign, string Counterpart, AdRequestStatus Status, long Cents, DateTime? DeliveredAt, DateTime UpdatedAt);

    public static async Task<Dictionary<string, List<ReminderItem>>> ForAsync(IescpDbContext db, IReadOnlyCollection<string> influencers,
        IReadOnlyCollection<string> sponsors, CancellationToken cancellationToken)
    {
        var negotiable = AdRequestRules.Negotiable;
        // By influencer and campaign ids, so each lookup seeks the requests' (InfluencerId|CampaignId, Status) indexes.
        var influencerIds = await db.Influencers.Where(i => influencers.Contains(i.UserId)).Select(i => i.Id).ToListAsync(cancellationToken);
        var campaignIds = await db.Campaigns.Where(c => sponsors.Contains(c.Sponsor!.UserId) && c.DeletedAt == null).Select(c => c.Id).ToListAsync(cancellationToken);
        var forInfluencers = await db.AdRequests
            .Where(r => influencerIds.Contains(r.InfluencerId)
                && ((negotiable.Contains(r.Status) && r.LatestBy == Party.Sponsor) || (r.Status == AdRequestStatus.Paid && r.DeliveredAt == null)))
            .Select(r => new Waiting(r.Influencer!.UserId, r.Id, r.Campaign!.Name, r.Campaign.Sponsor!.Name, r.Status, r.PaymentCents, r.DeliveredAt, r.UpdatedAt))
            .ToListAsync(cancellationToken);
        var forSponsors = await db.AdRequests
            .Where(r => campaignIds.Contains(r.CampaignId)
                && ((negotiable.Contains(r.Status) && r.LatestBy == Party.Influencer) || r.Status == AdRequestStatus.Accepted
                    || (r.Status == AdRequestStatus.Paid && r.DeliveredAt != null)))
            .Select(r => new Waiting(r.Campaign!.Sponsor!.UserId, r.Id, r.Campaign.Name, r.Influencer!.Name, r.Status, r.PaymentCents, r.DeliveredAt, r.UpdatedAt))
            .ToListAsync(cancellationToken);
        var everyone = influencers.Concat(sponsors).ToList();
        var unread = await db.Notifications.Where(n => everyone.Contains(n.UserId) && n.ReadAt == null)
            .GroupBy(n => n.UserId).Select(g => new { UserId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.UserId, g => g.Count, cancellationToken);

        var items = everyone.ToDictionary(id => id, _ => new List<ReminderItem>());
        foreach (var w in forInfluencers.Concat(forSponsors).OrderBy(w => w.UpdatedAt).ThenBy(w => w.Id))
        {
            items[w.UserId].Add(new ReminderItem(Describe(w, sponsors.Contains(w.UserId) ? Party.Sponsor : Party.Influencer), $"requests/{w.Id}"));
        }

        foreach (var (userId, count) in unread)
        {
            var home = Roles.HomePath(sponsors.Contains(userId) ? Roles.Sponsor : Roles.Influencer).TrimStart('/');
            items[userId].Add(new ReminderItem(count == 1 ? "You have 1 unread notification." : $"You have {count} unread notifications.", home));
        }

        return items;
    }

    private static string Describe(Waiting w, Party viewer)
    {
        var amount = Money.Format(w.Cents);
        return (viewer, w.Status) switch
        {
            (Party.Influencer, AdRequestStatus.Paid) => $"“{w.Campaign}” is paid ({amount}): deliver the work and add its link.",
            (Party.Influencer, _) => $"{w.Counterpart} offers {amount} for “{w.Campaign}”: your answer is awaited.",
            (Party.Sponsor, AdRequestStatus.Accepted) => $"{w.Counterpart} accepted “{w.Campaign}”: pay {amount} to get the work started.",
            (Party.Sponsor, AdRequestStatus.Paid) => $"{w.Counterpart} delivered the work for “{w.Campaign}”: check it and confirm completion.",
            _ => $"{w.Counterpart} answered on “{w.Campaign}” ({amount}): your move.",
        };
    }
}
