using IESCP.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.Sponsors;

internal static class ApprovedSponsor
{
    public static readonly CommandResult NotApproved =
        CommandResult.Fail("Your sponsor account must be approved by an admin first.");

    /// <summary>The id of the actor's sponsor profile, or null when it is not an approved sponsor.</summary>
    public static Task<int?> ApprovedSponsorIdAsync(this IescpDbContext db, Actor actor)
    {
        actor.Require(Roles.Sponsor);
        return db.Sponsors.Where(s => s.UserId == actor.UserId && s.Status == ApprovalStatus.Approved)
            .Select(s => (int?)s.Id)
            .FirstOrDefaultAsync();
    }
}
