namespace IESCP.Jobs.Scheduling;

/// <summary>Why a job ran, as its run history shows it; kept in the firing's job data.</summary>
public static class JobTriggers
{
    public const string Reason = "iescp.reason";

    public const string Schedule = "schedule";

    /// <summary>An admin's "Run now".</summary>
    public const string Manual = "run now";

    /// <summary>Started again at start-up: a stop cut the last run short.</summary>
    public const string Resumed = "resumed";

    /// <summary>A command queued messages (the outbox) or work (an export).</summary>
    public const string Queued = "queued";

    public static string Of(Quartz.IJobExecutionContext context) =>
        context.MergedJobDataMap.TryGetValue(Reason, out var reason) && reason is string text ? text : Schedule;
}
