using IESCP.Data;
using IESCP.Data.Exports;
using IESCP.Data.Identity;
using IESCP.Jobs.Scheduling;
using Quartz;

namespace IESCP.Jobs.Exports;

/// <summary>Starts an export for a user and hands it to the scheduler, which makes it in the background.</summary>
public sealed class ExportQueue(ExportRepository exports, ISchedulerFactory schedulers)
{
    public async Task<CommandResult<Guid>> StartAsync(Actor actor, ExportKind kind)
    {
        var started = await exports.StartAsync(actor, kind);
        if (started.Succeeded)
        {
            await RunAsync(started.Value, JobTriggers.Queued);
        }

        return started;
    }

    /// <summary>Fires the export job for one export (again, at start, for one a stop cut short).</summary>
    public async Task RunAsync(Guid exportId, string reason)
    {
        var scheduler = await schedulers.GetScheduler();
        await scheduler.TriggerJob(ExportJob.Key, new JobDataMap { [ExportJob.ExportId] = exportId.ToString(), [JobTriggers.Reason] = reason });
    }
}
