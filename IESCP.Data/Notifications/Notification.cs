using IESCP.Data.Identity;

namespace IESCP.Data.Notifications;

/// <summary>What a notification is about, for its icon.</summary>
public enum NotificationKind
{
    AdRequest = 0,
    Campaign = 1,
    Account = 2,
    Export = 3,
    Report = 4,
}

/// <summary>
/// Something that happened to a user while they may have been away, written in the same
/// transaction as the change it tells of; unread until the user opens it or marks it read.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public ApplicationUser? User { get; set; }

    public NotificationKind Kind { get; set; }

    public string Text { get; set; } = "";

    /// <summary>The app path of the thing it tells of (a request, a campaign), without a leading slash.</summary>
    public string Link { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? ReadAt { get; set; }
}
