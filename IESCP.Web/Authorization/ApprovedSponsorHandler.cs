using System.Security.Claims;
using IESCP.Data.Sponsors;
using Microsoft.AspNetCore.Authorization;

namespace IESCP.Web.Authorization;

public sealed class ApprovedSponsorRequirement : IAuthorizationRequirement;

/// <summary>Reads the approval from the database (through the cache), so an approval takes effect at once.</summary>
internal sealed class ApprovedSponsorHandler(SponsorRepository sponsors) : AuthorizationHandler<ApprovedSponsorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ApprovedSponsorRequirement requirement)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is not null && await sponsors.GetStatusAsync(userId) == ApprovalStatus.Approved)
        {
            context.Succeed(requirement);
        }
    }
}
