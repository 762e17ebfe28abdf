using System.Security.Claims;
using IESCP.Data.Identity;
using Microsoft.AspNetCore.Components.Authorization;

namespace IESCP.Web.Authorization;

/// <summary>The signed-in user of this circuit or request, as the <see cref="Actor"/> repositories check.</summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication)
{
    public async Task<Actor> GetActorAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        return ActorOf(user) ?? throw new ForbiddenException("Sign in first.");
    }

    public static Actor? ActorOf(ClaimsPrincipal user)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var role = Roles.All.FirstOrDefault(user.IsInRole);
        return userId is null || role is null ? null : new Actor(userId, role);
    }
}
