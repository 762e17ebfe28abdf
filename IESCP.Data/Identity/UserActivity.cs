using IESCP.Data.Database;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.Identity;

/// <summary>When users last opened the app: for "active in the last 30 days" and for reminding those who stayed away.</summary>
public sealed class UserActivity(IDbContextFactory<IescpDbContext> contexts)
{
    /// <summary>How stale LastSeenAt may get: one write per user per hour at most, however many pages they open.</summary>
    public static readonly TimeSpan Precision = TimeSpan.FromHours(1);

    public async Task SeenAsync(string userId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var now = db.Now;
        var stale = now - Precision;
        await db.Users.Where(u => u.Id == userId && (u.LastSeenAt == null || u.LastSeenAt < stale))
            .UpdateAsync(db, set => set.SetProperty(u => u.LastSeenAt, now));
    }
}
