namespace IESCP.Data.Identity;

/// <summary>
/// Who performs a query or command. Repositories filter and refuse by it, so the rules hold
/// whatever page, URL or form the call came from.
/// </summary>
public sealed record Actor(string UserId, string Role)
{
    public bool IsAdmin => Role == Roles.Admin;

    public bool IsSponsor => Role == Roles.Sponsor;

    public bool IsInfluencer => Role == Roles.Influencer;

    public void Require(string role)
    {
        if (Role != role)
        {
            throw new ForbiddenException($"This action is for {role.ToLowerInvariant()}s only.");
        }
    }
}

/// <summary>The actor may not do this; the message is safe to show.</summary>
public sealed class ForbiddenException(string message) : Exception(message);
