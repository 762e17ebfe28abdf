using IESCP.Data.Database;
using IESCP.Data.Identity;
using IESCP.Data.Live;
using IESCP.Data.Notifications;
using IESCP.Data.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IESCP.Data.Exports;

/// <summary>
/// CSV exports: a sponsor's campaigns, or for the admin every campaign or user. Users start one
/// and download it (only their own); the scheduler writes it in steps, reporting progress live,
/// then tells the owner in-app and by email in the transaction that marks it done.
/// </summary>
public sealed class ExportRepository(
    IDbContextFactory<IescpDbContext> contexts, ILiveEvents events, OutboxSignal signal, ExportFiles files, IOptions<ExportOptions> options)
{
    public const string AlreadyRunning = "This export is already being made; it shows below when it is ready.";

    public const string Link = "exports";

    /// <summary>Marks the read of each step's rows, in the SQL log (and for tests that hold an export mid-way).</summary>
    internal const string StepTag = "export: rows of one step";

    /// <summary>Queues a new export for the actor; returns its id. One of each kind at a time per user.</summary>
    public async Task<CommandResult<Guid>> StartAsync(Actor actor, ExportKind kind)
    {
        if (!Enum.IsDefined(kind))
        {
            return CommandResult<Guid>.Failure(CommandResult.Fail("Kind", "Choose what to export: your campaigns, every campaign or every user."));
        }

        actor.Require(kind == ExportKind.MyCampaigns ? Roles.Sponsor : Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await db.RefusalForAsync(actor) is { } refusal)
        {
            return CommandResult<Guid>.Failure(CommandResult.Fail(refusal));
        }

        if (await db.Exports.AnyAsync(e => e.OwnerUserId == actor.UserId && e.Kind == kind && (e.Status == ExportStatus.Queued || e.Status == ExportStatus.Running)))
        {
            return CommandResult<Guid>.Failure(CommandResult.Fail(AlreadyRunning));
        }

        var name = kind == ExportKind.AllUsers ? "users" : "campaigns";
        var export = new Export
        {
            Id = Guid.NewGuid(),
            OwnerUserId = actor.UserId,
            Kind = kind,
            Status = ExportStatus.Queued,
            FileName = $"iescp-{name}-{db.Now:yyyy-MM-dd-HHmm}.csv",
            CreatedAt = db.Now,
        };
        db.Exports.Add(export);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        events.Publish(new ExportChanged(export.Id, actor.UserId));
        return CommandResult<Guid>.Success(export.Id);
    }

    /// <summary>The actor's latest exports that can still be downloaded or are being made, newest first.</summary>
    public async Task<IReadOnlyList<ExportView>> ListOwnAsync(Actor actor, int max = 10)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var now = db.Now;
        return await db.Exports.Where(e => e.OwnerUserId == actor.UserId && (e.ExpiresAt == null || e.ExpiresAt > now))
            .OrderByDescending(e => e.CreatedAt).ThenBy(e => e.Id).Take(max)
            .Select(e => new ExportView(e.Id, e.Kind, e.Status, e.RowsDone, e.RowsTotal, e.FileName, e.Error, e.CreatedAt, e.FinishedAt, e.ExpiresAt))
            .ToListAsync();
    }

    /// <summary>The file of the actor's own finished, unexpired export; null for anyone else's or any other.</summary>
    public async Task<ExportFile?> GetFileAsync(Actor actor, Guid exportId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var now = db.Now;
        var name = await db.Exports.Where(e => e.Id == exportId && e.OwnerUserId == actor.UserId && e.Status == ExportStatus.Done && e.ExpiresAt > now)
            .Select(e => e.FileName).FirstOrDefaultAsync();
        var path = files.PathOf(exportId);
        return name is null || !File.Exists(path) ? null : new ExportFile(path, name);
    }

    /// <summary>
    /// Writes the export's file (scheduler only), in steps of <see cref="ExportOptions.ChunkSize"/>
    /// rows with progress after each. Returns what to tell its owner, or null when there is
    /// nothing to do (another run has it, it is done, or gone). A run cut short by a stop starts
    /// over at the next start (<see cref="RequeueUnfinishedAsync"/>).
    /// </summary>
    public async Task<ExportResult?> WriteAsync(Guid exportId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Claimed by one run only: a second firing for the same export finds it running and leaves it.
        var now = db.Now;
        if (await db.Exports.Where(e => e.Id == exportId && e.Status == ExportStatus.Queued)
                .UpdateAsync(db, set => set.SetProperty(e => e.Status, ExportStatus.Running).SetProperty(e => e.StartedAt, now), cancellationToken) == 0)
        {
            return null;
        }

        var export = await db.Exports.AsNoTracking().Where(e => e.Id == exportId)
            .Join(db.Users, e => e.OwnerUserId, u => u.Id, (e, u) => new { e.Kind, e.FileName, u.Id, u.DisplayName, u.Email })
            .SingleAsync(cancellationToken);
        IExportTable table = export.Kind switch
        {
            ExportKind.MyCampaigns => new CampaignCsv(await db.Sponsors.Where(s => s.UserId == export.Id).Select(s => s.Id).SingleAsync(cancellationToken)),
            ExportKind.AllCampaigns => new CampaignCsv(null),
            _ => new UserCsv(),
        };
        var total = await table.CountAsync(db, cancellationToken);
        await ProgressAsync(db, exportId, export.Id, 0, set => set.SetProperty(e => e.RowsTotal, total));

        Directory.CreateDirectory(files.Folder);
        var partial = files.PartialPathOf(exportId);
        var rows = 0;
        await using (var csv = CsvFormat.Writer(new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 4096, useAsync: true)))
        {
            table.WriteHeader(csv);
            string? cursor = null;
            while (true)
            {
                var (written, next) = await table.WriteNextAsync(db, csv, cursor, Math.Max(1, options.Value.ChunkSize), cancellationToken);
                if (written == 0)
                {
                    break;
                }

                (rows, cursor) = (rows + written, next);
                await csv.FlushAsync(cancellationToken);
                db.ChangeTracker.Clear();
                await ProgressAsync(db, exportId, export.Id, rows, set => set.SetProperty(e => e.RowsTotal, e => Math.Max(e.RowsTotal, rows)));
            }
        }

        File.Move(partial, files.PathOf(exportId), overwrite: true);
        return new ExportResult(exportId, export.Id, export.DisplayName, export.Email ?? "", export.Kind, rows, export.FileName, db.Now + options.Value.KeepFor);
    }

    /// <summary>Marks the export done and tells its owner in-app and by <paramref name="email"/>, in one transaction.</summary>
    public async Task CompleteAsync(ExportResult result, OutgoingEmail email)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var now = db.Now;
        if (await db.Exports.Where(e => e.Id == result.Id && e.Status == ExportStatus.Running).UpdateAsync(db, set => set
                .SetProperty(e => e.Status, ExportStatus.Done).SetProperty(e => e.RowsDone, result.Rows)
                .SetProperty(e => e.FinishedAt, now).SetProperty(e => e.ExpiresAt, result.ExpiresAt)) == 0)
        {
            return;
        }

        db.Notify(result.OwnerUserId, NotificationKind.Export, $"Your export of {result.Kind.Describe()} is ready: {result.Rows:N0} rows.", Link);
        db.Enqueue(email);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        events.Publish(new ExportChanged(result.Id, result.OwnerUserId));
        events.PublishNotified(db);
        signal.WakeIfQueued(db);
    }

    /// <summary>Records that the export could not be made; its owner is told and may start another.</summary>
    public async Task FailAsync(Guid exportId, string error)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var export = await db.Exports.FirstOrDefaultAsync(e => e.Id == exportId);
        if (export is null)
        {
            return;
        }

        export.Status = ExportStatus.Failed;
        export.Error = error.Length > 1000 ? error[..999] + "…" : error;
        export.FinishedAt = db.Now;
        export.ExpiresAt = db.Now + options.Value.KeepFor;
        db.Notify(export.OwnerUserId, NotificationKind.Export, $"Your export of {export.Kind.Describe()} failed. Try again, or ask an admin.", Link);
        await db.SaveChangesAsync();
        events.Publish(new ExportChanged(export.Id, export.OwnerUserId));
        events.PublishNotified(db);
        File.Delete(files.PartialPathOf(exportId));
    }

    /// <summary>At start: exports still queued, or cut short by a stop (queued again), to make now.</summary>
    public async Task<IReadOnlyList<Guid>> RequeueUnfinishedAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        await db.Exports.Where(e => e.Status == ExportStatus.Running).UpdateAsync(db, set => set.SetProperty(e => e.Status, ExportStatus.Queued));
        return await db.Exports.Where(e => e.Status == ExportStatus.Queued).Select(e => e.Id).ToListAsync();
    }

    /// <summary>Deletes the files and rows of exports past their time; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = db.Now;
        var expired = await db.Exports.Where(e => e.ExpiresAt < now).Select(e => e.Id).ToListAsync(cancellationToken);
        foreach (var id in expired)
        {
            File.Delete(files.PathOf(id));
            File.Delete(files.PartialPathOf(id));
        }

        return await db.Exports.Where(e => expired.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task ProgressAsync(IescpDbContext db, Guid exportId, string ownerUserId, int rows,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<Export>> more)
    {
        await db.Exports.Where(e => e.Id == exportId).UpdateAsync(db, set =>
        {
            set.SetProperty(e => e.RowsDone, rows);
            more(set);
        });
        events.Publish(new ExportChanged(exportId, ownerUserId));
    }
}
