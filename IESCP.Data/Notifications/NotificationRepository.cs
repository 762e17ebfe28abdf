using IESCP.Data.Database;
using IESCP.Data.Identity;
using IESCP.Data.Live;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.Notifications;

public sealed record NotificationView(long Id, NotificationKind Kind, string Text, string Link, DateTime CreatedAt, bool IsRead);

/// <summary>A user's own notifications: the bell's count and latest, the full list, and marking them read.</summary>
public sealed class NotificationRepository(IDbContextFactory<IescpDbContext> contexts, ILiveEvents events)
{
    public async Task<int> CountUnreadAsync(Actor actor)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Notifications.CountAsync(n => n.UserId == actor.UserId && n.ReadAt == null);
    }

    /// <summary>The user's notifications, newest first; only the unread ones if asked.</summary>
    public async Task<PagedResult<NotificationView>> ListAsync(Actor actor, bool unreadOnly = false, int page = 1, int pageSize = 10)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var mine = db.Notifications.Where(n => n.UserId == actor.UserId);
        if (unreadOnly)
        {
            mine = mine.Where(n => n.ReadAt == null);
        }

        return await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Select(n => new NotificationView(n.Id, n.Kind, n.Text, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToPageAsync(page, pageSize);
    }

    /// <summary>Marks one of the user's own notifications read (anyone else's is left alone).</summary>
    public async Task MarkReadAsync(Actor actor, long notificationId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        if (await db.Notifications.Where(n => n.Id == notificationId && n.UserId == actor.UserId && n.ReadAt == null)
                .UpdateAsync(db, set => set.SetProperty(n => n.ReadAt, db.Now)) > 0)
        {
            events.Publish(new NotificationsChanged(actor.UserId));
        }
    }

    public async Task MarkAllReadAsync(Actor actor)
    {
        await using var db = await contexts.CreateDbContextAsync();
        if (await db.Notifications.Where(n => n.UserId == actor.UserId && n.ReadAt == null)
                .UpdateAsync(db, set => set.SetProperty(n => n.ReadAt, db.Now)) > 0)
        {
            events.Publish(new NotificationsChanged(actor.UserId));
        }
    }
}

/// <summary>How commands leave notifications: in their own transaction, then a live event for each user told.</summary>
internal static class Notifier
{
    /// <summary>Adds a notification to the command's unit of work; it is written with the change it tells of.</summary>
    public static void Notify(this IescpDbContext db, string userId, NotificationKind kind, string text, string link) =>
        db.Notifications.Add(new Notification
        {
            UserId = userId,
            Kind = kind,
            Text = text.Length > 500 ? text[..499] + "…" : text,
            Link = link,
            CreatedAt = db.Now,
        });

    /// <summary>After the commit: every user notified through this context hears of it on their open pages.</summary>
    public static void PublishNotified(this ILiveEvents events, IescpDbContext db)
    {
        foreach (var userId in db.ChangeTracker.Entries<Notification>().Select(e => e.Entity.UserId).Distinct())
        {
            events.Publish(new NotificationsChanged(userId));
        }
    }
}
