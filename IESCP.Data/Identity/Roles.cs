namespace IESCP.Data.Identity;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Sponsor = "Sponsor";
    public const string Influencer = "Influencer";

    public static readonly IReadOnlyList<string> All = [Admin, Sponsor, Influencer];

    /// <summary>The page each role lands on after signing in.</summary>
    public static string HomePath(string role) => role switch
    {
        Admin => "/admin",
        Sponsor => "/sponsor",
        Influencer => "/influencer",
        _ => "/",
    };
}
