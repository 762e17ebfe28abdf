using IESCP.Data;
using IESCP.Data.Identity;
using IESCP.Data.JobRuns;
using Microsoft.Extensions.Options;
using Quartz;

namespace IESCP.Jobs.Scheduling;

/// <summary>A job as the admin's Jobs page shows it: its schedule, next run and latest runs.</summary>
public sealed record JobOverview(string Name, string Title, string Description, string Schedule, DateTimeOffset? NextRun, bool CanRunNow,
    IReadOnlyList<JobRunView> Runs);

/// <summary>The admin's view of the scheduler: every job with its schedule and history, and "Run now".</summary>
public sealed class JobsDashboard(ISchedulerFactory schedulers, JobRunRepository runs, IOptions<Outbox.OutboxOptions> outbox)
{
    public async Task<IReadOnlyList<JobOverview>> ListAsync(Actor actor, int runsPerJob = 5)
    {
        actor.Require(Roles.Admin);
        var scheduler = await schedulers.GetScheduler();
        var history = (await runs.ListLatestAsync(actor, runsPerJob)).ToLookup(r => r.Job);
        var jobs = new List<JobOverview>();
        foreach (var job in JobCatalog.All)
        {
            var triggers = await scheduler.QueryTriggers(new TriggerQuery { Job = job.Key });
            var next = triggers.Items.Select(t => t.NextFireTimeUtc).Where(t => t is not null).Min();
            jobs.Add(new JobOverview(job.Key.Name, job.Title, job.Description, await ScheduleOfAsync(scheduler, job), next, job.CanRunNow, [.. history[job.Key.Name]]));
        }

        return jobs;
    }

    /// <summary>Runs a job now, besides its schedule; the run shows in its history like any other.</summary>
    public async Task<CommandResult> RunNowAsync(Actor actor, string jobName)
    {
        actor.Require(Roles.Admin);
        if (JobCatalog.Find(jobName) is not { CanRunNow: true } job)
        {
            return CommandResult.Fail("That job can't be run by hand.");
        }

        var scheduler = await schedulers.GetScheduler();
        await scheduler.TriggerJob(job.Key, new JobDataMap { [JobTriggers.Reason] = JobTriggers.Manual });
        return CommandResult.Ok;
    }

    private async Task<string> ScheduleOfAsync(IScheduler scheduler, JobDefinition job)
    {
        if (job.Key == Outbox.OutboxDispatchJob.Key)
        {
            return $"every {outbox.Value.PollInterval.TotalSeconds:0} s, and as soon as a message is queued";
        }

        if (job.Key == Exports.ExportJob.Key)
        {
            return "when a user asks for an export";
        }

        // The stored trigger is the truth (a persistent store may hold one from an earlier start).
        return await scheduler.GetTrigger(job.ScheduleKey) is ICronTrigger cron
            ? $"cron {cron.CronExpressionString} ({cron.TimeZone.Id})"
            : "not scheduled (run it by hand)";
    }
}
