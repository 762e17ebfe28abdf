namespace IESCP.Data.Database;

/// <summary>The admin account created with the database (configuration section "Admin").</summary>
public sealed class AdminAccountOptions
{
    public const string Section = "Admin";

    /// <summary>
    /// The password the repository's appsettings.Development.json gives the admin: fine on a
    /// developer's machine, refused anywhere else (everyone who can read the repository knows it).
    /// </summary>
    public const string RepositoryPassword = "Admin#2026";

    public string Email { get; set; } = "admin@iescp.local";

    public string Password { get; set; } = "";

    public string Name { get; set; } = "IESCP Admin";
}
