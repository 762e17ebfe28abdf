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

/// <summary>An influencer's work in numbers, as its dashboard shows it.</summary>
public sealed record InfluencerFigures(decimal Paid, decimal Agreed, int Completed, double? AverageRating, int RatingCount);

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

    /// <summary>What the influencer has been paid, what is agreed but not paid yet, finished work and its rating.</summary>
    public async Task<InfluencerFigures> GetFiguresAsync(Actor actor)
    {
        actor.Require(Roles.Influencer);
        await using var db = await contexts.CreateDbContextAsync();
        var mine = db.AdRequests.Where(r => r.Influencer!.UserId == actor.UserId);
        var paid = await mine.Where(r => r.Status == AdRequestStatus.Paid || r.Status == AdRequestStatus.Completed).SumAsync(r => r.PaymentCents);
        var agreed = await mine.Where(r => r.Status == AdRequestStatus.Accepted).SumAsync(r => r.PaymentCents);
        var counts = await db.Influencers.Where(i => i.UserId == actor.UserId)
            .Select(i => new { i.RequestsCompleted, i.RatingSum, i.RatingCount })
            .FirstOrDefaultAsync();
        return new InfluencerFigures(Money.FromCents(paid), Money.FromCents(agreed), counts?.RequestsCompleted ?? 0,
            counts is { RatingCount: > 0 } ? (double)counts.RatingSum / counts.RatingCount : null, counts?.RatingCount ?? 0);
    }

    public async Task<CommandResult> UpdateOwnProfileAsync(Actor actor, ProfileInput input)
    {
        actor.Require(Roles.Influencer);
        if (CommandResult.Validate(input, clock) is { Succeeded: false } invalid)
        {
            return invalid;
        }

        await using var db = await contexts.CreateDbContextAsync();
        if (await db.RefusalForAsync(actor) is { } barred)
        {
            return CommandResult.Fail(barred);
        }

        var influencer = await db.Influencers.Include(i => i.User).FirstOrDefaultAsync(i => i.UserId == actor.UserId);
        if (influencer is null)
        {
            return CommandResult.Fail("Your influencer profile no longer exists.");
        }

        influencer.Name = input.Name.Trim();
        influencer.Category = input.Category;
        influencer.Niche = input.Niche;
        influencer.Followers = input.Followers;
        influencer.Platforms = input.Platforms?.Trim() ?? "";
        influencer.Bio = input.Bio?.Trim() ?? "";
        // The account's display name is the name others see on reviews and messages.
        influencer.User!.DisplayName = influencer.Name;
        await db.SaveChangesAsync();
        await cache.BumpAsync(CacheScopes.Influencers);
        return CommandResult.Ok;
    }

    /// <summary>
    /// Admins, influencers and approved sponsors in good standing read profiles (a pending or
    /// flagged sponsor finds none); a flagged influencer is hidden from all but admins, a removed
    /// one from everyone. A sponsor's first visit of the day counts towards the weekly views.
    /// </summary>
    public async Task<PublicInfluencerProfile?> GetPublicProfileAsync(Actor actor, int influencerId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        if (actor.IsSponsor && await db.RefusalForAsync(actor) is not null)
        {
            return null;
        }

        // The same for every viewer of a role group (admins also see flagged profiles), so cached by that; views are counted apart.
        var profile = await cache.GetVersionedAsync(CacheScopes.Influencers,
            string.Create(CultureInfo.InvariantCulture, $"profile:{influencerId}:{(actor.IsAdmin ? "admin" : "member")}"), ProfileLifetime,
            () => LoadPublicProfileAsync(actor.IsAdmin, influencerId));
        if (profile is not null && actor.IsSponsor)
        {
            await RecordViewAsync(db, profile.Id, actor.UserId);
        }

        return profile;
    }

    private async Task<PublicInfluencerProfile?> LoadPublicProfileAsync(bool asAdmin, int influencerId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var row = await db.Influencers.Where(i => i.Id == influencerId && i.User!.DeletedAt == null && (asAdmin || !i.User.IsFlagged))
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

    /// <summary>
    /// Counts a sponsor's view once a day: the day's view is recorded first, and only a view not
    /// yet recorded today adds one to the week (each an upsert, so concurrent views lose nothing).
    /// Yesterday's records are all a day's check needs; older ones are dropped as it goes.
    /// </summary>
    private async Task RecordViewAsync(IescpDbContext db, int influencerId, string viewerUserId)
    {
        var today = Today();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var first = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "ProfileViewDays" ("InfluencerId", "ViewerUserId", "Day") VALUES ({influencerId}, {viewerUserId}, {today})
            ON CONFLICT DO NOTHING
            """);
        if (first == 1)
        {
            var week = ProfileViewWeek.WeekOf(today);
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "ProfileViewWeeks" ("InfluencerId", "WeekStart", "Views") VALUES ({influencerId}, {week}, 1)
                ON CONFLICT ("InfluencerId", "WeekStart") DO UPDATE SET "Views" = "Views" + 1
                """);
            var yesterday = today.AddDays(-1);
            await db.Database.ExecuteSqlInterpolatedAsync($"""DELETE FROM "ProfileViewDays" WHERE "Day" < {yesterday}""");
        }

        await transaction.CommitAsync();
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
