namespace IESCP.Data.Reminders;

/// <summary>One thing that waits for a user, with the app path that opens it (no leading slash).</summary>
public sealed record ReminderItem(string Text, string Link);

/// <summary>
/// A user due a reminder today: who they are, where to reach them (a chat webhook, if they set
/// one), and what waits for them. <see cref="More"/> counts what did not fit in the list.
/// </summary>
public sealed record DueReminder(
    string UserId, string Name, string Email, string Role, string? ChatWebhookUrl, bool Away,
    IReadOnlyList<ReminderItem> Items, int More, string MoreLink);

/// <summary>Who is reminded: influencers with offers to answer every day; anyone away this many days, once per that many days.</summary>
public sealed record ReminderPolicy(int AwayDays, int MaxItems = 10);
