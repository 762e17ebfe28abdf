using IESCP.Tests.Infrastructure;
using Microsoft.Playwright;
using static IESCP.Tests.Infrastructure.PageActions;

namespace IESCP.Tests.Browser;

/// <summary>
/// Each open tab is a circuit held in the server's memory. The server runs in this test process,
/// so its managed heap is measured directly: several tabs opened on the busiest pages, then
/// navigated around, must each hold little and not grow. The heap is the whole process's, so
/// this runs with an app of its own and with no other test running (see its collection). A
/// measurement rather than a check of behaviour, so it runs on demand: IESCP_MEASURE=1.
/// </summary>
[Collection(CircuitMemoryCollection.Name)]
[Trait("Category", "Browser")]
public sealed class CircuitMemoryTests(CircuitMemoryCollection.App app)
{
    private const int Tabs = 16;

    [MeasurementFact]
    public async Task Search_and_dashboard_circuits_hold_little_managed_memory_and_do_not_grow_when_navigating()
    {
        var sponsor = await app.Users.SponsorAsync();
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString() });
        var first = await context.NewPageAsync();
        await first.LoginAsync(sponsor.Email, sponsor.Password);
        await first.WaitForURLAsync(url => url.EndsWith("/sponsor", StringComparison.Ordinal));
        // One tab first walks every page of the test, so one-time costs (compiled queries, cached
        // search results, JIT) are paid before anything is measured.
        await first.GotoInteractiveAsync(OpenPath(0));
        await first.GotoInteractiveAsync(OpenPath(1));
        await WalkAsync(first);
        var before = Heap();

        var tabs = new List<IPage>();
        for (var n = 0; n < Tabs; n++)
        {
            var tab = await context.NewPageAsync();
            await tab.GotoInteractiveAsync(OpenPath(n));
            tabs.Add(tab);
        }

        var open = Heap();
        foreach (var tab in tabs)
        {
            await WalkAsync(tab);
        }

        var navigated = Heap();
        var perCircuit = (open - before) / Tabs;
        var growth = (navigated - open) / Tabs;
        Console.WriteLine($"circuit memory: {perCircuit / 1024} KB per circuit, {growth / 1024} KB growth per circuit after navigating");
        await context.CloseAsync();

        Assert.True(perCircuit <= 250 * 1024, $"Each circuit holds {perCircuit / 1024} KB of managed heap.");
        Assert.True(growth <= 50 * 1024, $"Each circuit grew {growth / 1024} KB after navigating.");
    }

    private static string OpenPath(int n) => Environment.GetEnvironmentVariable("IESCP_TAB") ?? (n % 2 == 0 ? "sponsor/influencers?niche=AI" : "sponsor");

    /// <summary>Clicks through the pages in the live circuit (links navigate without reloading).</summary>
    private static async Task WalkAsync(IPage tab)
    {
        foreach (var path in new[] { "sponsor", "sponsor/influencers?niche=Yoga", "settings", OpenPath(0) })
        {
            await tab.EvaluateAsync($"Blazor.navigateTo('{path}')");
            await Expect(tab.Locator("h1")).ToBeVisibleAsync();
            await tab.WaitForTimeoutAsync(100);
        }
    }

    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

/// <summary>Runs alone (no other collection in parallel) on an app of its own, so the heap holds only its circuits.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CircuitMemoryCollection : ICollectionFixture<CircuitMemoryCollection.App>
{
    public const string Name = "CircuitMemory";

    public sealed class App : IAsyncLifetime
    {
        private readonly BrowserApp app = new();

        public IBrowser Browser => app.Browser;

        public Uri BaseAddress => app.BaseAddress;

        public TestUsers Users => app.Users;

        public Task InitializeAsync() => app.InitializeAsync();

        public Task DisposeAsync() => app.DisposeAsync();
    }
}
