using IESCP.Data.Identity;
using Microsoft.AspNetCore.Authorization;

namespace IESCP.Web.Authorization;

public static class Policies
{
    /// <summary>A sponsor whose sign-up an admin has approved.</summary>
    public const string ApprovedSponsor = nameof(ApprovedSponsor);

    public static AuthorizationBuilder AddIescpPolicies(this AuthorizationBuilder builder) =>
        builder.AddPolicy(ApprovedSponsor, policy => policy
            .RequireRole(Roles.Sponsor)
            .AddRequirements(new ApprovedSponsorRequirement()));
}
