using IESCP.Data.Identity;
using IESCP.Data.Sponsors;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.Admin;

public sealed record PlatformSummary(int Sponsors, int PendingSponsors, int Influencers, int FlaggedUsers);

public sealed class AdminDashboardRepository(IDbContextFactory<IescpDbContext> contexts)
{
    public async Task<PlatformSummary> GetSummaryAsync(Actor actor)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync();
        return new PlatformSummary(
            await db.Sponsors.CountAsync(s => s.Status == ApprovalStatus.Approved),
            await db.Sponsors.CountAsync(s => s.Status == ApprovalStatus.Pending),
            await db.Influencers.CountAsync(),
            await db.Users.CountAsync(u => u.IsFlagged));
    }
}
