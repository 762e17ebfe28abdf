using IESCP.Data.Database;
using IESCP.Data.Identity;
using IESCP.Data.Live;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.JobRuns;

/// <summary>
/// The history of background job runs: written by the scheduler around every run, read by the
/// admin's Jobs page, and used at start to resume runs a stop cut short.
/// </summary>
public sealed class JobRunRepository(IDbContextFactory<IescpDbContext> contexts, ILiveEvents events)
{
    public async Task<long> StartAsync(string job, string trigger, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = new JobRun { Job = job, Trigger = trigger, StartedAt = db.Now, Outcome = JobOutcome.Running };
        db.JobRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        events.Publish(new JobsChanged(job));
        return run.Id;
    }

    /// <summary>Records how a run ended; a run that found nothing to do is dropped, so frequent idle runs leave no trace.</summary>
    public async Task FinishAsync(long runId, JobOutcome outcome, string? summary, string? error, TimeSpan duration, bool idle = false)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var run = db.JobRuns.Where(r => r.Id == runId);
        var job = await run.Select(r => r.Job).FirstOrDefaultAsync();
        if (idle && outcome == JobOutcome.Succeeded)
        {
            await run.ExecuteDeleteAsync();
        }
        else
        {
            var now = db.Now;
            await run.UpdateAsync(db, set => set
                .SetProperty(r => r.Outcome, outcome)
                .SetProperty(r => r.FinishedAt, now)
                .SetProperty(r => r.DurationMs, (long)duration.TotalMilliseconds)
                .SetProperty(r => r.Summary, Shorten(summary, 500))
                .SetProperty(r => r.Error, Shorten(error, 1000)));
        }

        events.Publish(new JobsChanged(job ?? ""));
    }

    /// <summary>At start: runs still marked running were cut short by a stop; marks them so and names their jobs, to run again.</summary>
    public async Task<IReadOnlyList<string>> TakeInterruptedAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var running = db.JobRuns.Where(r => r.Outcome == JobOutcome.Running);
        var jobs = await running.Select(r => r.Job).Distinct().ToListAsync();
        var now = db.Now;
        await running.UpdateAsync(db, set => set.SetProperty(r => r.Outcome, JobOutcome.Interrupted).SetProperty(r => r.FinishedAt, now));
        await transaction.CommitAsync();
        return jobs;
    }

    /// <summary>The latest runs of every job, newest first.</summary>
    public async Task<IReadOnlyList<JobRunView>> ListLatestAsync(Actor actor, int perJob = 5)
    {
        actor.Require(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync();
        var jobs = await db.JobRuns.Select(r => r.Job).Distinct().ToListAsync();
        var runs = new List<JobRunView>();
        foreach (var job in jobs)
        {
            runs.AddRange(await db.JobRuns.Where(r => r.Job == job).OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.Id).Take(perJob)
                .Select(r => new JobRunView(r.Id, r.Job, r.Trigger, r.StartedAt, r.FinishedAt, TimeSpan.FromMilliseconds(r.DurationMs), r.Outcome, r.Summary, r.Error))
                .ToListAsync());
        }

        return runs;
    }

    public async Task<int> PruneAsync(DateTime before, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.JobRuns.Where(r => r.StartedAt < before && r.Outcome != JobOutcome.Running).ExecuteDeleteAsync(cancellationToken);
    }

    private static string? Shorten(string? text, int max) => text is null || text.Length <= max ? text : text[..(max - 1)] + "…";
}
