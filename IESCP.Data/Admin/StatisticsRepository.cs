using System.Globalization;
using IESCP.Data.AdRequests;
using IESCP.Data.Caching;
using IESCP.Data.Identity;
using IESCP.Data.Sponsors;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.Admin;

public sealed record UserFigures(int Sponsors, int PendingSponsors, int RejectedSponsors, int Influencers, int ActiveLast30Days, int Flagged, int Removed);

public sealed record CampaignFigures(int Total, int Public, int Private, int Flagged, int Current);

public sealed record WeekCount(DateOnly WeekStart, int Sponsors, int Influencers, int Requests);

public sealed record NicheSpend(string Niche, decimal Spent);

/// <summary>The platform in numbers, as the admin's dashboard shows them.</summary>
public sealed record PlatformStatistics(
    UserFigures Users,
    CampaignFigures Campaigns,
    IReadOnlyDictionary<AdRequestStatus, int> RequestsByStatus,
    decimal Committed,
    decimal Spent,
    IReadOnlyList<WeekCount> Weeks,
    IReadOnlyList<NicheSpend> SpendByNiche);

/// <summary>
/// The admin's statistics: each figure one aggregate query over an index or a small table, cached
/// until a write that changes a figure. Sign-ins (the active-users figure) do not bump the cache,
/// so that figure may lag by up to <see cref="Lifetime"/> (two seconds more when another instance sharing Redis loaded it).
/// </summary>
public sealed class StatisticsRepository(IDbContextFactory<IescpDbContext> contexts, ReadCache cache, TimeProvider clock)
{
    public const int Weeks = 12;

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public Task<PlatformStatistics> GetAsync(Actor actor)
    {
        actor.Require(Roles.Admin);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return cache.GetVersionedAsync(CacheScopes.Statistics, string.Create(CultureInfo.InvariantCulture, $"platform:{today:yyyy-MM-dd}"),
            Lifetime, LoadAsync);
    }

    private async Task<PlatformStatistics> LoadAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        var now = db.Now;
        var today = DateOnly.FromDateTime(now);
        var activeSince = now.AddDays(-30);

        // Removed accounts keep their rows for the other side's history; they are not counted as users.
        var sponsors = await db.Sponsors.Where(s => s.User!.DeletedAt == null).GroupBy(s => s.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var users = new UserFigures(
            sponsors.GetValueOrDefault(ApprovalStatus.Approved),
            sponsors.GetValueOrDefault(ApprovalStatus.Pending),
            sponsors.GetValueOrDefault(ApprovalStatus.Rejected),
            await db.Influencers.CountAsync() - await db.Users.CountAsync(u => u.DeletedAt != null && db.Influencers.Any(i => i.UserId == u.Id)),
            await db.Users.CountAsync(u => u.LastSeenAt >= activeSince && u.DeletedAt == null),
            await db.Users.CountAsync(u => u.IsFlagged && u.DeletedAt == null),
            await db.Users.CountAsync(u => u.DeletedAt != null));

        var live = db.Campaigns.Where(c => c.DeletedAt == null);
        var campaigns = await live.GroupBy(_ => 1).Select(g => new CampaignFigures(
                g.Count(),
                g.Count(c => c.Visibility == Campaigns.CampaignVisibility.Public),
                g.Count(c => c.Visibility == Campaigns.CampaignVisibility.Private),
                g.Count(c => c.IsFlagged),
                g.Count(c => c.StartDate <= today && c.EndDate >= today)))
            .SingleOrDefaultAsync() ?? new CampaignFigures(0, 0, 0, 0, 0);

        var byStatus = await db.AdRequests.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var money = await db.Campaigns.GroupBy(_ => 1).Select(g => new { Committed = g.Sum(c => c.CommittedCents), Spent = g.Sum(c => c.SpentCents) })
            .SingleOrDefaultAsync();
        var spendByNiche = await db.Campaigns.Where(c => c.SpentCents > 0).GroupBy(c => c.Niche)
            .Select(g => new { Niche = g.Key, Spent = g.Sum(c => c.SpentCents) })
            .OrderByDescending(n => n.Spent)
            .ToListAsync();

        return new PlatformStatistics(
            users,
            campaigns,
            Enum.GetValues<AdRequestStatus>().ToDictionary(s => s, s => byStatus.FirstOrDefault(b => b.Key == s)?.Count ?? 0),
            Money.FromCents(money?.Committed ?? 0),
            Money.FromCents(money?.Spent ?? 0),
            await WeeksAsync(db, today),
            [.. spendByNiche.Select(n => new NicheSpend(n.Niche, Money.FromCents(n.Spent)))]);
    }

    /// <summary>
    /// Sign-ups by role and new requests in each of the last weeks (Monday to Sunday, UTC), oldest
    /// first: one count of a date range per week, each read from its creation-date index alone.
    /// </summary>
    private static async Task<IReadOnlyList<WeekCount>> WeeksAsync(IescpDbContext db, DateOnly today)
    {
        var first = Influencers.ProfileViewWeek.WeekOf(today).AddDays(-7 * (Weeks - 1));
        var weeks = new List<WeekCount>(Weeks);
        for (var week = first; weeks.Count < Weeks; week = week.AddDays(7))
        {
            var (from, to) = (week.ToDateTime(TimeOnly.MinValue), week.AddDays(7).ToDateTime(TimeOnly.MinValue));
            weeks.Add(new WeekCount(week,
                await db.Sponsors.CountAsync(s => s.CreatedAt >= from && s.CreatedAt < to),
                await db.Influencers.CountAsync(i => i.CreatedAt >= from && i.CreatedAt < to),
                await db.AdRequests.CountAsync(r => r.CreatedAt >= from && r.CreatedAt < to)));
        }

        return weeks;
    }
}
