using System.Security.Claims;
using IESCP.Data.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace IESCP.Web.Authorization;

/// <summary>
/// Whether a signed-in session may go on: the account still exists, is not suspended, and its
/// security stamp is the one the session was issued under (a new password changes it). Checked
/// on every request through a cached account state, instead of Identity's check every 30 minutes.
/// </summary>
internal static class SessionValidation
{
    public static async Task<bool> IsValidAsync(ClaimsPrincipal principal, IServiceProvider services)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return true; // not signed in: nothing to end
        }

        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var state = await services.GetRequiredService<AccountStates>().GetAsync(userId);
        return state is { MaySignIn: true } && state.SecurityStamp == principal.FindFirstValue(stampClaim);
    }

    /// <summary>The cookie handler's check: an invalid session is signed out and treated as anonymous.</summary>
    public static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is { } principal && !await IsValidAsync(principal, context.HttpContext.RequestServices))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }
}
