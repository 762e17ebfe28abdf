using System.Text.RegularExpressions;
using IESCP.Data.AdRequests;
using IESCP.Data.Campaigns;
using IESCP.Data.Influencers;
using IESCP.Data.Sponsors;
using IESCP.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static IESCP.Tests.Infrastructure.PageActions;

namespace IESCP.Tests.Browser;

/// <summary>
/// The admin's console and the live behaviour around it, with two or three people at once. Each
/// live claim is proven by something that was not on the other page before the action.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AdminConsoleTests(BrowserApp app, ITestOutputHelper output) : IDisposable
{
    private readonly IDisposable appLog = app.Log.ReportTo(output);

    [Fact]
    public async Task A_sign_up_appears_on_the_open_admin_page_and_the_rejection_reaches_the_waiting_sponsor()
    {
        var name = Unique("Quartz Lane");
        var admin = await SignedInAsync(IescpApp.AdminEmail, IescpApp.AdminPassword, "admin");
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = $"Reject {name}" })).ToHaveCountAsync(0);
        var unreadBefore = await UnreadAsync(admin);

        var sponsor = await app.Users.SponsorAsync(name: name, approved: false);

        // No reload: the queue, the menu's count and the bell move by themselves.
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = $"Reject {name}" })).ToBeVisibleAsync();
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = $"Notifications, {unreadBefore + 1} unread" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(admin, "admin-dashboard");

        var waiting = await SignedInAsync(sponsor.Email, sponsor.Password, "sponsor/pending");
        await Expect(waiting.GetByRole(AriaRole.Heading, new() { Name = "Waiting for approval" })).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Reject {name}" }).ClickAsync();
        await admin.Locator(".rz-dialog").GetByLabel("Reason (the owner sees it)").FillAsync("We could not verify your company.");
        await admin.Locator(".rz-dialog").GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();

        await Expect(waiting.GetByRole(AriaRole.Heading, new() { Name = "Registration not approved" })).ToBeVisibleAsync();
        await Expect(waiting.GetByText("We could not verify your company.")).ToBeVisibleAsync();
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = $"Reject {name}" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Of_two_admins_deciding_at_once_the_second_is_told_and_nothing_is_applied_twice()
    {
        var name = Unique("Twice Decided");
        var sponsor = await app.Users.SponsorAsync(name: name, approved: false);
        var first = await SignedInAsync(IescpApp.AdminEmail, IescpApp.AdminPassword, "admin/sponsors");
        var second = await SignedInAsync(IescpApp.AdminEmail, IescpApp.AdminPassword, "admin/sponsors");

        await second.GetByRole(AriaRole.Button, new() { Name = $"Reject {name}" }).ClickAsync();
        await second.Locator(".rz-dialog").GetByLabel("Reason (the owner sees it)").FillAsync("Not a real brand.");
        await first.GetByRole(AriaRole.Button, new() { Name = $"Approve {name}" }).ClickAsync();
        await Expect(first.GetByText($"{name} approved")).ToBeVisibleAsync();
        await second.Locator(".rz-dialog").GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();

        await Expect(second.Locator(".rz-dialog").GetByRole(AriaRole.Alert)).ToHaveTextAsync("Another admin has already decided on this sponsor.");
        Assert.Equal(ApprovalStatus.Approved, await app.Get<SponsorRepository>().GetStatusAsync(sponsor.UserId));
    }

    [Fact]
    public async Task A_flagged_users_open_page_ends_at_once_and_the_login_page_says_why()
    {
        var influencer = await app.Users.InfluencerAsync(name: Unique("Flag Me"));
        var own = await SignedInAsync(influencer.Email, influencer.Password, "influencer");
        var admin = await SignedInAsync(IescpApp.AdminEmail, IescpApp.AdminPassword, "admin/users");
        await admin.GetByLabel("Search").FillAsync(influencer.Name);
        await admin.GetByLabel("Search").PressAsync("Tab");

        await admin.GetByRole(AriaRole.Button, new() { Name = $"Flag {influencer.Name}" }).ClickAsync();
        await admin.Locator(".rz-dialog").GetByLabel("Reason (the owner sees it)").FillAsync("Bought followers.");
        await admin.Locator(".rz-dialog").GetByRole(AriaRole.Button, new() { Name = "Flag" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = $"Unflag {influencer.Name}" })).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(admin, "admin-users");

        // The influencer's open page is ended by the server, without anyone touching it.
        await Expect(own).ToHaveURLAsync(new Regex("/Account/Login\\?ended=true$"));
        await Expect(own.GetByText("You were signed out because your account changed.")).ToBeVisibleAsync();
        await own.LoginAsync(influencer.Email, influencer.Password);
        await Expect(own.GetByRole(AriaRole.Alert)).ToHaveTextAsync("This account is suspended: Bought followers.");
        await own.GotoAsync("influencer");
        await Expect(own).ToHaveURLAsync(new Regex("/Account/Login"));
    }

    [Fact]
    public async Task A_flagged_campaign_shows_its_flag_and_reason_on_its_sponsors_open_page()
    {
        var sponsor = await app.Users.SponsorAsync();
        var campaignName = Unique("Flagged Launch");
        var campaign = await app.Get<CampaignRepository>().CreateAsync(sponsor.Actor,
            Marketplace.Campaign(name: campaignName, start: DateOnly.FromDateTime(DateTime.UtcNow)));
        var own = await SignedInAsync(sponsor.Email, sponsor.Password, $"sponsor/campaigns/{campaign.Value}");
        await Expect(own.GetByText("An admin flagged this campaign:")).ToHaveCountAsync(0);

        var admin = await SignedInAsync(IescpApp.AdminEmail, IescpApp.AdminPassword, "admin/campaigns");
        await admin.GetByLabel("Search").FillAsync(campaignName);
        await admin.GetByLabel("Search").PressAsync("Tab");
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Flag {campaignName}" }).ClickAsync();
        await admin.Locator(".rz-dialog").GetByLabel("Reason (the owner sees it)").FillAsync("Misleading health claims.");
        await admin.Locator(".rz-dialog").GetByRole(AriaRole.Button, new() { Name = "Flag" }).ClickAsync();
        await BrowserApp.ScreenshotAsync(admin, "admin-campaigns");
        // The table shows every word: the long name and the reason wrap in their cells instead of ending in "…".
        await Expect(admin.Locator(".rz-grid-table").GetByText("Misleading health claims.")).ToBeVisibleAsync();
        Assert.Equal(0, await admin.Locator(".rz-grid-table td .rz-cell-data")
            .EvaluateAllAsync<int>("cells => cells.filter(cell => cell.scrollWidth > cell.clientWidth).length"));

        await Expect(own.GetByText("An admin flagged this campaign:")).ToBeVisibleAsync();
        await Expect(own.GetByText("Misleading health claims.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_bell_counts_a_new_request_live_and_opening_it_goes_to_the_request()
    {
        var sponsor = await app.Users.SponsorAsync(name: "Bell Brand");
        var influencer = await app.Users.InfluencerAsync();
        var campaignName = Unique("Bell Campaign");
        var campaignId = (await app.Get<CampaignRepository>().CreateAsync(sponsor.Actor,
            Marketplace.Campaign(name: campaignName, start: DateOnly.FromDateTime(DateTime.UtcNow)))).Value;
        var page = await SignedInAsync(influencer.Email, influencer.Password, "influencer");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Notifications", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText("Nothing waits for you right now.")).ToBeVisibleAsync();

        var influencerId = (await app.Get<InfluencerRepository>().GetOwnProfileAsync(influencer.Actor))!.Id;
        var sent = await app.Get<AdRequestRepository>().SendAsync(sponsor.Actor, campaignId, influencerId, Marketplace.Offer(250m));

        var bell = page.GetByRole(AriaRole.Button, new() { Name = "Notifications, 1 unread" });
        await Expect(bell).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Requests waiting for you" }).GetByRole(AriaRole.Link, new() { Name = campaignName }))
            .ToBeVisibleAsync();
        await bell.ClickAsync();
        var item = page.GetByRole(AriaRole.Region, new() { Name = "Notifications" }).GetByText($"Bell Brand sent you an ad request for “{campaignName}” ($250.00).");
        await BrowserApp.ScreenshotAsync(page, "notification-bell");
        await item.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/requests/{sent.Value}$"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Notifications", Exact = true })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_admin_dashboard_numbers_move_when_the_platform_changes()
    {
        var admin = await SignedInAsync(IescpApp.AdminEmail, IescpApp.AdminPassword, "admin");
        var influencers = admin.Locator(".stat-card", new() { HasText = "Influencers" }).Locator(".stat-value");
        var before = int.Parse(await influencers.InnerTextAsync(), System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture);

        await app.Users.InfluencerAsync();

        await Expect(influencers).ToHaveTextAsync((before + 1).ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-US")));
    }

    private async Task<IPage> SignedInAsync(string email, string password, string path)
    {
        var page = await app.NewPageAsync();
        await page.LoginAsync(email, password);
        await Expect(page).Not.ToHaveURLAsync(new Regex("/Account/Login"));
        await page.GotoInteractiveAsync(path);
        return page;
    }

    private static async Task<int> UnreadAsync(IPage page)
    {
        var label = await page.Locator(".bell-button").GetAttributeAsync("aria-label") ?? "";
        return Regex.Match(label, @"(\d+) unread") is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    private static string Unique(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 7)];

    public void Dispose() => appLog.Dispose();
}
