using IESCP.Data.Exports;
using IESCP.Jobs.Email;
using IESCP.Jobs.Scheduling;
using Microsoft.Extensions.Logging;
using Quartz;

namespace IESCP.Jobs.Exports;

/// <summary>Makes one export (its id in the job data): writes the file with live progress, then tells its owner.</summary>
public sealed class ExportJob(ExportRepository exports, EmailRenderer renderer, ILogger<ExportJob> logger) : IJob
{
    public static readonly JobKey Key = new("csv-export");

    public const string ExportId = "exportId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var id = Guid.Parse(context.MergedJobDataMap[ExportId] as string ?? throw new InvalidOperationException("The export job needs an export id."));
        try
        {
            var result = await exports.WriteAsync(id, cancellationToken);
            if (result is null)
            {
                context.Result = new JobReport("nothing to do", Idle: true);
                return;
            }

            var email = await renderer.EmailAsync<ExportReadyEmail>($"export:{id:N}", result.OwnerUserId, result.OwnerEmail,
                $"Your IESCP export is ready ({result.Rows:N0} rows)", result);
            await exports.CompleteAsync(result, email);
            context.Result = new JobReport($"{result.Kind.Describe()}: {result.Rows:N0} rows");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A stop (cancellation) leaves it unfinished, to be made again at start; anything else is the owner's to know.
            logger.LogError(e, "Export {ExportId} failed", id);
            await exports.FailAsync(id, e.Message);
            throw;
        }
    }
}
