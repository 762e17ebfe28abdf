using IESCP.Data.Caching;
using IESCP.Data.Campaigns;
using IESCP.Data.Database;
using IESCP.Data.Identity;
using IESCP.Data.Live;
using IESCP.Data.Notifications;
using IESCP.Data.Sponsors;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.Admin;

/// <summary>
/// The admin's moderation: every user and campaign, flagging and unflagging them with a reason,
/// removing them, and the audit log every such decision is written to.
/// </summary>
public sealed class ModerationRepository(IDbContextFactory<IescpDbContext> contexts, ILiveEvents events, AccountStates accounts, TimeProvider clock,
    ReadCache cache)
{
    public const string RemovedName = "Removed account";

    private const string UserNotFound = "That account was not found.";

    public async Task<PagedResult<UserRow>> ListUsersAsync(Actor actor, UserListQuery query)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync();
        var users = db.Users.AsQueryable();
        var pattern = Querying.ContainsPattern(query.Text);
        if (pattern is not null)
        {
            users = users.Where(u => EF.Functions.Like(u.DisplayName, pattern, @"\") || EF.Functions.Like(u.Email!, pattern, @"\"));
        }

        if (!string.IsNullOrEmpty(query.Role))
        {
            var roleId = await db.Roles.Where(r => r.Name == query.Role).Select(r => r.Id).FirstOrDefaultAsync();
            users = users.Where(u => db.UserRoles.Where(ur => ur.RoleId == roleId).Select(ur => ur.UserId).Contains(u.Id));
        }

        users = query.Status switch
        {
            AccountStatus.Removed => users.Where(u => u.DeletedAt != null),
            AccountStatus.Flagged => users.Where(u => u.IsFlagged && u.DeletedAt == null),
            AccountStatus.Pending => users.Where(u => !u.IsFlagged && u.DeletedAt == null
                && db.Sponsors.Where(s => s.Status == ApprovalStatus.Pending).Select(s => s.UserId).Contains(u.Id)),
            AccountStatus.Rejected => users.Where(u => !u.IsFlagged && u.DeletedAt == null
                && db.Sponsors.Where(s => s.Status == ApprovalStatus.Rejected).Select(s => s.UserId).Contains(u.Id)),
            AccountStatus.Active => users.Where(u => !u.IsFlagged && u.DeletedAt == null
                && !db.Sponsors.Any(s => s.UserId == u.Id && s.Status != ApprovalStatus.Approved)),
            _ => users,
        };

        // A filter that keeps few users is faster read in full and sorted than by walking the
        // sign-up date index row by row; comparing the date without its index's collation makes
        // SQLite do that (the order is the same: the dates hold no letters).
        var few = pattern is not null || query.Status is not (null or AccountStatus.Active) || query.Role is Roles.Admin or Roles.Sponsor;
        var sorted = query.Sort switch
        {
            UserSort.Name => users.Sort(u => u.DisplayName, query.Descending),
            UserSort.Email => users.Sort(u => u.Email, query.Descending),
            UserSort.LastSeen => users.Sort(u => u.LastSeenAt, query.Descending),
            _ when few => users.Sort(u => EF.Functions.Collate(u.CreatedAt, "NOCASE"), query.Descending),
            _ => users.Sort(u => u.CreatedAt, query.Descending),
        };
        return await sorted.ThenBy(u => u.Id)
            .Select(u => new UserRow(u.Id, u.DisplayName, u.Email ?? "",
                (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).FirstOrDefault() ?? "",
                u.DeletedAt != null ? AccountStatus.Removed
                : u.IsFlagged ? AccountStatus.Flagged
                : db.Sponsors.Any(s => s.UserId == u.Id && s.Status == ApprovalStatus.Pending) ? AccountStatus.Pending
                : db.Sponsors.Any(s => s.UserId == u.Id && s.Status == ApprovalStatus.Rejected) ? AccountStatus.Rejected
                : AccountStatus.Active,
                u.FlagReason, u.CreatedAt, u.LastSeenAt))
            .ToPageAsync(query.Page, query.PageSize);
    }

    public async Task<PagedResult<CampaignRow>> ListCampaignsAsync(Actor actor, CampaignModerationQuery query)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync();
        var today = DateOnly.FromDateTime(db.Now);
        var campaigns = db.Campaigns.Where(c => c.DeletedAt == null);
        if (Querying.ContainsPattern(query.Text) is { } pattern)
        {
            campaigns = campaigns.Where(c => EF.Functions.Like(c.Name, pattern, @"\") || EF.Functions.Like(c.Sponsor!.Name, pattern, @"\"));
        }

        if (query.Visibility is { } visibility)
        {
            campaigns = campaigns.Where(c => c.Visibility == visibility);
        }

        if (query.Flagged is { } flagged)
        {
            campaigns = campaigns.Where(c => c.IsFlagged == flagged);
        }

        campaigns = query.Phase switch
        {
            CampaignPhase.Upcoming => campaigns.Where(c => c.StartDate > today),
            CampaignPhase.Current => campaigns.Where(c => c.StartDate <= today && c.EndDate >= today),
            CampaignPhase.Ended => campaigns.Where(c => c.EndDate < today),
            _ => campaigns,
        };
        var sorted = query.Sort switch
        {
            CampaignModerationSort.Name => campaigns.Sort(c => c.Name, query.Descending),
            CampaignModerationSort.Sponsor => campaigns.Sort(c => c.Sponsor!.Name, query.Descending),
            CampaignModerationSort.Budget => campaigns.Sort(c => c.BudgetCents, query.Descending),
            CampaignModerationSort.End => campaigns.Sort(c => c.EndDate, query.Descending),
            _ => campaigns.Sort(c => c.CreatedAt, query.Descending),
        };
        return await sorted.ThenBy(c => c.Id)
            .Select(c => new CampaignRow(c.Id, c.Name, c.Sponsor!.Name, c.Category, c.Niche, c.Visibility,
                CampaignRepository.PhaseOf(c.StartDate, c.EndDate, today), c.IsFlagged, c.FlagReason,
                CampaignLedger.FromCents(c.BudgetCents, c.CommittedCents, c.SpentCents), c.StartDate, c.EndDate, c.CreatedAt))
            .ToPageAsync(query.Page, query.PageSize);
    }

    /// <summary>Suspends an account: it can no longer sign in or act, its open pages end, and search hides it.</summary>
    public Task<CommandResult> FlagUserAsync(Actor actor, string userId, ReasonInput input) =>
        ChangeUserAsync(actor, userId, input, AuditAction.Flag, async (db, user) =>
        {
            if (user.IsFlagged)
            {
                return CommandResult.Fail("This account is already flagged.");
            }

            await db.Users.Where(u => u.Id == userId).UpdateAsync(db, set => set
                .SetProperty(u => u.IsFlagged, true)
                .SetProperty(u => u.FlagReason, input.Trimmed)
                .SetProperty(u => u.FlaggedAt, db.Now)
                .SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N")));
            db.Notify(userId, NotificationKind.Account, $"An admin suspended your account: {input.Trimmed}", "");
            return CommandResult.Ok;
        }, AccountChange.Flagged);

    public Task<CommandResult> UnflagUserAsync(Actor actor, string userId) =>
        ChangeUserAsync(actor, userId, null, AuditAction.Unflag, async (db, user) =>
        {
            if (!user.IsFlagged)
            {
                return CommandResult.Fail("This account is not flagged.");
            }

            await db.Users.Where(u => u.Id == userId).UpdateAsync(db, set => set
                .SetProperty(u => u.IsFlagged, false)
                .SetProperty(u => u.FlagReason, (string?)null)
                .SetProperty(u => u.FlaggedAt, (DateTime?)null));
            db.Notify(userId, NotificationKind.Account, "An admin lifted the suspension of your account.", "");
            return CommandResult.Ok;
        }, AccountChange.Unflagged);

    /// <summary>
    /// Removes an account for good: its personal data is erased and it can never sign in, while
    /// the other side of its requests keeps a consistent history: open, unpaid requests are
    /// cancelled (their money released) and name the counterpart "Removed account"; a sponsor's
    /// campaigns are deleted as the sponsor would delete them; paid work stays paid.
    /// </summary>
    public Task<CommandResult> DeleteUserAsync(Actor actor, string userId, ReasonInput input) =>
        ChangeUserAsync(actor, userId, input, AuditAction.Delete, async (db, user) =>
        {
            List<CancelledRequest> cancelled = [];
            if (await db.Influencers.AnyAsync(i => i.UserId == userId))
            {
                cancelled = await CampaignClosing.CancelAsync(db, db.AdRequests.Where(r => r.Influencer!.UserId == userId),
                    "The influencer's account was removed.");
                CampaignClosing.NotifyParties(db, cancelled,
                    toSponsor: r => $"{user.Name} left IESCP; the request for “{r.CampaignName}” was cancelled.", toInfluencer: _ => null);
                await db.Influencers.Where(i => i.UserId == userId).UpdateAsync(db, set => set
                    .SetProperty(i => i.Name, RemovedName)
                    .SetProperty(i => i.Bio, "")
                    .SetProperty(i => i.Platforms, ""));
            }

            if (await db.Sponsors.AnyAsync(s => s.UserId == userId))
            {
                cancelled = await CampaignClosing.DeleteAsync(db, db.Campaigns.Where(c => c.Sponsor!.UserId == userId),
                    "The sponsor's account was removed.");
                CampaignClosing.NotifyParties(db, cancelled, toSponsor: _ => null,
                    toInfluencer: r => $"{user.Name} left IESCP; the request for “{r.CampaignName}” was cancelled.");
                await db.Sponsors.Where(s => s.UserId == userId).UpdateAsync(db, set => set.SetProperty(s => s.Name, RemovedName));
            }

            var placeholder = $"removed-{userId}@removed.invalid";
            await db.Users.Where(u => u.Id == userId).UpdateAsync(db, set => set
                .SetProperty(u => u.DisplayName, RemovedName)
                .SetProperty(u => u.UserName, placeholder)
                .SetProperty(u => u.NormalizedUserName, placeholder.ToUpperInvariant())
                .SetProperty(u => u.Email, placeholder)
                .SetProperty(u => u.NormalizedEmail, placeholder.ToUpperInvariant())
                .SetProperty(u => u.PasswordHash, (string?)null)
                .SetProperty(u => u.PhoneNumber, (string?)null)
                .SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N"))
                .SetProperty(u => u.DeletedAt, db.Now));
            await db.Notifications.Where(n => n.UserId == userId).ExecuteDeleteAsync();
            await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync();
            await db.UserLogins.Where(l => l.UserId == userId).ExecuteDeleteAsync();
            return new Change(CommandResult.Ok, cancelled);
        }, AccountChange.Deleted);

    /// <summary>Hides a campaign from search and stops new requests and acceptances on it; its sponsor sees why.</summary>
    public Task<CommandResult> FlagCampaignAsync(Actor actor, int campaignId, ReasonInput input) =>
        ChangeCampaignAsync(actor, campaignId, input, AuditAction.Flag, async (db, campaign) =>
        {
            if (campaign.IsFlagged)
            {
                return CommandResult.Fail("This campaign is already flagged.");
            }

            await db.Campaigns.Where(c => c.Id == campaignId).UpdateAsync(db, set => set
                .SetProperty(c => c.IsFlagged, true).SetProperty(c => c.FlagReason, input.Trimmed));
            db.Notify(campaign.SponsorUserId, NotificationKind.Campaign, $"An admin flagged your campaign “{campaign.Name}”: {input.Trimmed}",
                $"sponsor/campaigns/{campaignId}");
            return CommandResult.Ok;
        });

    public Task<CommandResult> UnflagCampaignAsync(Actor actor, int campaignId) =>
        ChangeCampaignAsync(actor, campaignId, null, AuditAction.Unflag, async (db, campaign) =>
        {
            if (!campaign.IsFlagged)
            {
                return CommandResult.Fail("This campaign is not flagged.");
            }

            await db.Campaigns.Where(c => c.Id == campaignId).UpdateAsync(db, set => set
                .SetProperty(c => c.IsFlagged, false).SetProperty(c => c.FlagReason, (string?)null));
            db.Notify(campaign.SponsorUserId, NotificationKind.Campaign, $"An admin lifted the flag on your campaign “{campaign.Name}”.",
                $"sponsor/campaigns/{campaignId}");
            return CommandResult.Ok;
        });

    /// <summary>Removes a campaign as its sponsor would delete it: open requests cancelled, paid work kept.</summary>
    public Task<CommandResult> DeleteCampaignAsync(Actor actor, int campaignId, ReasonInput input) =>
        ChangeCampaignAsync(actor, campaignId, input, AuditAction.Delete, async (db, campaign) =>
        {
            var cancelled = await CampaignClosing.DeleteAsync(db, db.Campaigns.Where(c => c.Id == campaignId), "An admin removed the campaign.");
            CampaignClosing.NotifyParties(db, cancelled, toSponsor: _ => null,
                toInfluencer: r => $"An admin removed the campaign “{r.CampaignName}”; your request was cancelled.");
            db.Notify(campaign.SponsorUserId, NotificationKind.Campaign, $"An admin removed your campaign “{campaign.Name}”: {input.Trimmed}",
                "sponsor/campaigns");
            return new Change(CommandResult.Ok, cancelled);
        });

    /// <summary>
    /// One decision on an account: the admin checked, the account found (admins are out of
    /// reach), the change and its audit entry in one transaction; then the account's sessions
    /// are re-checked and everyone affected hears of it.
    /// </summary>
    private async Task<CommandResult> ChangeUserAsync(Actor actor, string userId, ReasonInput? input, AuditAction action,
        Func<IescpDbContext, UserTarget, Task<Change>> change, AccountChange liveChange)
    {
        actor.Require(Roles.Admin);
        if (input is not null && CommandResult.Validate(input, clock) is { Succeeded: false } invalid)
        {
            return invalid;
        }

        await using var db = await contexts.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = await db.Users.Where(u => u.Id == userId && u.DeletedAt == null)
            .Select(u => new UserTarget(u.Id, u.DisplayName, u.IsFlagged,
                db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Admin))))
            .FirstOrDefaultAsync();
        if (user is null)
        {
            return CommandResult.Fail(UserNotFound);
        }

        if (user.IsAdmin)
        {
            return CommandResult.Fail("Admin accounts can't be flagged or removed here.");
        }

        var outcome = await change(db, user);
        if (!outcome.Result.Succeeded)
        {
            return outcome.Result;
        }

        await db.AuditAsync(actor, action, AuditTarget.User, userId, user.Name, input?.Trimmed);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await accounts.InvalidateAsync(userId);
        // Search and profiles hide or show the account (triggers keep the rows' IsListed), its campaigns, and the numbers.
        await cache.BumpAsync(CacheScopes.Influencers, CacheScopes.Campaigns, CacheScopes.Statistics);
        events.Publish(new AccountChanged(userId, liveChange));
        CampaignClosing.Publish(events, outcome.Cancelled, alsoTold: []);
        events.PublishNotified(db);
        return CommandResult.Ok;
    }

    /// <summary>One decision on a campaign, written with its audit entry; its sponsor and the parties of its requests hear of it.</summary>
    private async Task<CommandResult> ChangeCampaignAsync(Actor actor, int campaignId, ReasonInput? input, AuditAction action,
        Func<IescpDbContext, CampaignTarget, Task<Change>> change)
    {
        actor.Require(Roles.Admin);
        if (input is not null && CommandResult.Validate(input, clock) is { Succeeded: false } invalid)
        {
            return invalid;
        }

        await using var db = await contexts.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var campaign = await db.Campaigns.Where(c => c.Id == campaignId && c.DeletedAt == null)
            .Select(c => new CampaignTarget(c.Id, c.Name, c.IsFlagged, c.Sponsor!.UserId))
            .FirstOrDefaultAsync();
        if (campaign is null)
        {
            return CampaignRepository.NotFound;
        }

        var outcome = await change(db, campaign);
        if (!outcome.Result.Succeeded)
        {
            return outcome.Result;
        }

        await db.AuditAsync(actor, action, AuditTarget.Campaign, campaignId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            campaign.Name, input?.Trimmed);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await cache.BumpAsync(CacheScopes.Campaigns, CacheScopes.Statistics);
        CampaignClosing.Publish(events, outcome.Cancelled, alsoTold: [(campaign.SponsorUserId, campaignId)]);
        events.PublishNotified(db);
        return CommandResult.Ok;
    }

    private sealed record UserTarget(string Id, string Name, bool IsFlagged, bool IsAdmin);

    private sealed record CampaignTarget(int Id, string Name, bool IsFlagged, string SponsorUserId);

    /// <summary>What a decision did: its result, and the requests it cancelled on the way.</summary>
    private sealed record Change(CommandResult Result, IReadOnlyList<CancelledRequest> Cancelled)
    {
        public static implicit operator Change(CommandResult result) => new(result, []);
    }

    public async Task<PagedResult<AuditRow>> ListAuditAsync(Actor actor, AuditQuery query)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync();
        var entries = db.AuditEntries.AsQueryable();
        if (query.Action is { } action)
        {
            entries = entries.Where(a => a.Action == action);
        }

        if (query.Target is { } target)
        {
            entries = entries.Where(a => a.Target == target);
        }

        if (query.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue);
            entries = entries.Where(a => a.At >= start);
        }

        if (query.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue);
            entries = entries.Where(a => a.At < end);
        }

        if (Querying.ContainsPattern(query.Text) is { } pattern)
        {
            entries = entries.Where(a => EF.Functions.Like(a.TargetName, pattern, @"\") || EF.Functions.Like(a.ActorName, pattern, @"\")
                || EF.Functions.Like(a.Reason!, pattern, @"\"));
        }

        return await entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new AuditRow(a.Id, a.At, a.ActorName, a.Action, a.Target, a.TargetId, a.TargetName, a.Reason))
            .ToPageAsync(query.Page, query.PageSize);
    }
}
