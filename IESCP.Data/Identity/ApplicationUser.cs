using Microsoft.AspNetCore.Identity;

namespace IESCP.Data.Identity;

public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>Set by an admin: the account is suspended (cannot sign in or act) and hidden from search.</summary>
    public bool IsFlagged { get; set; }

    /// <summary>Why an admin flagged the account, shown to its owner.</summary>
    public string? FlagReason { get; set; }

    public DateTime? FlaggedAt { get; set; }

    /// <summary>When an admin removed the account; its personal data is gone, its history stays for the other side.</summary>
    public DateTime? DeletedAt { get; set; }

    /// <summary>When the user last opened the app (at most hourly precision), for activity figures and reminders.</summary>
    public DateTime? LastSeenAt { get; set; }
}
