using IESCP.Data.AdRequests;
using IESCP.Data.Identity;
using IESCP.Data.Outbox;
using IESCP.Data.Sponsors;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.Reminders;

/// <summary>
/// The daily reminders, run by the scheduler (no acting user): who is due one today and what
/// waits for them, then each reminder written with its messages in one transaction. The
/// (user, day) key of <see cref="Reminder"/> keeps it to one a day per user, whether the job runs
/// twice, overlaps itself or restarts mid-way.
/// </summary>
public sealed class ReminderRepository(IDbContextFactory<IescpDbContext> contexts, OutboxSignal signal)
{
    /// <summary>
    /// The next users due a reminder on <paramref name="day"/>, in id order after
    /// <paramref name="afterUserId"/>: influencers with offers to answer, and anyone away for
    /// <see cref="ReminderPolicy.AwayDays"/> days who was not reminded during that time.
    /// </summary>
    public async Task<IReadOnlyList<DueReminder>> ListDueAsync(DateOnly day, ReminderPolicy policy, string afterUserId, int max,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var awayBefore = db.Now.AddDays(-policy.AwayDays);
        var quietSince = day.AddDays(-policy.AwayDays);
        var negotiable = AdRequestRules.Negotiable;
        var due = await db.Users
            .Where(u => string.Compare(u.Id, afterUserId) > 0 && !u.IsFlagged && u.DeletedAt == null && u.Email != null)
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, u.LastSeenAt, u.CreatedAt,
                InfluencerId = db.Influencers.Where(i => i.UserId == u.Id).Select(i => (int?)i.Id).FirstOrDefault(),
                IsSponsor = db.Sponsors.Any(s => s.UserId == u.Id && s.Status == ApprovalStatus.Approved),
            })
            .Where(u => u.InfluencerId != null || u.IsSponsor)
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, u.InfluencerId,
                Awaited = u.InfluencerId != null
                    && db.AdRequests.Any(r => r.InfluencerId == u.InfluencerId && negotiable.Contains(r.Status) && r.LatestBy == Party.Sponsor)
                    && !db.Reminders.Any(m => m.UserId == u.Id && m.Day == day),
                Away = (u.LastSeenAt ?? u.CreatedAt) < awayBefore && !db.Reminders.Any(m => m.UserId == u.Id && m.Day > quietSince),
                Webhook = db.ChatWebhooks.Where(w => w.UserId == u.Id).Select(w => w.Url).FirstOrDefault(),
            })
            .Where(u => u.Awaited || u.Away)
            .OrderBy(u => u.Id)
            .Take(max)
            .ToListAsync(cancellationToken);

        var influencers = due.Where(u => u.InfluencerId != null).Select(u => u.Id).ToList();
        var sponsors = due.Where(u => u.InfluencerId == null).Select(u => u.Id).ToList();
        var items = await ReminderItems.ForAsync(db, influencers, sponsors, cancellationToken);
        return [.. due.Select(u =>
        {
            var role = u.InfluencerId != null ? Roles.Influencer : Roles.Sponsor;
            var all = items[u.Id];
            var home = Roles.HomePath(role).TrimStart('/');
            var list = all.Count > 0 ? all.Take(policy.MaxItems).ToList() : [Discover(role)];
            return new DueReminder(u.Id, u.DisplayName, u.Email!, role, u.Webhook, !u.Awaited, list, all.Count - list.Count, $"{home}/requests");
        })];
    }

    /// <summary>
    /// Writes the reminders with their email (and chat) messages in one transaction, leaving out
    /// users already reminded on <paramref name="day"/>; returns the reminders written.
    /// </summary>
    public async Task<IReadOnlyList<DueReminder>> RecordAsync(DateOnly day, IReadOnlyList<(DueReminder Reminder, OutgoingEmail Email, OutgoingChat? Chat)> batch,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = batch.Select(b => b.Reminder.UserId).ToList();
        var already = (await db.Reminders.Where(r => r.Day == day && ids.Contains(r.UserId)).Select(r => r.UserId).ToListAsync(cancellationToken)).ToHashSet();
        var written = new List<DueReminder>();
        foreach (var (reminder, email, chat) in batch.Where(b => already.Add(b.Reminder.UserId)))
        {
            db.Reminders.Add(new Reminder { UserId = reminder.UserId, Day = day, Items = reminder.Items.Count + reminder.More, CreatedAt = db.Now });
            db.Enqueue(email);
            if (chat is not null)
            {
                db.Enqueue(chat);
            }

            written.Add(reminder);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.WakeIfQueued(db);
        return written;
    }

    /// <summary>The outbox key of a user's reminder on a day, per channel: the same reminder is never queued twice.</summary>
    public static string Key(string userId, DateOnly day, string channel) => $"reminder:{userId}:{day:yyyy-MM-dd}:{channel}";

    /// <summary>For someone away with nothing waiting: where to pick up again.</summary>
    private static ReminderItem Discover(string role) => role == Roles.Sponsor
        ? new ReminderItem("Find influencers for your campaigns.", "sponsor/influencers")
        : new ReminderItem("See the campaigns looking for creators like you.", "influencer/campaigns");
}
