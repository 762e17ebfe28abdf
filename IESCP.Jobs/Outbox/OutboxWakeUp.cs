using IESCP.Data.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using IESCP.Jobs.Scheduling;
using Quartz;

namespace IESCP.Jobs.Outbox;

/// <summary>
/// Runs the dispatcher as soon as a command has queued messages, instead of at its next
/// scheduled run. Wake-ups coalesce: however many commits signal while a run is pending, one run follows.
/// </summary>
public sealed class OutboxWakeUp(OutboxSignal signal, ISchedulerFactory schedulers, ILogger<OutboxWakeUp> logger) : IHostedService
{
    private IDisposable? subscription;
    private int pending;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        subscription = signal.Listen(Wake);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Called by the dispatcher as it starts: a signal after this needs a run of its own.</summary>
    public void Started() => Interlocked.Exchange(ref pending, 0);

    private void Wake()
    {
        if (Interlocked.Exchange(ref pending, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                var scheduler = await schedulers.GetScheduler();
                await scheduler.TriggerJob(OutboxDispatchJob.Key, new JobDataMap { [JobTriggers.Reason] = JobTriggers.Queued });
            }
            catch (Exception e)
            {
                // The periodic run still sends it: a lost wake-up only delays a message.
                Interlocked.Exchange(ref pending, 0);
                logger.LogWarning(e, "Could not wake the outbox dispatcher; the next scheduled run sends the messages");
            }
        });
    }
}
