namespace IESCP.Data.ApiTokens;

/// <summary>
/// A key a user made for the JSON API, named by the user. Only a hash of the secret is kept: the
/// secret is shown once, when it is created. A revoked token stays listed nowhere and works nowhere.
/// </summary>
public sealed class ApiToken
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>SHA-256 of the whole token, in hex. Tokens are 256 random bits, so a fast hash is enough.</summary>
    public string Hash { get; set; } = "";

    /// <summary>The token's first characters, so its owner can tell tokens apart.</summary>
    public string Prefix { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
