namespace IESCP.Data.Outbox;

/// <summary>One message as the admin's outbox list shows it (a webhook's secret query left out).</summary>
public sealed record OutboxRow(
    long Id, OutboxChannel Channel, string Recipient, string Subject, OutboxStatus Status, int Attempts,
    DateTime NextAttemptAt, string? LastError, DateTime CreatedAt, DateTime? SentAt);

/// <summary>A message the dispatcher holds and sends.</summary>
public sealed record OutboxDelivery(
    long Id, string Key, OutboxChannel Channel, string Recipient, string Subject, string Text, string? Html,
    string? AttachmentName, byte[]? Attachment, int Attempts);

/// <summary>
/// An attempt that failed: when to try again (null: give up), and why. A message not attempted at
/// all (the run had given up on its server) does not count as an attempt.
/// </summary>
public sealed record OutboxFailure(long Id, string Error, DateTime? RetryAt, bool Attempted = true);
