using System.Diagnostics;
using System.Globalization;

namespace IESCP.Web.Commands;

/// <summary>
/// <c>bench-circuit-client --url U --circuits N --seconds S</c>: the bench's tabs, in a process of
/// their own so the server's heap holds only the server's side of each circuit. The bench starts
/// it, sends the signed-in cookie as the first line of input, and reads one line per step:
/// "warm" (a few tabs per page opened and walked, so one-time costs are paid), "opened PATH OK
/// FAILED" for each page's share of the tabs, "walked OK FAILED" (each tab through the walk and
/// back), "clicks ERRORS SECONDS MS,MS,…" (each tab clicking the bell at random moments for S
/// seconds). After each line it waits for the bench to answer "next" (it measures in between).
/// </summary>
internal static class CircuitClientCommand
{
    /// <summary>The pages the tabs are opened on: the sponsor's influencer search and dashboard.</summary>
    public static readonly string[] OpenPaths = ["sponsor/influencers?niche=AI", "sponsor"];

    /// <summary>Where each tab goes before returning to its own page.</summary>
    private static readonly string[] Walk = ["sponsor", "sponsor/influencers?niche=Yoga", "settings"];

    /// <summary>Each tab clicks on average this often, at random moments (so clicks spread over time).</summary>
    private static readonly TimeSpan MeanClickInterval = TimeSpan.FromSeconds(2);

    private const int AtOnce = 4;

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = CommandOptions.Parse(args, ["url", "circuits", "seconds"]);
        var url = new Uri(options.All("url").LastOrDefault() ?? throw new ArgumentException("--url is required."));
        var count = options.Int("circuits", 200, min: 1);
        var duration = TimeSpan.FromSeconds(options.Int("seconds", 10, min: 1));
        var cookie = await Console.In.ReadLineAsync() ?? throw new ArgumentException("The first line of input is the cookie.");
        using var http = CircuitClient.NewHttpClient(url);

        var warm = new List<CircuitClient>();
        var tabs = new List<(CircuitClient Tab, string Path)>();
        try
        {
            // As many tabs per page as are opened at once later: the server's buffer pools grow to what
            // that concurrency needs here, not while the tabs are being measured.
            foreach (var path in OpenPaths)
            {
                await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(async _ =>
                {
                    var tab = await CircuitClient.OpenAsync(http, cookie, path);
                    lock (warm)
                    {
                        warm.Add(tab);
                    }

                    await WalkAsync(tab, path);
                }));
            }

            await StepAsync("warm");
            for (var p = 0; p < OpenPaths.Length; p++)
            {
                var path = OpenPaths[p];
                var share = count / OpenPaths.Length + (p < count % OpenPaths.Length ? 1 : 0);
                var opened = await EachAsync(Enumerable.Range(0, share), async _ => await CircuitClient.OpenAsync(http, cookie, path));
                tabs.AddRange(opened.Results.Select(tab => (tab, path)));
                await StepAsync($"opened {path} {opened.Results.Count} {opened.Failures}");
            }

            var walked = await EachAsync(tabs, async t =>
            {
                await WalkAsync(t.Tab, t.Path);
                return true;
            });
            await StepAsync($"walked {walked.Results.Count} {walked.Failures}");

            var (latencies, errors) = await ClickAsync(tabs.Select(t => t.Tab).ToList(), duration);
            await StepAsync(string.Join(' ', "clicks", errors.ToString(CultureInfo.InvariantCulture),
                duration.TotalSeconds.ToString(CultureInfo.InvariantCulture),
                string.Join(',', latencies.Select(ms => ms.ToString("0.###", CultureInfo.InvariantCulture)))));
            return 0;
        }
        finally
        {
            await Task.WhenAll(tabs.Select(t => t.Tab.DisposeAsync().AsTask()).Concat(warm.Select(t => t.DisposeAsync().AsTask())));
        }
    }

    private static async Task WalkAsync(CircuitClient tab, string home)
    {
        foreach (var path in Walk)
        {
            await tab.NavigateAsync(path);
        }

        await tab.NavigateAsync(home);
    }

    /// <summary>Every tab clicks the bell at exponentially spread moments, each click waited for, until the time is up.</summary>
    private static async Task<(List<double> Milliseconds, int Errors)> ClickAsync(List<CircuitClient> tabs, TimeSpan duration)
    {
        var latencies = new List<double>();
        var errors = 0;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(tabs.Select((tab, n) => Task.Run(async () =>
        {
            var random = new Random(n);
            while (true)
            {
                var wait = TimeSpan.FromMilliseconds(-Math.Log(1 - random.NextDouble()) * MeanClickInterval.TotalMilliseconds);
                if (Stopwatch.GetElapsedTime(started) + wait > duration)
                {
                    return;
                }

                await Task.Delay(wait);
                var latency = await tab.ClickBellAsync();
                lock (latencies)
                {
                    if (latency is { } taken)
                    {
                        latencies.Add(taken.TotalMilliseconds);
                    }
                    else
                    {
                        errors++;
                    }
                }
            }
        })));
        return (latencies, errors);
    }

    /// <summary>Runs <paramref name="work"/> for each item, a few at a time, counting the failures instead of stopping at one.</summary>
    private static async Task<(List<TResult> Results, int Failures)> EachAsync<TItem, TResult>(IEnumerable<TItem> items, Func<TItem, Task<TResult>> work)
    {
        var results = new List<TResult>();
        var failures = 0;
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = AtOnce }, async (item, _) =>
        {
            try
            {
                var result = await work(item);
                lock (results)
                {
                    results.Add(result);
                }
            }
            catch (Exception e) when (e is InvalidOperationException or HttpRequestException or System.Net.WebSockets.WebSocketException or TimeoutException)
            {
                Interlocked.Increment(ref failures);
                await Console.Error.WriteLineAsync(e.Message);
            }
        });
        return (results, failures);
    }

    /// <summary>Reports a step done and waits for the bench to measure and say "next".</summary>
    private static async Task StepAsync(string line)
    {
        Console.Out.WriteLine(line);
        await Console.Out.FlushAsync();
        if (await Console.In.ReadLineAsync() != "next")
        {
            throw new InvalidOperationException("The bench stopped.");
        }
    }
}
