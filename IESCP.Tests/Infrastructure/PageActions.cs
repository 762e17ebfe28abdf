using Microsoft.Playwright;

namespace IESCP.Tests.Infrastructure;

/// <summary>What a person does in the browser, in the words of the page (labels, button names).</summary>
public static class PageActions
{
    /// <summary>Opens a page and waits until its circuit is live, so clicks reach the server.</summary>
    public static async Task GotoInteractiveAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
    }

    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("main[data-interactive]").WaitForAsync();

    public static async Task LoginAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();
    }

    public static async Task LogoutAsync(this IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/admin") && !url.Contains("/sponsor") && !url.Contains("/influencer"));
    }

    public static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    public static IPageAssertions Expect(IPage page) => Assertions.Expect(page);
}
