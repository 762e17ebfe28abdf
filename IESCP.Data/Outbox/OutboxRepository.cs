using IESCP.Data.ChatWebhooks;
using IESCP.Data.Database;
using IESCP.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.Outbox;

/// <summary>
/// The outbox: messages queued on their own (account emails), the admin's view of every message
/// with retry, and the dispatcher's side (<see cref="ClaimDueAsync"/>, <see cref="RecordAsync"/>):
/// a message is held by one dispatcher run at a time and marked sent once the receiver took it.
/// </summary>
public sealed class OutboxRepository(IDbContextFactory<IescpDbContext> contexts, OutboxSignal signal)
{
    /// <summary>
    /// Queues a message that goes with no other change (a password-reset link). A key already
    /// queued is left as it is. Returns at once: the sending happens later, whatever the mail server's state.
    /// </summary>
    public Task EnqueueAsync(OutgoingEmail email) => QueueAsync(email, limit: null);

    /// <summary>
    /// Queues an email for its user unless that user was already sent <see cref="SendingLimit.Count"/>
    /// messages of the same family (keys starting with <see cref="SendingLimit.Family"/>) within
    /// <see cref="SendingLimit.Window"/>: a public form can't be used to flood someone's inbox.
    /// Counted and written in one transaction, so requests at the same moment can't slip past the
    /// limit together. Returns whether the email was queued.
    /// </summary>
    public Task<bool> EnqueueAsync(OutgoingEmail email, SendingLimit limit)
    {
        if (email.UserId is null || !email.Key.StartsWith(limit.Family, StringComparison.Ordinal))
        {
            throw new ArgumentException("A limited email is for a user, and its key starts with its family.", nameof(email));
        }

        return QueueAsync(email, limit);
    }

    private async Task<bool> QueueAsync(OutgoingEmail email, SendingLimit? limit)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await db.OutboxMessages.AnyAsync(m => m.Key == email.Key))
        {
            return true;
        }

        if (limit is { } l)
        {
            var since = db.Now - l.Window;
            var family = l.Family;
            if (await db.OutboxMessages.CountAsync(m => m.UserId == email.UserId && m.CreatedAt >= since && m.Key.StartsWith(family)) >= l.Count)
            {
                return false;
            }
        }

        db.Enqueue(email);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        signal.Raise();
        return true;
    }

    public async Task<PagedResult<OutboxRow>> ListAsync(Actor actor, OutboxStatus? status, int page = 1, int pageSize = 20)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync();
        var messages = status is { } s ? db.OutboxMessages.Where(m => m.Status == s) : db.OutboxMessages;
        var rows = await messages.OrderByDescending(m => m.Id)
            .Select(m => new OutboxRow(m.Id, m.Channel, m.Recipient, m.Subject, m.Status, m.Attempts, m.NextAttemptAt, m.LastError, m.CreatedAt, m.SentAt))
            .ToPageAsync(page, pageSize);
        return rows with { Items = [.. rows.Items.Select(r => r.Channel == OutboxChannel.GoogleChat ? r with { Recipient = ChatWebhookRules.Mask(r.Recipient) } : r)] };
    }

    public async Task<IReadOnlyDictionary<OutboxStatus, int>> CountAsync(Actor actor)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync();
        var counts = await db.OutboxMessages.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        return Enum.GetValues<OutboxStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);
    }

    /// <summary>The admin sends a failed (or waiting) message again now, with a fresh count of attempts.</summary>
    public async Task<CommandResult> RetryAsync(Actor actor, long messageId)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync();
        var now = db.Now;
        var changed = await db.OutboxMessages.Where(m => m.Id == messageId && m.Status != OutboxStatus.Sent)
            .UpdateAsync(db, set => set.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.Attempts, 0).SetProperty(m => m.NextAttemptAt, now));
        if (changed == 0)
        {
            return CommandResult.Fail("That message was sent already or no longer exists.");
        }

        signal.Raise();
        return CommandResult.Ok;
    }

    /// <summary>
    /// Holds up to <paramref name="max"/> messages that are due for <paramref name="holder"/>
    /// (a dispatcher run) for <paramref name="lease"/>; another run skips them meanwhile. A
    /// holder that dies lets go when the lease ends.
    /// </summary>
    public async Task<IReadOnlyList<OutboxDelivery>> ClaimDueAsync(string holder, int max, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = db.Now;
        var ids = await db.OutboxMessages
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Select(m => m.Id)
            .Take(max)
            .ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        var until = now + lease;
        await db.OutboxMessages.Where(m => ids.Contains(m.Id))
            .UpdateAsync(db, set => set.SetProperty(m => m.LockedBy, holder).SetProperty(m => m.LockedUntil, until), cancellationToken);
        var held = await db.OutboxMessages.Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id)
            .Select(m => new OutboxDelivery(m.Id, m.Key, m.Channel, m.Recipient, m.Subject, m.Text, m.Html, m.AttachmentName, m.Attachment, m.Attempts))
            .ToListAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return held;
    }

    /// <summary>
    /// Records what became of held messages, in one transaction: sent ones are never picked
    /// again; failed ones wait until their retry time, or fail for good. Only the holder may record.
    /// </summary>
    public async Task RecordAsync(string holder, IReadOnlyCollection<long> sent, IReadOnlyCollection<OutboxFailure> failed, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = db.Now;
        var mine = db.OutboxMessages.Where(m => m.LockedBy == holder);
        if (sent.Count > 0)
        {
            await mine.Where(m => sent.Contains(m.Id)).UpdateAsync(db, set => set
                .SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.SentAt, now).SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LockedBy, (string?)null).SetProperty(m => m.LockedUntil, (DateTime?)null), cancellationToken);
        }

        foreach (var failure in failed)
        {
            var error = failure.Error.Length > 1000 ? failure.Error[..999] + "…" : failure.Error;
            var counted = failure.Attempted ? 1 : 0;
            await mine.Where(m => m.Id == failure.Id).UpdateAsync(db, set => set
                .SetProperty(m => m.Status, failure.RetryAt is null ? OutboxStatus.Failed : OutboxStatus.Pending)
                .SetProperty(m => m.NextAttemptAt, failure.RetryAt ?? now)
                .SetProperty(m => m.Attempts, m => m.Attempts + counted)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.LockedBy, (string?)null).SetProperty(m => m.LockedUntil, (DateTime?)null), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Lets go of held messages without an attempt: they stay as they were, for the next run.</summary>
    public async Task ReleaseAsync(string holder, IReadOnlyCollection<long> ids)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await db.OutboxMessages.Where(m => m.LockedBy == holder && ids.Contains(m.Id))
            .UpdateAsync(db, set => set.SetProperty(m => m.LockedBy, (string?)null).SetProperty(m => m.LockedUntil, (DateTime?)null));
    }

    /// <summary>Deletes sent messages older than <paramref name="before"/>; returns how many.</summary>
    public async Task<int> PruneSentAsync(DateTime before, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Sent && m.SentAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}
