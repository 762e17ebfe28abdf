namespace IESCP.Data.Reminders;

/// <summary>
/// That a user was reminded on a day: its key (user, day) is what keeps reminders to one a day,
/// however often or concurrently the job runs.
/// </summary>
public sealed class Reminder
{
    public string UserId { get; set; } = "";

    /// <summary>The server's local date the reminder belongs to.</summary>
    public DateOnly Day { get; set; }

    /// <summary>How many things it listed.</summary>
    public int Items { get; set; }

    public DateTime CreatedAt { get; set; }
}
