namespace IESCP.Data.JobRuns;

public enum JobOutcome
{
    Running = 0,
    Succeeded = 1,
    Failed = 2,

    /// <summary>The app stopped during the run; it was started again.</summary>
    Interrupted = 3,
}

/// <summary>One run of a background job, for the admin's Jobs page and to resume runs a restart cut short.</summary>
public sealed class JobRun
{
    public long Id { get; set; }

    /// <summary>The job's name (its Quartz key).</summary>
    public string Job { get; set; } = "";

    /// <summary>Why it ran: on schedule, "Run now", or resumed after a restart.</summary>
    public string Trigger { get; set; } = "";

    public DateTime StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    /// <summary>Measured, not derived from the two times (which follow the app's clock).</summary>
    public long DurationMs { get; set; }

    public JobOutcome Outcome { get; set; }

    /// <summary>What it did, in counts ("12 reminders, 3 chat messages").</summary>
    public string? Summary { get; set; }

    public string? Error { get; set; }
}
