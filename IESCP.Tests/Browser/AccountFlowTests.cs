using System.Text.RegularExpressions;
using IESCP.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static IESCP.Tests.Infrastructure.PageActions;

namespace IESCP.Tests.Browser;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AccountFlowTests(BrowserApp app, ITestOutputHelper output) : IDisposable
{
    private readonly IDisposable appLog = app.Log.ReportTo(output);

    [Fact]
    public async Task A_sponsor_registers_confirms_its_email_signs_in_waits_and_its_open_page_changes_the_moment_the_admin_approves()
    {
        var sponsor = await app.NewPageAsync();
        var email = $"brand-{Guid.NewGuid():N}@iescp.test";
        await sponsor.GotoAsync("Account/Register");
        await sponsor.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Sponsor") }).ClickAsync();
        await sponsor.GetByLabel("Company or your name").FillAsync("Acme Outdoor");
        await sponsor.GetByLabel("Sponsor type").SelectOptionAsync("Company");
        await sponsor.GetByLabel("Industry").FillAsync("Outdoor gear");
        await sponsor.GetByLabel("Marketing budget (USD)").FillAsync("25000");
        await FillAccountAsync(sponsor, email, "Outdoor#2026");
        await sponsor.GetByRole(AriaRole.Button, new() { Name = "Create sponsor account" }).ClickAsync();

        await ConfirmThroughTheEmailAsync(sponsor, email);
        await sponsor.LoginAsync(email, "Outdoor#2026");
        await Expect(sponsor).ToHaveURLAsync(new Regex("/sponsor/pending$"));
        await Expect(sponsor.GetByRole(AriaRole.Heading, new() { Name = "Waiting for approval" })).ToBeVisibleAsync();
        await sponsor.WaitForInteractiveAsync();
        await BrowserApp.ScreenshotAsync(sponsor, "sponsor-pending");

        var admin = await app.NewPageAsync();
        await admin.LoginAsync(IescpApp.AdminEmail, IescpApp.AdminPassword);
        await Expect(admin).ToHaveURLAsync(new Regex("/admin$"));
        await admin.WaitForInteractiveAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Approve Acme Outdoor" }).ClickAsync();
        await Expect(admin.GetByText("Acme Outdoor approved")).ToBeVisibleAsync();

        // No reload: the sponsor's open page moves on by itself.
        await Expect(sponsor).ToHaveURLAsync(new Regex("/sponsor$"));
        await Expect(sponsor.GetByRole(AriaRole.Heading, new() { Name = "Sponsor dashboard" })).ToBeVisibleAsync();
        await Expect(sponsor.GetByText("Outdoor gear")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_influencer_registers_confirms_signs_in_to_its_home_and_cannot_open_the_other_roles_pages()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("Account/Register/Influencer");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Nova Bytes");
        await page.GetByLabel("Category").SelectOptionAsync("Technology");
        await page.GetByLabel("Niche").SelectOptionAsync("AI");
        await page.GetByLabel("Followers (total reach)").FillAsync("48000");
        var email = $"nova-{Guid.NewGuid():N}@iescp.test";
        await FillAccountAsync(page, email, "NovaBytes#1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create influencer account" }).ClickAsync();

        await ConfirmThroughTheEmailAsync(page, email);
        await page.LoginAsync(email, "NovaBytes#1");
        await Expect(page).ToHaveURLAsync(new Regex("/influencer$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Influencer dashboard" })).ToBeVisibleAsync();
        await Expect(page.GetByText("48,000")).ToBeVisibleAsync();

        foreach (var path in new[] { "admin", "sponsor" })
        {
            await page.GotoAsync(path);
            await Expect(page).ToHaveURLAsync(new Regex("/Account/AccessDenied"));
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Access denied" })).ToBeVisibleAsync();
        }

        // Navigation inside the live circuit is checked too, not only full page loads.
        await page.GotoInteractiveAsync("influencer");
        await page.EvaluateAsync("() => Blazor.navigateTo('/admin')");
        await Expect(page.GetByText("Your account cannot open this page.")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Admin dashboard" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_admin_signs_in_to_the_dashboard_and_can_log_out()
    {
        var page = await app.NewPageAsync();
        await page.LoginAsync(IescpApp.AdminEmail, IescpApp.AdminPassword);

        await Expect(page).ToHaveURLAsync(new Regex("/admin$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Admin dashboard" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Awaiting approval", new() { Exact = true })).ToBeVisibleAsync();
        await page.GotoAsync("influencer");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/AccessDenied"));

        await page.GotoInteractiveAsync("admin");
        await page.LogoutAsync();
        await page.GotoAsync("admin");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
    }

    [Fact]
    public async Task A_wrong_password_shows_a_clear_error_and_keeps_the_visitor_out()
    {
        var page = await app.NewPageAsync();
        await page.LoginAsync(IescpApp.AdminEmail, "Not-the-password1");

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Invalid email or password.");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
    }

    [Fact]
    public async Task Bad_sign_up_input_is_explained_next_to_each_field_and_creates_nothing()
    {
        var page = await app.NewPageAsync();
        var email = $"bad-{Guid.NewGuid():N}@iescp.test";
        await page.GotoAsync("Account/Register/Influencer");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Mismatch");
        await page.GetByLabel("Category").SelectOptionAsync("Food");
        await page.GetByLabel("Niche").SelectOptionAsync("AI");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Strong#Pass1");
        await page.GetByLabel("Confirm password").FillAsync("Different#Pass1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create influencer account" }).ClickAsync();

        await Expect(FieldError(page, "Input.ConfirmPassword")).ToHaveTextAsync("The passwords do not match.");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Register/Influencer$"));

        await page.GetByLabel("Password", new() { Exact = true }).FillAsync("Strong#Pass1");
        await page.GetByLabel("Confirm password").FillAsync("Strong#Pass1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create influencer account" }).ClickAsync();
        await Expect(FieldError(page, "Input.Niche")).ToHaveTextAsync("Choose a niche of Food.");

        await page.LoginAsync(email, "Strong#Pass1");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Invalid email or password.");
    }

    [Fact]
    public async Task Each_home_page_fits_a_375_pixel_phone_and_the_menu_opens()
    {
        var influencer = await app.Users.InfluencerAsync(name: "Pocket Creator");
        var sponsor = await app.Users.SponsorAsync(name: "Pocket Brand");
        var people = new[]
        {
            (IescpApp.AdminEmail, IescpApp.AdminPassword, "admin"),
            (sponsor.Email, sponsor.Password, "sponsor"),
            (influencer.Email, influencer.Password, "influencer"),
        };
        foreach (var (email, password, home) in people)
        {
            var desktop = await app.NewPageAsync();
            await desktop.LoginAsync(email, password);
            await Expect(desktop).ToHaveURLAsync(new Regex($"/{home}$"));
            await desktop.WaitForInteractiveAsync();
            await BrowserApp.ScreenshotAsync(desktop, $"{home}-home");

            var phone = await app.NewPageAsync(width: 375, height: 740);
            await phone.LoginAsync(email, password);
            await Expect(phone).ToHaveURLAsync(new Regex($"/{home}$"));
            await phone.WaitForInteractiveAsync();
            var overflow = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.True(overflow <= 0, $"/{home} is {overflow}px wider than a 375px screen");
            await BrowserApp.ScreenshotAsync(phone, $"{home}-home-phone");
            var menu = phone.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" });
            await Expect(menu).ToHaveCSSAsync("opacity", "0");
            await phone.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
            await Expect(menu).ToHaveCSSAsync("opacity", "1");
            await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Dashboard" })).ToBeVisibleAsync();
            await BrowserApp.ScreenshotAsync(phone, $"{home}-menu-phone");
        }
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_through_the_emailed_link()
    {
        var influencer = await app.Users.InfluencerAsync();
        var page = await app.NewPageAsync();
        await page.GotoAsync("Account/Login");
        await page.GetByRole(AriaRole.Link, new() { Name = "Forgot your password?" }).ClickAsync();
        // Enhanced navigation changes the address before it swaps the page, and the login page has
        // an Email field too: type only once the new page's own heading is there.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Forgot your password?" })).ToBeVisibleAsync();
        await page.GetByLabel("Email").FillAsync(influencer.Email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reset link" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("a reset link is on its way");

        var email = await PickupFolder.WaitForMessageToAsync(app.OutboxFolder, influencer.Email);
        await page.GotoAsync(PickupFolder.LinkTo(email, "/Account/ResetPassword?code="));
        await page.GetByLabel("Email").FillAsync(influencer.Email);
        await page.GetByLabel("New password", new() { Exact = true }).FillAsync("Renewed#Pass9");
        await page.GetByLabel("Confirm new password").FillAsync("Renewed#Pass9");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set new password" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your password was changed");

        await page.LoginAsync(influencer.Email, influencer.Password);
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Invalid email or password.");
        await page.LoginAsync(influencer.Email, "Renewed#Pass9");
        await Expect(page).ToHaveURLAsync(new Regex("/influencer$"));
    }

    /// <summary>After signing up: the page says to check the email, whose link confirms the address.</summary>
    private async Task ConfirmThroughTheEmailAsync(IPage page, string email)
    {
        await Expect(page).ToHaveURLAsync(new Regex("/Account/RegisterConfirmation$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your email" })).ToBeVisibleAsync();
        var message = await PickupFolder.WaitForMessageToAsync(app.OutboxFolder, email);
        Assert.Contains("Subject: Confirm your IESCP email", message);
        await page.GotoAsync(PickupFolder.LinkTo(message, "/Account/ConfirmEmail?"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("your email is confirmed");
    }

    private static async Task FillAccountAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Confirm password").FillAsync(password);
    }

    private static ILocator FieldError(IPage page, string inputId) =>
        page.Locator($".form-field:has([id='{inputId}']) .field-error");

    public void Dispose() => appLog.Dispose();
}
