using System.Diagnostics;
using System.Runtime;
using static IESCP.Web.Commands.BenchWorkloads;

namespace IESCP.Web.Commands;

/// <summary>The load runs of the bench, in an order that keeps each comparison in one stretch of time.</summary>
internal sealed class BenchRunner(Uri address, BenchOptions options, BenchTable table)
{
    // Methods compiled in a second of load below which the JIT counts as quiet.
    private const int QuietJit = 50;

    private int runs;

    public async Task RunAllAsync(string sponsorToken, string influencerToken, string sponsorCookie, string influencerCookie)
    {
        // Let the JIT and the connection pools settle before anything is measured.
        await LoadGenerator.RunAsync(address, options.Connections, TimeSpan.FromSeconds(2), Varying(InfluencerApi, ++runs), bearer: sponsorToken);
        await LoadGenerator.RunAsync(address, options.Connections, TimeSpan.FromSeconds(2), Varying(CampaignPage, ++runs), cookie: influencerCookie);

        var ping = await RunAsync("ping (trivial endpoint, the ceiling)", "-", _ => "/api/v1/ping", null, null, warmUp: () => _ => "/api/v1/ping");
        table.Ceiling = ping.RequestsPerSecond;
        table.AddLoad("ping (trivial endpoint, the ceiling)", "-", ping, "", null);

        await ColdAsync("API influencer search, niche + min followers", InfluencerApi, null, sponsorToken, apiTarget: true);
        await WarmAsync("API influencer search, niche + min followers", InfluencerApi, null, sponsorToken);
        await ColdAsync("API campaign search, text + max budget", CampaignApi, null, influencerToken, apiTarget: true);
        await WarmAsync("API campaign search, text + max budget", CampaignApi, null, influencerToken);
        await ColdAsync("page influencer search, niche + min followers", InfluencerPage, sponsorCookie, null, apiTarget: false);
        await WarmAsync("page influencer search, niche + min followers", InfluencerPage, sponsorCookie, null);
        await ColdAsync("page campaign search, text + max budget", CampaignPage, influencerCookie, null, apiTarget: false);
        await WarmAsync("page campaign search, text + max budget", CampaignPage, influencerCookie, null);
    }

    private async Task ColdAsync(string name, Func<int, string> workload, string? cookie, string? bearer, bool apiTarget)
    {
        var result = await RunAsync(name, "uncached", Varying(workload, ++runs), cookie, bearer, warmUp: () => Varying(workload, ++runs));
        if (apiTarget)
        {
            table.AddLoad(name, "uncached", result, "p99 ≤ 50 ms, ≥ 600 rps", result.Percentile(0.99) <= 50 && result.RequestsPerSecond >= 600);
        }
        else
        {
            table.AddLoad(name, "uncached", result, "p99 ≤ 150 ms, ≥ 300 rps", result.Percentile(0.99) <= 150 && result.RequestsPerSecond >= 300);
        }
    }

    private async Task WarmAsync(string name, Func<int, string> workload, string? cookie, string? bearer)
    {
        // Each query of the set once, so the run reads only the cache.
        await LoadGenerator.SendEachAsync(address, Enumerable.Range(0, WarmSetSize).Select(workload), cookie, bearer);

        var result = await RunAsync(name, "warm", Warm(workload), cookie, bearer, warmUp: () => Warm(workload));
        table.AddLoad(name, "warm", result, "p95 ≤ 5 ms, ≥ 50 % of ping",
            result.Percentile(0.95) <= 5 && result.RequestsPerSecond >= 0.5 * table.Ceiling);
    }

    /// <summary>
    /// A run, after the same kind of requests unmeasured until the JIT is quiet: the runtime
    /// recompiles hot code in tiers on a background thread, which the load starves; counted, a
    /// workload's first 10 to 20 seconds compiled 400 to 1,100 methods a second. Measured then,
    /// a run shows the server as it serves once it has been up a while.
    /// </summary>
    private async Task<LoadResult> RunAsync(string name, string cache, Func<int, string> path, string? cookie, string? bearer,
        Func<Func<int, string>> warmUp)
    {
        Console.Write($"  {name} ({cache}), {options.Connections} connections: warming up");
        var warming = Stopwatch.StartNew();
        while (warming.Elapsed < options.WarmUp)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            // Each second its own requests: an uncached workload's never repeat.
            await LoadGenerator.RunAsync(address, options.Connections, TimeSpan.FromSeconds(1), warmUp(), cookie, bearer);
            if (JitInfo.GetCompiledMethodCount() - compiled < QuietJit)
            {
                break;
            }
        }

        Console.WriteLine($" {warming.Elapsed.TotalSeconds:0} s, then {options.RunTime.TotalSeconds:0} s measured…");
        return await LoadGenerator.RunAsync(address, options.Connections, options.RunTime, path, cookie, bearer);
    }
}
