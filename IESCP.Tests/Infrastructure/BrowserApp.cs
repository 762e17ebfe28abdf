using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace IESCP.Tests.Infrastructure;

/// <summary>The real app plus Debian's Chromium driven by Playwright; each test opens its own contexts.</summary>
public sealed class BrowserApp() : IescpApp(new Dictionary<string, string?>
{
    // An export step per row, so a test can hold an export between two rows (Gate) and see its progress.
    ["Exports:ChunkSize"] = "1",
})
{
    private IPlaywright? playwright;

    /// <summary>Holds a background job's database step until the test releases it.</summary>
    public StepGate Gate { get; } = new();

    public IBrowser Browser { get; private set; } = default!;

    /// <summary>Where screenshots go; unset (the default), none are taken. Refreshing the README's pictures is a run of its own.</summary>
    public static string? ScreenshotFolder { get; } = Environment.GetEnvironmentVariable("IESCP_SCREENSHOTS") is { Length: > 0 } folder
        ? Path.GetFullPath(folder)
        : null;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // The whole suite shares two cores; give pages time rather than fail on a slow moment.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath(),
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IInterceptor>(Gate);

    /// <summary>A fresh browser profile (its own cookies), like a second person at another computer.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        // What the page's scripts complain about (a lost connection, a failed call) goes with the server's log.
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                Log.Add($"Browser {message.Type} at {page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => Log.Add($"Browser page error at {page.Url}: {error}");
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (ScreenshotFolder is null)
        {
            return;
        }

        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    public override async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        await base.DisposeAsync();
    }

    /// <summary>
    /// Debian's Chromium headless shell: the same Blink and V8 as the browser without its desktop
    /// layer, which the browser tests spend about a third less processor time in. The test command
    /// installs it; its absence fails the tests loudly. IESCP_CHROMIUM names another build.
    /// </summary>
    private static string ChromiumPath()
    {
        var path = Environment.GetEnvironmentVariable("IESCP_CHROMIUM") ?? "/usr/bin/chromium-headless-shell";
        return File.Exists(path) ? path
            : throw new InvalidOperationException($"{path} is not installed; run ./test.sh, which installs Chromium's headless shell.");
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserApp>
{
    public const string Name = "Browser";
}
