using IESCP.Data.Exports;
using IESCP.Data.Identity;
using IESCP.Data.Reports;
using IESCP.Jobs.Reports;
using IESCP.Web.Authorization;

namespace IESCP.Web.Downloads;

/// <summary>
/// Files a signed-in user downloads: their own export's CSV and their own report's PDF. The
/// repositories look them up by owner, so anyone else's reads as "not found".
/// </summary>
internal static class DownloadEndpoints
{
    public static void MapDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/exports/{id:guid}/download", async (Guid id, HttpContext http, ExportRepository exports) =>
                CurrentUser.ActorOf(http.User) is { } actor && await exports.GetFileAsync(actor, id) is { } file
                    ? Results.File(file.Path, "text/csv; charset=utf-8", file.FileName)
                    : Results.NotFound())
            .RequireAuthorization();

        endpoints.MapGet("/reports/{id:int}/pdf", async (int id, HttpContext http, MonthlyReportRepository reports, ReportPdf pdfs) =>
                CurrentUser.ActorOf(http.User) is { IsAdmin: false } actor && await reports.GetOwnAsync(actor, id) is { } report
                    ? Results.File(pdfs.Render((object?)report.Sponsor ?? report.Influencer!), "application/pdf", ReportPdf.FileName(report.Month))
                    : Results.NotFound())
            .RequireAuthorization(policy => policy.RequireRole(Roles.Sponsor, Roles.Influencer));
    }
}
