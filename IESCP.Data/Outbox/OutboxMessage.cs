namespace IESCP.Data.Outbox;

/// <summary>How a message leaves the app.</summary>
public enum OutboxChannel
{
    Email = 0,
    GoogleChat = 1,
}

public enum OutboxStatus
{
    /// <summary>Waiting for its (next) attempt.</summary>
    Pending = 0,
    Sent = 1,

    /// <summary>Gave up after the configured number of attempts, or the receiver refused it for good; an admin may retry it.</summary>
    Failed = 2,
}

/// <summary>
/// An email or chat message, written in the same transaction as the change it tells of and sent
/// afterwards by the dispatcher: nothing is lost when a mail server or webhook is down, and a
/// message whose change was rolled back never leaves.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>
    /// Unique: the same message is never queued twice. It travels with the message (the email's
    /// Message-ID, the chat message's id), so a receiver can recognise a repeat.
    /// </summary>
    public string Key { get; set; } = "";

    public OutboxChannel Channel { get; set; }

    /// <summary>The user it is for, when it is for a user.</summary>
    public string? UserId { get; set; }

    /// <summary>An email address, or a webhook URL (which holds a secret: never shown in full).</summary>
    public string Recipient { get; set; } = "";

    public string Subject { get; set; } = "";

    /// <summary>The plain-text body (an email's text part, a chat message's text).</summary>
    public string Text { get; set; } = "";

    /// <summary>An email's HTML part.</summary>
    public string? Html { get; set; }

    public string? AttachmentName { get; set; }

    public byte[]? Attachment { get; set; }

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>Not sent before this moment: the back-off after a failed attempt.</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>The dispatcher run that holds the message while it sends it, so two runs never send it both.</summary>
    public string? LockedBy { get; set; }

    /// <summary>When a holder that died (a restart mid-send) lets go.</summary>
    public DateTime? LockedUntil { get; set; }

    public string? LastError { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? SentAt { get; set; }
}
