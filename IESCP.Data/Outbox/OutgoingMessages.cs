namespace IESCP.Data.Outbox;

/// <summary>
/// An email ready to queue: rendered content, and a key the change that causes it chooses, so
/// the same change queued twice (a job run again) is still one message.
/// </summary>
public sealed record OutgoingEmail(string Key, string? UserId, string To, string Subject, string Text, string Html, EmailAttachment? Attachment = null);

public sealed record EmailAttachment(string Name, byte[] Content);

/// <summary>At most <paramref name="Count"/> emails whose keys start with <paramref name="Family"/> to one user within <paramref name="Window"/>.</summary>
public sealed record SendingLimit(string Family, int Count, TimeSpan Window);

/// <summary>A Google Chat message for a user's webhook (the JSON <c>{"text": …}</c> Chat accepts).</summary>
public sealed record OutgoingChat(string Key, string? UserId, string WebhookUrl, string Text);

/// <summary>How commands queue messages: in their own unit of work, then a wake-up for the dispatcher after the commit.</summary>
internal static class OutboxWriting
{
    /// <summary>Adds the email to the command's unit of work; it is written with the change it tells of.</summary>
    public static void Enqueue(this IescpDbContext db, OutgoingEmail email) =>
        db.OutboxMessages.Add(NewMessage(db, email.Key, OutboxChannel.Email, email.UserId, email.To, email.Subject, email.Text, message =>
        {
            message.Html = email.Html;
            message.AttachmentName = email.Attachment?.Name;
            message.Attachment = email.Attachment?.Content;
        }));

    public static void Enqueue(this IescpDbContext db, OutgoingChat chat) =>
        db.OutboxMessages.Add(NewMessage(db, chat.Key, OutboxChannel.GoogleChat, chat.UserId, chat.WebhookUrl, "", chat.Text, _ => { }));

    /// <summary>After the commit: if this context queued anything, the dispatcher sends it now rather than at its next run.</summary>
    public static void WakeIfQueued(this OutboxSignal signal, IescpDbContext db)
    {
        if (db.ChangeTracker.Entries<OutboxMessage>().Any())
        {
            signal.Raise();
        }
    }

    private static OutboxMessage NewMessage(IescpDbContext db, string key, OutboxChannel channel, string? userId, string recipient,
        string subject, string text, Action<OutboxMessage> more)
    {
        var message = new OutboxMessage
        {
            Key = key,
            Channel = channel,
            UserId = userId,
            Recipient = recipient,
            Subject = subject.Length > 300 ? subject[..299] + "…" : subject,
            Text = text,
            Status = OutboxStatus.Pending,
            NextAttemptAt = db.Now,
            CreatedAt = db.Now,
        };
        more(message);
        return message;
    }
}
