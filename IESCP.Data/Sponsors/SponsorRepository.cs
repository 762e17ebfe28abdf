using System.Globalization;
using IESCP.Data.Admin;
using IESCP.Data.Caching;
using IESCP.Data.Database;
using IESCP.Data.Identity;
using IESCP.Data.Live;
using IESCP.Data.Notifications;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.Sponsors;

public sealed record SponsorProfile(int Id, string Name, SponsorKind Kind, string Industry, decimal Budget, ApprovalStatus Status, string Email, string? DecisionReason);

/// <summary>A sponsor's money across its campaigns, as its dashboard shows it.</summary>
public sealed record SponsorFigures(int LiveCampaigns, int RunningCampaigns, decimal Budget, decimal Committed, decimal Spent);

public sealed record PendingSponsor(int Id, string Name, SponsorKind Kind, string Industry, decimal Budget, string Email, DateTime RegisteredAt);

public sealed class SponsorRepository(IDbContextFactory<IescpDbContext> contexts, ReadCache cache, ILiveEvents events)
{
    private static string StatusKey(string userId) => $"sponsor-status:{userId}";

    /// <summary>Read on every sponsor page request (the approval gate), hence cached.</summary>
    public Task<ApprovalStatus?> GetStatusAsync(string userId) =>
        cache.GetOrCreateAsync(StatusKey(userId), TimeSpan.FromMinutes(2), async () =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            return await db.Sponsors.Where(s => s.UserId == userId)
                .Select(s => (ApprovalStatus?)s.Status)
                .FirstOrDefaultAsync();
        });

    public async Task<SponsorProfile?> GetOwnProfileAsync(Actor actor)
    {
        actor.Require(Roles.Sponsor);
        await using var db = await contexts.CreateDbContextAsync();
        var row = await db.Sponsors.Where(s => s.UserId == actor.UserId)
            .Select(s => new { s.Id, s.Name, s.Kind, s.Industry, s.BudgetCents, s.Status, s.User!.Email, s.DecisionReason })
            .FirstOrDefaultAsync();
        return row is null
            ? null
            : new SponsorProfile(row.Id, row.Name, row.Kind, row.Industry, Money.FromCents(row.BudgetCents), row.Status, row.Email ?? "",
                row.DecisionReason);
    }

    /// <summary>The sponsor's campaigns in numbers: how many, and their budgets, commitments and spending together.</summary>
    public async Task<SponsorFigures> GetFiguresAsync(Actor actor)
    {
        actor.Require(Roles.Sponsor);
        await using var db = await contexts.CreateDbContextAsync();
        var today = DateOnly.FromDateTime(db.Now);
        var figures = await db.Campaigns.Where(c => c.Sponsor!.UserId == actor.UserId && c.DeletedAt == null).GroupBy(_ => 1)
            .Select(g => new
            {
                Live = g.Count(),
                Running = g.Count(c => c.StartDate <= today && c.EndDate >= today),
                Budget = g.Sum(c => c.BudgetCents),
                Committed = g.Sum(c => c.CommittedCents),
                Spent = g.Sum(c => c.SpentCents),
            })
            .SingleOrDefaultAsync();
        return figures is null
            ? new SponsorFigures(0, 0, 0, 0, 0)
            : new SponsorFigures(figures.Live, figures.Running, Money.FromCents(figures.Budget), Money.FromCents(figures.Committed),
                Money.FromCents(figures.Spent));
    }

    public async Task<int> CountPendingAsync(Actor actor)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync();
        return await db.Sponsors.CountAsync(s => s.Status == ApprovalStatus.Pending && s.User!.DeletedAt == null);
    }

    public async Task<IReadOnlyList<PendingSponsor>> ListPendingAsync(Actor actor)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync();
        var rows = await db.Sponsors.Where(s => s.Status == ApprovalStatus.Pending && s.User!.DeletedAt == null)
            .OrderBy(s => s.CreatedAt)
            .Select(s => new { s.Id, s.Name, s.Kind, s.Industry, s.BudgetCents, s.User!.Email, s.CreatedAt })
            .ToListAsync();
        return [.. rows.Select(r => new PendingSponsor(r.Id, r.Name, r.Kind, r.Industry, Money.FromCents(r.BudgetCents), r.Email ?? "", r.CreatedAt))];
    }

    /// <summary>
    /// An admin approves or rejects a pending sponsor (a rejection says why; the sponsor sees it);
    /// the sponsor's open pages hear of it. Only a pending sponsor can be decided, so of two
    /// admins deciding at once the second is refused.
    /// </summary>
    public async Task<CommandResult> DecideAsync(Actor actor, int sponsorId, ApprovalStatus decision, string? reason = null)
    {
        actor.Require(Roles.Admin);
        if (decision is not (ApprovalStatus.Approved or ApprovalStatus.Rejected))
        {
            return CommandResult.Fail("Decision", "A decision is either to approve or to reject.");
        }

        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (decision == ApprovalStatus.Rejected && why is null)
        {
            return CommandResult.Fail("Reason", "Say why; the sponsor will see it.");
        }

        if (why?.Length > 500)
        {
            return CommandResult.Fail("Reason", "Keep the reason under 500 characters.");
        }

        if (!PlainText.IsClean(why))
        {
            return CommandResult.Fail("Reason", PlainText.Refusal);
        }

        await using var db = await contexts.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var sponsor = await db.Sponsors.Where(s => s.Id == sponsorId).Select(s => new { s.UserId, s.Name }).FirstOrDefaultAsync();
        if (sponsor is null)
        {
            return CommandResult.Fail("That sponsor no longer exists.");
        }

        if (await db.Sponsors.Where(s => s.Id == sponsorId && s.Status == ApprovalStatus.Pending)
                .UpdateAsync(db, set => set.SetProperty(s => s.Status, decision).SetProperty(s => s.DecidedAt, db.Now).SetProperty(s => s.DecisionReason, why)) == 0)
        {
            return CommandResult.Fail("Another admin has already decided on this sponsor.");
        }

        var approved = decision == ApprovalStatus.Approved;
        await db.AuditAsync(actor, approved ? AuditAction.Approve : AuditAction.Reject, AuditTarget.Sponsor,
            sponsorId.ToString(CultureInfo.InvariantCulture), sponsor.Name, why);
        db.Notify(sponsor.UserId, NotificationKind.Account,
            approved ? "Welcome aboard: an admin approved your sponsor account." : $"An admin did not approve your sponsor account: {why}",
            approved ? "sponsor" : "sponsor/pending");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await cache.InvalidateAsync(StatusKey(sponsor.UserId));
        await cache.BumpAsync(CacheScopes.Campaigns, CacheScopes.Statistics);
        events.Publish(new SponsorDecided(sponsorId, sponsor.UserId, decision));
        events.PublishNotified(db);
        return CommandResult.Ok;
    }
}
