using System.Security.Claims;
using IESCP.Data.Identity;
using IESCP.Data.Sponsors;
using Microsoft.AspNetCore.Authorization;

namespace IESCP.Web.Authorization;

/// <summary>The user is an approved sponsor; or, with <paramref name="OnlyForSponsors"/>, is not a sponsor at all or an approved one.</summary>
public sealed record ApprovedSponsorRequirement(bool OnlyForSponsors = false) : IAuthorizationRequirement;

/// <summary>Reads the approval from the database (through the cache), so an approval takes effect at once.</summary>
internal sealed class ApprovedSponsorHandler(SponsorRepository sponsors) : AuthorizationHandler<ApprovedSponsorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ApprovedSponsorRequirement requirement)
    {
        if (requirement.OnlyForSponsors && !context.User.IsInRole(Roles.Sponsor))
        {
            context.Succeed(requirement);
            return;
        }

        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is not null && await sponsors.GetStatusAsync(userId) == ApprovalStatus.Approved)
        {
            context.Succeed(requirement);
        }
    }
}
