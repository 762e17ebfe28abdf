using IESCP.Data.Sponsors;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.Identity;

/// <summary>
/// Whether an account may act at all. Every command checks it on the server, inside its own
/// transaction, whatever page the call came from: a page left open when an admin flagged the
/// account, or before a sponsor was approved, can change nothing.
/// </summary>
internal static class AccountStanding
{
    public const string Suspended = "Your account is suspended; it can't do this.";

    public const string NotApproved = "Your sponsor account must be approved by an admin first.";

    /// <summary>Why the actor may not act now (a flagged account, a sponsor not approved), or null.</summary>
    public static async Task<string?> RefusalForAsync(this IescpDbContext db, Actor actor)
    {
        var account = await db.Users.Where(u => u.Id == actor.UserId)
            .Select(u => new
            {
                u.IsFlagged,
                SponsorStatus = db.Sponsors.Where(s => s.UserId == u.Id).Select(s => (ApprovalStatus?)s.Status).FirstOrDefault(),
            })
            .FirstOrDefaultAsync();
        return account is null ? "Your account no longer exists."
            : account.IsFlagged ? Suspended
            : actor.IsSponsor && account.SponsorStatus != ApprovalStatus.Approved ? NotApproved
            : null;
    }

    /// <summary>The actor's sponsor profile id when it may act, or the refusal.</summary>
    public static async Task<CommandResult<int>> ActingSponsorIdAsync(this IescpDbContext db, Actor actor)
    {
        actor.Require(Roles.Sponsor);
        if (await db.RefusalForAsync(actor) is { } refusal)
        {
            return CommandResult<int>.Failure(CommandResult.Fail(refusal));
        }

        return CommandResult<int>.Success(await db.Sponsors.Where(s => s.UserId == actor.UserId).Select(s => s.Id).SingleAsync());
    }
}
