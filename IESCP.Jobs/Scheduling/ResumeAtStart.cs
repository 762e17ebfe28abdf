using IESCP.Data.Exports;
using IESCP.Data.JobRuns;
using IESCP.Jobs.Exports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace IESCP.Jobs.Scheduling;

/// <summary>
/// At start, runs again what a stop cut short: job runs still marked running, and exports queued
/// or half written. Every job is safe to run again (each keeps its own "at most once"), so
/// resuming is simply running.
/// </summary>
public sealed class ResumeAtStart(JobRunRepository runs, ExportRepository exports, ExportQueue exportQueue, ISchedulerFactory schedulers,
    ILogger<ResumeAtStart> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var name in await runs.TakeInterruptedAsync())
        {
            if (JobCatalog.Find(name) is { CanRunNow: true } job)
            {
                logger.LogInformation("Resuming {Job}: the app stopped during its last run", name);
                await scheduler.TriggerJob(job.Key, new JobDataMap { [JobTriggers.Reason] = JobTriggers.Resumed }, cancellationToken);
            }
        }

        foreach (var exportId in await exports.RequeueUnfinishedAsync())
        {
            await exportQueue.RunAsync(exportId, JobTriggers.Resumed);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
