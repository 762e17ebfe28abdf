using IESCP.Data.Exports;
using IESCP.Jobs.Email;
using Microsoft.Extensions.Logging;

namespace IESCP.Jobs.Exports;

/// <summary>Makes one export: writes the file with live progress, then tells its owner in-app and by email.</summary>
public sealed class ExportRunner(ExportRepository exports, EmailRenderer renderer, ILogger<ExportRunner> logger)
{
    /// <returns>The finished export, or null when there was nothing to do (another run has it, or it is done).</returns>
    public async Task<ExportResult?> RunAsync(Guid exportId, CancellationToken cancellationToken)
    {
        try
        {
            var result = await exports.WriteAsync(exportId, cancellationToken);
            if (result is not null)
            {
                var email = await renderer.EmailAsync<ExportReadyEmail>($"export:{exportId:N}", result.OwnerUserId, result.OwnerEmail,
                    $"Your IESCP export is ready ({result.Rows:N0} rows)", result);
                await exports.CompleteAsync(result, email);
            }

            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A stop (cancellation) leaves it unfinished, to be made again at start; anything else is the owner's to know.
            logger.LogError(e, "Export {ExportId} failed", exportId);
            await exports.FailAsync(exportId, e.Message);
            throw;
        }
    }
}
