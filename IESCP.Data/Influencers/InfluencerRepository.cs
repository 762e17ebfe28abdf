using System.Globalization;
using IESCP.Data.AdRequests;
using IESCP.Data.Caching;
using IESCP.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.Influencers;

public sealed record InfluencerProfile(int Id, string Name, string Category, string Niche, long Followers, string Platforms, string Bio);

public sealed record ReviewSummary(int Rating, string Text, string ReviewerName, DateTime CreatedAt);

public sealed record PublicInfluencerProfile(
    int Id,
    string Name,
    string Category,
    string Niche,
    long Followers,
    string Platforms,
    string Bio,
    double? AverageRating,
    int RatingCount,
    int RequestsReceived,
    int RequestsAccepted,
    int RequestsCompleted,
    IReadOnlyList<ReviewSummary> LatestReviews);

public sealed record WeeklyViews(DateOnly WeekStart, int Views);

public sealed class InfluencerRepository(IDbContextFactory<IescpDbContext> contexts, TimeProvider clock, ReadCache cache)
{
    public const int LatestReviewCount = 5;

    private static readonly TimeSpan ProfileLifetime = TimeSpan.FromMinutes(10);

    public async Task<InfluencerProfile?> GetOwnProfileAsync(Actor actor)
    {
        actor.Require(Roles.Influencer);
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Influencers.Where(i => i.UserId == actor.UserId)
            .Select(i => new InfluencerProfile(i.Id, i.Name, i.Category, i.Niche, i.Followers, i.Platforms, i.Bio))
            .FirstOrDefaultAsync();
    }

    public async Task<CommandResult> UpdateOwnProfileAsync(Actor actor, ProfileInput input)
    {
        actor.Require(Roles.Influencer);
        if (CommandResult.Validate(input, clock) is { Succeeded: false } invalid)
        {
            return invalid;
        }

        await using var db = await contexts.CreateDbContextAsync();
        var influencer = await db.Influencers.Include(i => i.User).FirstOrDefaultAsync(i => i.UserId == actor.UserId);
        if (influencer is null)
        {
            return CommandResult.Fail("Your influencer profile no longer exists.");
        }

        influencer.Name = input.Name.Trim();
        influencer.Category = input.Category;
        influencer.Niche = input.Niche;
        influencer.Followers = input.Followers;
        influencer.Platforms = input.Platforms.Trim();
        influencer.Bio = input.Bio.Trim();
        // The account's display name is the name others see on reviews and messages.
        influencer.User!.DisplayName = influencer.Name;
        await db.SaveChangesAsync();
        await cache.BumpAsync(CacheScopes.Influencers);
        return CommandResult.Ok;
    }

    /// <summary>
    /// Any signed-in user may read a profile; a flagged influencer is hidden from all but admins.
    /// A sponsor's visit counts towards the influencer's weekly profile views.
    /// </summary>
    public async Task<PublicInfluencerProfile?> GetPublicProfileAsync(Actor actor, int influencerId)
    {
        // The same for every viewer of a role group (admins also see flagged profiles), so cached by that; the view is counted every time.
        var profile = await cache.GetVersionedAsync(CacheScopes.Influencers,
            string.Create(CultureInfo.InvariantCulture, $"profile:{influencerId}:{(actor.IsAdmin ? "admin" : "member")}"), ProfileLifetime,
            () => LoadPublicProfileAsync(actor.IsAdmin, influencerId));
        if (profile is not null && actor.IsSponsor)
        {
            await using var db = await contexts.CreateDbContextAsync();
            await RecordViewAsync(db, profile.Id);
        }

        return profile;
    }

    private async Task<PublicInfluencerProfile?> LoadPublicProfileAsync(bool asAdmin, int influencerId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var row = await db.Influencers.Where(i => i.Id == influencerId && (asAdmin || !i.User!.IsFlagged))
            .Select(i => new
            {
                i.Id, i.UserId, i.Name, i.Category, i.Niche, i.Followers, i.Platforms, i.Bio,
                i.RatingSum, i.RatingCount, i.RequestsReceived, i.RequestsAccepted, i.RequestsCompleted,
            })
            .FirstOrDefaultAsync();
        if (row is null)
        {
            return null;
        }

        var reviews = await (
                from review in db.Reviews
                join reviewer in db.Users on review.ReviewerUserId equals reviewer.Id
                where review.RevieweeUserId == row.UserId && review.By == Party.Sponsor
                orderby review.CreatedAt descending
                select new ReviewSummary(review.Rating, review.Text, reviewer.DisplayName, review.CreatedAt))
            .Take(LatestReviewCount)
            .ToListAsync();

        return new PublicInfluencerProfile(row.Id, row.Name, row.Category, row.Niche, row.Followers, row.Platforms, row.Bio,
            row.RatingCount == 0 ? null : (double)row.RatingSum / row.RatingCount, row.RatingCount,
            row.RequestsReceived, row.RequestsAccepted, row.RequestsCompleted, reviews);
    }

    /// <summary>The last weeks' profile views, oldest first, with a zero for each week nobody looked.</summary>
    public async Task<IReadOnlyList<WeeklyViews>> GetOwnProfileViewsAsync(Actor actor, int weeks = 12)
    {
        actor.Require(Roles.Influencer);
        weeks = Math.Clamp(weeks, 1, 104);
        var first = ProfileViewWeek.WeekOf(Today()).AddDays(-7 * (weeks - 1));
        await using var db = await contexts.CreateDbContextAsync();
        var mine = db.Influencers.Where(i => i.UserId == actor.UserId).Select(i => i.Id);
        var counted = await db.ProfileViewWeeks.Where(v => mine.Contains(v.InfluencerId) && v.WeekStart >= first)
            .ToDictionaryAsync(v => v.WeekStart, v => v.Views);
        return [.. Enumerable.Range(0, weeks).Select(w => first.AddDays(7 * w))
            .Select(week => new WeeklyViews(week, counted.GetValueOrDefault(week)))];
    }

    /// <summary>One statement, so concurrent views of the same profile never lose a count.</summary>
    private Task RecordViewAsync(IescpDbContext db, int influencerId)
    {
        var week = ProfileViewWeek.WeekOf(Today());
        return db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "ProfileViewWeeks" ("InfluencerId", "WeekStart", "Views") VALUES ({influencerId}, {week}, 1)
            ON CONFLICT ("InfluencerId", "WeekStart") DO UPDATE SET "Views" = "Views" + 1
            """);
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
