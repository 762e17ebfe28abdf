using IESCP.Data.Identity;
using Microsoft.AspNetCore.Authorization;

namespace IESCP.Web.Authorization;

public static class Policies
{
    /// <summary>A sponsor whose sign-up an admin has approved.</summary>
    public const string ApprovedSponsor = nameof(ApprovedSponsor);

    /// <summary>Anyone signed in, but a sponsor only once approved (admins, influencers, approved sponsors).</summary>
    public const string Member = nameof(Member);

    public static AuthorizationBuilder AddIescpPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(ApprovedSponsor, policy => policy
            .RequireRole(Roles.Sponsor)
            .AddRequirements(new ApprovedSponsorRequirement()))
        .AddPolicy(Member, policy => policy
            .RequireAuthenticatedUser()
            .AddRequirements(new ApprovedSponsorRequirement(OnlyForSponsors: true)));
}
