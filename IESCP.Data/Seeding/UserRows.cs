using IESCP.Data.Identity;

namespace IESCP.Data.Seeding;

/// <summary>Identity rows as UserManager would write them, minus the per-user password hashing.</summary>
internal sealed class UserRows(string passwordHash, IReadOnlyDictionary<string, string> roleIds)
{
    public string InfluencerRoleId { get; } = RoleId(roleIds, Roles.Influencer);

    public string SponsorRoleId { get; } = RoleId(roleIds, Roles.Sponsor);

    public Action<object?[]> PrepareUsers(BulkWriter writer) => writer.Prepare("AspNetUsers",
        "Id", "DisplayName", "CreatedAt", "IsFlagged", "UserName", "NormalizedUserName", "Email", "NormalizedEmail",
        "EmailConfirmed", "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled",
        "LockoutEnabled", "AccessFailedCount");

    public static Action<object?[]> PrepareRoles(BulkWriter writer) => writer.Prepare("AspNetUserRoles", "UserId", "RoleId");

    public object?[] Row(string userId, string email, string name, bool flagged, DateTime createdAt)
    {
        // Identity normalizes with ToUpperInvariant; sign-in looks the user up by these.
        var normalized = email.ToUpperInvariant();
        return [userId, name, createdAt, flagged, email, normalized, email, normalized,
            true, passwordHash, Guid.NewGuid().ToString("N").ToUpperInvariant(), Guid.NewGuid().ToString(), false, false, true, 0];
    }

    private static string RoleId(IReadOnlyDictionary<string, string> roleIds, string role) =>
        roleIds.TryGetValue(role, out var id) ? id : throw new InvalidOperationException($"The role {role} is missing; initialize the database first.");
}
