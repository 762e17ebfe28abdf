using Microsoft.AspNetCore.Identity;

namespace IESCP.Data.Identity;

public sealed class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>Set by an admin; a flagged user is hidden from search and cannot receive new requests.</summary>
    public bool IsFlagged { get; set; }
}
