using IESCP.Data.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace IESCP.Web.Authorization;

/// <summary>A signed-in sponsor who is not approved yet is sent to the waiting page instead of "access denied" (API calls get a 403 problem instead).</summary>
internal sealed class PendingSponsorRedirect : IAuthorizationMiddlewareResultHandler
{
    public const string PendingPath = "/sponsor/pending";

    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden
            && !context.Request.Path.StartsWithSegments("/api")
            && context.User.IsInRole(Roles.Sponsor)
            && authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<ApprovedSponsorRequirement>().Any() == true)
        {
            context.Response.Redirect(PendingPath);
            return Task.CompletedTask;
        }

        return fallback.HandleAsync(next, context, policy, authorizeResult);
    }
}
