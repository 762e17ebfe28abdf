using IESCP.Jobs.Scheduling;
using Quartz;

namespace IESCP.Jobs.Reports;

/// <summary>On the first day of a month: every approved sponsor's (and every active influencer's) report on the month before.</summary>
[DisallowConcurrentExecution]
public sealed class MonthlyReportJob(MonthlyReports reports) : IJob
{
    public static readonly JobKey Key = new("monthly-reports");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await reports.RunAsync(cancellationToken);
        context.Result = new JobReport(result.ToString());
    }
}
