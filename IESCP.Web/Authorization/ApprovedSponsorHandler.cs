using System.Security.Claims;
using IESCP.Data.Identity;
using IESCP.Data.Sponsors;
using Microsoft.AspNetCore.Authorization;

namespace IESCP.Web.Authorization;

/// <summary>The user is an approved sponsor; or, with <paramref name="OnlyForSponsors"/>, is not a sponsor at all or an approved one.</summary>
public sealed record ApprovedSponsorRequirement(bool OnlyForSponsors = false) : IAuthorizationRequirement;

/// <summary>
/// Reads the approval from the database (through the cache), so an approval takes effect at once;
/// read once per check however many of these requirements the endpoint's policies add up to (the
/// API's searches have two: every API call's and the sponsors-only one).
/// </summary>
internal sealed class ApprovedSponsorHandler(SponsorRepository sponsors) : IAuthorizationHandler
{
    public async Task HandleAsync(AuthorizationHandlerContext context)
    {
        var isSponsor = context.User.IsInRole(Roles.Sponsor);
        bool? approved = null;
        // Succeeding takes a requirement out of the pending ones: go through a copy.
        foreach (var requirement in context.PendingRequirements.OfType<ApprovedSponsorRequirement>().ToArray())
        {
            if (requirement.OnlyForSponsors && !isSponsor)
            {
                context.Succeed(requirement);
                continue;
            }

            approved ??= context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId
                && await sponsors.GetStatusAsync(userId) == ApprovalStatus.Approved;
            if (approved.Value)
            {
                context.Succeed(requirement);
            }
        }
    }
}
