using IESCP.Data.Exports;
using IESCP.Jobs.Scheduling;
using Quartz;

namespace IESCP.Jobs.Exports;

/// <summary>Makes one export (its id in the job data); several exports may be made at once.</summary>
public sealed class ExportJob(ExportRunner runner) : IJob
{
    public static readonly JobKey Key = new("csv-export");

    public const string ExportId = "exportId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(context.MergedJobDataMap[ExportId] as string ?? throw new InvalidOperationException("The export job needs an export id."));
        var result = await runner.RunAsync(id, cancellationToken);
        context.Result = result is null ? new JobReport("nothing to do", Idle: true) : new JobReport($"{result.Kind.Describe()}: {result.Rows:N0} rows");
    }
}
