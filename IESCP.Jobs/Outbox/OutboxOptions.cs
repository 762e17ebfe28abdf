namespace IESCP.Jobs.Outbox;

/// <summary>Configuration section "Outbox": how the dispatcher sends and retries.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>How often the dispatcher looks for due messages (it is also woken whenever a message is queued).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages held and sent per step.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>Messages sent at once (each over its own SMTP connection or HTTP request).</summary>
    public int Parallelism { get; set; } = 16;

    /// <summary>Quick retries of one attempt, within a run, for a hiccup (a dropped connection, a 500).</summary>
    public int QuickRetries { get; set; } = 2;

    public TimeSpan QuickRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long one send may take before it counts as failed (a receiver that hangs).</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After a failed attempt the message waits this long, doubled after each further failure, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts before a message is marked failed (an admin can still retry it).</summary>
    public int MaxAttempts { get; set; } = 20;

    /// <summary>How long a run holds the messages it sends; a run that died lets go after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long sent messages are kept (for the admin's list) before the cleanup job deletes them.</summary>
    public TimeSpan KeepSentFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>When the <paramref name="attempt"/>-th attempt failed at <paramref name="now"/>, when to try again; null: give up.</summary>
    public DateTime? RetryAt(int attempt, DateTime now)
    {
        if (attempt >= MaxAttempts)
        {
            return null;
        }

        var delay = FirstRetryDelay * Math.Pow(2, Math.Min(attempt - 1, 30));
        return now + (delay < MaxRetryDelay ? delay : MaxRetryDelay);
    }
}
