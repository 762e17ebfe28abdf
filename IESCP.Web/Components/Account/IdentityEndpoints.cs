using IESCP.Data.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace IESCP.Web.Components.Account;

internal static class IdentityEndpoints
{
    /// <summary>The endpoints the static account pages post to.</summary>
    public static void MapIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/Account/Logout", async (
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromForm] string? returnUrl) =>
        {
            await signInManager.SignOutAsync();
            // Only a path of this site; anything else (another host, a backslash trick) goes home.
            return TypedResults.LocalRedirect(returnUrl is ['/', ..] && !returnUrl.StartsWith("//", StringComparison.Ordinal)
                && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative)
                ? returnUrl
                : "/");
        });
    }
}
