namespace IESCP.Jobs.Scheduling;

public enum JobStore
{
    /// <summary>Schedules live in memory: rebuilt from configuration at each start.</summary>
    Memory = 0,

    /// <summary>Schedules, their last and next firings live in the app's database, so misfires during a stop are caught up.</summary>
    Database = 1,
}

/// <summary>
/// Configuration section "Jobs": where the scheduler keeps its schedules, and each job's
/// schedule as a Quartz cron expression in the server's time zone ("off": never on a schedule, only "Run now").
/// </summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    public const string Off = "off";

    public JobStore Store { get; set; } = JobStore.Memory;

    public string DailyReminders { get; set; } = "0 0 18 * * ?";

    public string MonthlyReports { get; set; } = "0 0 6 1 * ?";

    public string OfferExpiry { get; set; } = "0 30 2 * * ?";

    public string Cleanup { get; set; } = "0 15 * * * ?";
}
