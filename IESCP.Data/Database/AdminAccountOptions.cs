namespace IESCP.Data.Database;

/// <summary>The admin account created with the database (configuration section "Admin").</summary>
public sealed class AdminAccountOptions
{
    public const string Section = "Admin";

    public string Email { get; set; } = "admin@iescp.local";

    public string Password { get; set; } = "";

    public string Name { get; set; } = "IESCP Admin";
}
