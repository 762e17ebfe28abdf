using System.Text.Json;
using System.Text.RegularExpressions;
using IESCP.Data;
using IESCP.Data.Exports;
using IESCP.Data.Reports;
using IESCP.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static IESCP.Tests.Infrastructure.PageActions;

namespace IESCP.Tests.Browser;

/// <summary>The pages of the background jobs in a real browser: exports with live progress, reports, settings and the admin's Jobs page.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class JobsPagesTests(BrowserApp app)
{
    [Fact]
    public async Task A_sponsor_starts_an_export_watches_its_progress_live_and_downloads_the_file()
    {
        var sponsor = await app.Users.SponsorAsync();
        foreach (var name in new[] { "Alpha", "Beta", "Gamma" })
        {
            await app.Get<Data.Campaigns.CampaignRepository>().CreateAsync(sponsor.Actor, Marketplace.Campaign(name: name, start: DateOnly.FromDateTime(DateTime.UtcNow)));
        }

        var page = await app.NewPageAsync();
        await page.LoginAsync(sponsor.Email, sponsor.Password);
        await page.GotoInteractiveAsync("sponsor/campaigns");
        // The export stops before its second row until released: its progress shows in between.
        app.Gate.Arm(ExportRepository.StepTag, hold: 2);
        try
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Export campaigns" }).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/exports$"));
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 of 3 rows");
            await Expect(page.GetByRole(AriaRole.Progressbar)).ToBeVisibleAsync();
            await BrowserApp.ScreenshotAsync(page, "export-progress");
        }
        finally
        {
            app.Gate.Release();
        }

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ready: 3 rows");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Download iescp-campaigns") }).ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Equal(4, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("Gamma", csv);
    }

    [Fact]
    public async Task An_influencer_saves_a_google_chat_webhook_in_the_settings_and_a_wrong_one_is_explained()
    {
        var influencer = await app.Users.InfluencerAsync();
        var page = await app.NewPageAsync();
        await page.LoginAsync(influencer.Email, influencer.Password);
        await page.GotoInteractiveAsync("settings");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Settings" })).ToBeVisibleAsync();
        await page.GetByLabel("Webhook URL").FillAsync("http://example.com/hook");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save webhook" }).ClickAsync();
        var refused = page.Locator(".field-error", new() { HasText = "Enter a Google Chat webhook URL" });
        await Expect(refused).ToBeVisibleAsync();

        // The message takes two lines. Pressing Save blurs the corrected field and the server
        // clears the message while the button is held: the release must still land on the button.
        const string url = "https://chat.googleapis.com/v1/spaces/AAAA/messages?key=k&token=t";
        await page.GetByLabel("Webhook URL").FillAsync(url);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save webhook" }).HoverAsync();
        await page.Mouse.DownAsync();
        await Expect(refused).ToBeHiddenAsync();
        await page.Mouse.UpAsync();
        await Expect(page.GetByText("Webhook saved")).ToBeVisibleAsync();
        await page.GotoInteractiveAsync("settings");
        await Expect(page.GetByLabel("Webhook URL")).ToHaveValueAsync(url);
    }

    [Fact]
    public async Task A_sponsor_opens_a_past_monthly_report_and_finds_its_pdf()
    {
        var sponsor = await app.Users.SponsorAsync();
        var report = new SponsorReport(sponsor.Name, new DateOnly(2026, 10, 1),
            [new CampaignMonth(1, "Launch week", 4, 2, 1, 1, 50_000, 30_000, 100_000, 50_000, [new TopInfluencer("Nova Bytes", 30_000)])]);
        int id;
        await using (var db = await app.Get<IDbContextFactory<IescpDbContext>>().CreateDbContextAsync())
        {
            var row = new MonthlyReport { UserId = sponsor.UserId, Audience = ReportAudience.Sponsor, Month = report.Month, Data = JsonSerializer.Serialize(report), CreatedAt = DateTime.UtcNow };
            db.MonthlyReports.Add(row);
            await db.SaveChangesAsync();
            id = row.Id;
        }

        var page = await app.NewPageAsync();
        await page.LoginAsync(sponsor.Email, sponsor.Password);
        await page.GotoInteractiveAsync("sponsor/reports");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "October 2026" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "Launch week" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Nova Bytes ($300.00)")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Download PDF" })).ToHaveAttributeAsync("href", $"reports/{id}/pdf");
        await BrowserApp.ScreenshotAsync(page, "sponsor-report");
    }

    [Fact]
    public async Task The_admin_sees_every_job_and_a_run_started_by_hand_appears_live()
    {
        var page = await app.NewPageAsync();
        await page.LoginAsync(IescpApp.AdminEmail, IescpApp.AdminPassword);
        await page.GotoInteractiveAsync("admin/jobs");

        foreach (var title in new[] { "Daily reminders", "Monthly reports", "Offer expiry", "Cleanup", "Outbox dispatcher", "CSV exports" })
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = title, Exact = true })).ToBeVisibleAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Run Cleanup now" }).ClickAsync();
        var runs = page.GetByRole(AriaRole.Table, new() { Name = "Latest runs of Cleanup" });
        await Expect(runs.GetByRole(AriaRole.Row).Filter(new() { HasText = "run now" })).ToContainTextAsync("Succeeded");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Outbox", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Columnheader, new() { Name = "Last error" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "admin-jobs");
    }
}
