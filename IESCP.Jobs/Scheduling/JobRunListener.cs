using System.Collections.Concurrent;
using IESCP.Data.JobRuns;
using Microsoft.Extensions.Logging;
using Quartz;

namespace IESCP.Jobs.Scheduling;

/// <summary>
/// Records every job run (trigger, start, measured duration, outcome, counts) for the admin's
/// Jobs page. A run left "running" by a stop is found at the next start and run again.
/// </summary>
public sealed class JobRunListener(JobRunRepository runs, TimeProvider clock, ILogger<JobRunListener> logger) : IJobListener
{
    private readonly ConcurrentDictionary<string, (long RunId, long Started)> running = new();

    public string Name => "iescp-job-runs";

    public async ValueTask JobToBeExecuted(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var runId = await runs.StartAsync(context.JobDetail.Key.Name, JobTriggers.Of(context), cancellationToken);
        running[context.FireInstanceId] = (runId, clock.GetTimestamp());
    }

    public async ValueTask JobWasExecuted(IJobExecutionContext context, JobExecutionException? jobException, CancellationToken cancellationToken)
    {
        if (!running.TryRemove(context.FireInstanceId, out var run))
        {
            return;
        }

        var report = context.Result as JobReport;
        var error = jobException?.InnerException ?? jobException;
        if (error is not null)
        {
            logger.LogError(error, "Job {Job} failed", context.JobDetail.Key.Name);
        }

        await runs.FinishAsync(run.RunId, error is null ? JobOutcome.Succeeded : JobOutcome.Failed, report?.Summary, error?.Message,
            clock.GetElapsedTime(run.Started), idle: report?.Idle == true);
    }

    public async ValueTask JobExecutionVetoed(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (running.TryRemove(context.FireInstanceId, out var run))
        {
            await runs.FinishAsync(run.RunId, JobOutcome.Succeeded, "vetoed", null, TimeSpan.Zero, idle: true);
        }
    }
}
