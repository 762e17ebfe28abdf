using System.Net;
using System.Text.Json;
using IESCP.Data;
using IESCP.Data.Exports;
using IESCP.Data.Identity;
using IESCP.Data.Reports;
using IESCP.Jobs.Exports;
using IESCP.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Tests.Web;

/// <summary>Export files and report PDFs download for their owner only; anyone else gets "not found".</summary>
[Trait("Category", "Integration")]
[Collection(AppCollection.Name)]
public sealed class DownloadHttpTests(IescpApp app)
{
    [Fact]
    public async Task An_export_downloads_for_its_owner_and_is_not_found_for_anyone_else()
    {
        var owner = await app.Users.SponsorAsync();
        await app.Get<Data.Campaigns.CampaignRepository>().CreateAsync(owner.Actor, Marketplace.Campaign(name: "Owner's only", start: DateOnly.FromDateTime(DateTime.UtcNow)));
        var started = await app.Get<ExportQueue>().StartAsync(owner.Actor, ExportKind.MyCampaigns);
        await WaitUntilDoneAsync(owner.Actor);
        var path = $"/exports/{started.Value}/download";

        using var mine = await SignInAsync(owner);
        var download = await mine.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Owner's only", await download.Content.ReadAsStringAsync());

        using var rival = await SignInAsync(await app.Users.SponsorAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await rival.GetAsync(path)).StatusCode);
        using var admin = await HttpSession.SignedInAsync(app.BaseAddress, IescpApp.AdminEmail, IescpApp.AdminPassword, "/admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(path)).StatusCode);
        using var anonymous = new HttpSession(app.BaseAddress);
        Assert.StartsWith("/Account/Login", HttpSession.RedirectPath(await anonymous.GetAsync(path)));
    }

    [Fact]
    public async Task A_report_pdf_downloads_for_its_owner_only()
    {
        var owner = await app.Users.SponsorAsync();
        var reportId = await AddReportAsync(owner);

        using var mine = await SignInAsync(owner);
        var pdf = await mine.GetAsync($"/reports/{reportId}/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Contains("$1,234.00", string.Join(" ", PdfText.Pages(await pdf.Content.ReadAsByteArrayAsync())));

        using var rival = await SignInAsync(await app.Users.SponsorAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await rival.GetAsync($"/reports/{reportId}/pdf")).StatusCode);
    }

    private async Task<int> AddReportAsync(TestUser owner)
    {
        var month = new DateOnly(2026, 10, 1);
        var report = new SponsorReport(owner.Name, month, [new CampaignMonth(1, "Launch", 2, 1, 0, 1, 123_400, 123_400, 200_000, 76_600, [])]);
        await using var db = await app.Get<IDbContextFactory<IescpDbContext>>().CreateDbContextAsync();
        var row = new MonthlyReport { UserId = owner.UserId, Audience = ReportAudience.Sponsor, Month = month, Data = JsonSerializer.Serialize(report), CreatedAt = DateTime.UtcNow };
        db.MonthlyReports.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    private Task WaitUntilDoneAsync(Actor owner) => Eventually.TrueAsync(
        async () => (await app.Get<ExportRepository>().ListOwnAsync(owner)).FirstOrDefault()?.Status == ExportStatus.Done, "the export");

    private Task<HttpSession> SignInAsync(TestUser user) =>
        HttpSession.SignedInAsync(app.BaseAddress, user.Email, user.Password, Roles.HomePath(user.Actor.Role));
}
