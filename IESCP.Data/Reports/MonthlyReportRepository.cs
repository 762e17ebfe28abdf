using System.Text.Json;
using IESCP.Data.Identity;
using IESCP.Data.Live;
using IESCP.Data.Notifications;
using IESCP.Data.Outbox;
using IESCP.Data.Sponsors;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.Reports;

/// <summary>
/// Monthly activity reports. The scheduler (no acting user) lists who is due one, builds their
/// figures and saves each report with its email in one transaction; a user reads only their own.
/// Every approved sponsor gets one; an influencer gets one for a month in which something happened.
/// </summary>
public sealed class MonthlyReportRepository(IDbContextFactory<IescpDbContext> contexts, ILiveEvents events, OutboxSignal signal)
{
    /// <summary>The next users in id order after <paramref name="afterUserId"/> still without a report for the month (of one audience, if asked).</summary>
    public async Task<IReadOnlyList<DueReport>> ListDueAsync(ReportMonth month, string afterUserId, int max, CancellationToken cancellationToken = default,
        ReportAudience? only = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var (start, end, first) = (month.Start, month.End, month.First);
        return await db.Users
            .Where(u => string.Compare(u.Id, afterUserId) > 0 && !u.IsFlagged && u.DeletedAt == null && u.Email != null && u.CreatedAt < end
                && !db.MonthlyReports.Any(r => r.UserId == u.Id && r.Month == first))
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email,
                Sponsor = db.Sponsors.Any(s => s.UserId == u.Id && s.Status == ApprovalStatus.Approved),
                Influencer = db.Influencers.Any(i => i.UserId == u.Id && db.AdRequests.Any(r => r.InfluencerId == i.Id && r.UpdatedAt >= start && r.CreatedAt < end
                    && ((r.CreatedAt >= start) || (r.AcceptedAt >= start && r.AcceptedAt < end) || (r.PaidAt >= start && r.PaidAt < end)
                        || (r.CompletedAt >= start && r.CompletedAt < end))))
                    || db.Reviews.Any(v => v.RevieweeUserId == u.Id && v.CreatedAt >= start && v.CreatedAt < end && db.Influencers.Any(i => i.UserId == u.Id)),
            })
            .Where(u => only == ReportAudience.Sponsor ? u.Sponsor : only == ReportAudience.Influencer ? u.Influencer && !u.Sponsor : u.Sponsor || u.Influencer)
            .OrderBy(u => u.Id)
            .Take(max)
            .Select(u => new DueReport(u.Id, u.DisplayName, u.Email!, u.Sponsor ? ReportAudience.Sponsor : ReportAudience.Influencer))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The figures of each user's report; sponsors' and influencers' are built in grouped queries per batch.</summary>
    public async Task<IReadOnlyDictionary<string, object>> BuildAsync(IReadOnlyList<DueReport> due, ReportMonth month, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sponsors = await SponsorFigures.BuildAsync(db, [.. due.Where(d => d.Audience == ReportAudience.Sponsor)], month, cancellationToken);
        var influencers = await InfluencerFigures.BuildAsync(db, [.. due.Where(d => d.Audience == ReportAudience.Influencer)], month, cancellationToken);
        return sponsors.ToDictionary(s => s.Key, s => (object)s.Value).Concat(influencers.Select(i => KeyValuePair.Create(i.Key, (object)i.Value)))
            .ToDictionary();
    }

    /// <summary>
    /// Saves the reports, each with its email and an in-app notification, in one transaction;
    /// a user who already has the month's report is left out. Returns how many were saved.
    /// </summary>
    public async Task<int> SaveAsync(ReportMonth month, IReadOnlyList<(DueReport User, object Report, OutgoingEmail Email)> batch,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ids = batch.Select(b => b.User.UserId).ToList();
        var done = (await db.MonthlyReports.Where(r => r.Month == month.First && ids.Contains(r.UserId)).Select(r => r.UserId).ToListAsync(cancellationToken)).ToHashSet();
        var saved = batch.Where(b => done.Add(b.User.UserId))
            .Select(b => (b.User, b.Email, Row: new MonthlyReport
            {
                UserId = b.User.UserId, Audience = b.User.Audience, Month = month.First, Data = JsonSerializer.Serialize(b.Report, b.Report.GetType()), CreatedAt = db.Now,
            }))
            .ToList();
        db.MonthlyReports.AddRange(saved.Select(s => s.Row));
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (user, email, row) in saved)
        {
            db.Notify(user.UserId, NotificationKind.Report, $"Your activity report for {month.Name} is ready.", LinkOf(user.Audience, row.Id));
            db.Enqueue(email);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        events.PublishNotified(db);
        signal.WakeIfQueued(db);
        return saved.Count;
    }

    /// <summary>The actor's own reports, newest month first.</summary>
    public async Task<IReadOnlyList<ReportSummary>> ListOwnAsync(Actor actor)
    {
        var audience = AudienceOf(actor);
        await using var db = await contexts.CreateDbContextAsync();
        return await db.MonthlyReports.Where(r => r.UserId == actor.UserId && r.Audience == audience).OrderByDescending(r => r.Month)
            .Select(r => new ReportSummary(r.Id, r.Month, r.Audience, r.CreatedAt))
            .ToListAsync();
    }

    /// <summary>One of the actor's own reports; null for anyone else's.</summary>
    public async Task<ReportDocument?> GetOwnAsync(Actor actor, int reportId)
    {
        var audience = AudienceOf(actor);
        await using var db = await contexts.CreateDbContextAsync();
        var row = await db.MonthlyReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId && r.UserId == actor.UserId && r.Audience == audience);
        return row is null ? null : new ReportDocument(row.Id, row.Month,
            audience == ReportAudience.Sponsor ? JsonSerializer.Deserialize<SponsorReport>(row.Data) : null,
            audience == ReportAudience.Influencer ? JsonSerializer.Deserialize<InfluencerReport>(row.Data) : null);
    }

    /// <summary>The app path of a report's page.</summary>
    public static string LinkOf(ReportAudience audience, int reportId) =>
        $"{(audience == ReportAudience.Sponsor ? "sponsor" : "influencer")}/reports/{reportId}";

    /// <summary>The outbox key of a user's report email for a month.</summary>
    public static string Key(string userId, ReportMonth month) => $"report:{userId}:{month.First:yyyy-MM}";

    private static ReportAudience AudienceOf(Actor actor) => actor.Role switch
    {
        Roles.Sponsor => ReportAudience.Sponsor,
        Roles.Influencer => ReportAudience.Influencer,
        _ => throw new ForbiddenException("Reports are for sponsors and influencers."),
    };
}
