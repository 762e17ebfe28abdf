using System.ComponentModel.DataAnnotations;

namespace IESCP.Data.ApiTokens;

/// <summary>The form that names a new token.</summary>
public sealed class ApiTokenInput
{
    public const int MaxNameLength = 60;

    [Required(ErrorMessage = "Name the token, so you know later what uses it.")]
    [StringLength(MaxNameLength, ErrorMessage = "Keep the name under 60 characters.")]
    [Display(Name = "Token name")]
    public string Name { get; set; } = "";
}

/// <summary>A token as its owner sees it in the list (never its secret).</summary>
public sealed record ApiTokenView(int Id, string Name, string Prefix, DateTime CreatedAt);

/// <summary>A token just made: the only time its secret is shown.</summary>
public sealed record NewApiToken(int Id, string Name, string Token);

/// <summary>Whom a valid token speaks for.</summary>
public sealed record ApiCaller(string UserId, string Role);
