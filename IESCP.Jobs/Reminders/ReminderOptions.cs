namespace IESCP.Jobs.Reminders;

/// <summary>Configuration section "Reminders".</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>A user who has not opened the app for this many days is reminded (at most once per that many days).</summary>
    public int AwayDays { get; set; } = 14;

    /// <summary>Reminders written per transaction.</summary>
    public int BatchSize { get; set; } = 500;
}
