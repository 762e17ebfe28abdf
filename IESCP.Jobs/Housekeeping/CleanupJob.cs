using IESCP.Data.Exports;
using IESCP.Data.JobRuns;
using IESCP.Data.Outbox;
using IESCP.Jobs.Outbox;
using IESCP.Jobs.Scheduling;
using Microsoft.Extensions.Options;
using Quartz;

namespace IESCP.Jobs.Housekeeping;

/// <summary>Deletes what is kept only for a while: expired export files, old sent messages, old job runs.</summary>
[DisallowConcurrentExecution]
public sealed class CleanupJob(ExportRepository exports, OutboxRepository outbox, JobRunRepository runs, IOptions<OutboxOptions> outboxOptions, TimeProvider clock)
    : IJob
{
    public static readonly JobKey Key = new("cleanup");

    /// <summary>How long the run history of the Jobs page goes back.</summary>
    public static readonly TimeSpan KeepRunsFor = TimeSpan.FromDays(30);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var files = await exports.DeleteExpiredAsync(cancellationToken);
        var messages = await outbox.PruneSentAsync(now - outboxOptions.Value.KeepSentFor, cancellationToken);
        var history = await runs.PruneAsync(now - KeepRunsFor, cancellationToken);
        context.Result = new JobReport($"{files} exports, {messages} sent messages, {history} old runs deleted");
    }
}
