using IESCP.Jobs.Scheduling;
using Quartz;

namespace IESCP.Jobs.Outbox;

/// <summary>Sends what is due in the outbox: every few seconds, and whenever a command queued a message.</summary>
[DisallowConcurrentExecution]
public sealed class OutboxDispatchJob(OutboxDispatcher dispatcher, OutboxWakeUp wakeUp) : IJob
{
    public static readonly JobKey Key = new("outbox-dispatch");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // Messages queued from now on need another run; this one may already be past them.
        wakeUp.Started();
        var result = await dispatcher.DispatchDueAsync(cancellationToken);
        context.Result = new JobReport(result.ToString(), result.Idle);
    }
}
