using IESCP.Jobs.Scheduling;
using Quartz;

namespace IESCP.Jobs.Reminders;

/// <summary>Reminds influencers of offers awaiting their answer, and everyone away for a while of what waits for them.</summary>
[DisallowConcurrentExecution]
public sealed class DailyReminderJob(DailyReminders reminders) : IJob
{
    public static readonly JobKey Key = new("daily-reminders");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await reminders.RunAsync(cancellationToken);
        context.Result = new JobReport(result.ToString());
    }
}
