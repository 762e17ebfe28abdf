using IESCP.Data;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using IESCP.Data.Identity;
using IESCP.Data.Search;
using IESCP.Data.Seeding;
using Microsoft.AspNetCore.Identity;

namespace IESCP.Web.Commands;

/// <summary>
/// <c>bench [--iterations 50] [--warmup 5] [--seconds 300] [--path /extra ...]</c>: serves the app on
/// a free loopback port, signs in as a generated sponsor and influencer, and times the search
/// pages over HTTP and the same searches straight on the repositories, so query time and render
/// time can be told apart.
/// </summary>
internal static class BenchCommand
{
    private static readonly (string Path, InfluencerSearchQuery Query)[] SponsorPages =
    [
        ("/sponsor/influencers?niche=AI&min=1000&page=3", new() { Niche = "AI", MinFollowers = 1000, Page = 3 }),
        ("/sponsor/influencers?q=an&sort=followers", new() { Text = "an", Sort = InfluencerSort.Followers }),
        ("/sponsor/influencers", new()),
    ];

    private static readonly (string Path, CampaignSearchQuery Query)[] InfluencerPages =
    [
        ("/influencer/campaigns?category=Technology&minBudget=1000", new() { Category = "Technology", MinBudget = 1000 }),
        ("/influencer/campaigns?q=summer&page=2", new() { Text = "summer", Page = 2 }),
        ("/influencer/campaigns", new()),
    ];

    public static BenchOptions ParseOptions(IReadOnlyList<string> args)
    {
        var options = CommandOptions.Parse(args, ["iterations", "warmup", "seconds", "path"]);
        return new BenchOptions(options.Int("iterations", 50, min: 1), options.Int("warmup", 5),
            TimeSpan.FromSeconds(options.Int("seconds", 300, min: 1)), options.All("path"));
    }

    public static void ListenOnFreeLoopbackPort(WebApplicationBuilder builder) =>
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    public static async Task<int> RunAsync(WebApplication app, BenchOptions options)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var logins = await scope.ServiceProvider.GetRequiredService<DataGenerator>().FindSampleLoginsAsync();
        if (logins is null)
        {
            await Console.Error.WriteLineAsync("No generated sponsor and influencer in this database: run the seed command first.");
            return 1;
        }

        await app.StartAsync();
        try
        {
            var address = new Uri(app.Urls.First());
            Console.WriteLine($"Serving on {address}; signing in as {logins.SponsorEmail} and {logins.InfluencerEmail}.");
            var bench = new Bench(options);
            await TimePagesAsync(bench, address, logins.SponsorEmail, ["/sponsor", .. SponsorPages.Select(p => p.Path), .. options.ExtraPaths]);
            await TimePagesAsync(bench, address, logins.InfluencerEmail, ["/influencer", .. InfluencerPages.Select(p => p.Path)]);

            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var sponsor = new Actor((await users.FindByEmailAsync(logins.SponsorEmail))!.Id, Roles.Sponsor);
            var influencer = new Actor((await users.FindByEmailAsync(logins.InfluencerEmail))!.Id, Roles.Influencer);
            var influencerSearch = app.Services.GetRequiredService<InfluencerSearch>();
            var campaignSearch = app.Services.GetRequiredService<CampaignSearch>();
            foreach (var (path, query) in SponsorPages)
            {
                await bench.MeasureAsync($"InfluencerSearch ≙ {path}", async () => Found(await influencerSearch.SearchAsync(sponsor, query)));
            }

            foreach (var (path, query) in InfluencerPages)
            {
                await bench.MeasureAsync($"CampaignSearch ≙ {path}", async () => Found(await campaignSearch.SearchAsync(influencer, query)));
            }

            bench.Print(Console.Out);
            return 0;
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static async Task TimePagesAsync(Bench bench, Uri address, string email, IEnumerable<string> paths)
    {
        try
        {
            using var client = await BenchClient.SignInAsync(address, email, DataGenerator.Password);
            foreach (var path in paths)
            {
                await bench.MeasureAsync($"GET {path}", () => client.GetAsync(path));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TaskCanceledException)
        {
            bench.Fail($"sign-in as {email}", e.Message);
        }
    }

    private static string Found<T>(PagedResult<T> page) =>
        string.Create(CultureInfo.InvariantCulture, $"{page.Items.Count} of {page.TotalCount:N0}");
}

internal sealed record BenchOptions(int Iterations, int Warmup, TimeSpan Limit, IReadOnlyList<string> ExtraPaths);

/// <summary>Sequential timings, bounded by count and by the total time allowed.</summary>
internal sealed class Bench(BenchOptions options)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly List<(string Name, string Outcome, double[] Samples)> rows = [];

    public async Task MeasureAsync(string name, Func<Task<string>> once)
    {
        var outcome = "";
        var samples = new List<double>();
        try
        {
            for (var i = 0; i < options.Warmup + options.Iterations && clock.Elapsed < options.Limit; i++)
            {
                var started = Stopwatch.GetTimestamp();
                outcome = await once();
                if (i >= options.Warmup)
                {
                    samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            outcome = $"failed: {e.Message}";
        }

        rows.Add((name, clock.Elapsed < options.Limit ? outcome : $"{outcome} (time limit reached)", [.. samples.Order()]));
    }

    public void Fail(string name, string reason) => rows.Add((name, $"FAILED: {reason}", []));

    public void Print(TextWriter output)
    {
        var width = rows.Max(r => r.Name.Length);
        output.WriteLine();
        output.WriteLine($"{"what".PadRight(width)} | {"n",4} | {"p50 ms",8} | {"p95 ms",8} | {"max ms",8} | result");
        output.WriteLine($"{new string('-', width)}-|------|----------|----------|----------|-------");
        foreach (var (name, outcome, samples) in rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name.PadRight(width)} | {samples.Length,4} | {At(samples, 0.50),8} | {At(samples, 0.95),8} | {At(samples, 1.0),8} | {outcome}"));
        }
    }

    /// <summary>Nearest-rank percentile of sorted samples.</summary>
    private static string At(double[] sorted, double percentile) => sorted.Length == 0
        ? "-"
        : sorted[Math.Max(0, (int)Math.Ceiling(percentile * sorted.Length) - 1)].ToString("0.0", CultureInfo.InvariantCulture);
}
