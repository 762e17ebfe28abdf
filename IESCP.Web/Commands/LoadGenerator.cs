using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace IESCP.Web.Commands;

/// <summary>
/// What one load run measured: every request's latency, the failures, the throughput, and the
/// processor time this process (server and load generator together) used for it, when measured.
/// </summary>
internal sealed record LoadResult(int Requests, int Errors, TimeSpan Elapsed, double[] SortedMilliseconds, string? FirstError, TimeSpan? ProcessorTime = null)
{
    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    /// <summary>
    /// Processor time per request, in milliseconds: unlike the rate, it does not move when another
    /// program shares the machine's cores, so runs on a busy machine can still be compared.
    /// </summary>
    public double? ProcessorMsPerRequest => Requests == 0 ? null : ProcessorTime?.TotalMilliseconds / Requests;

    /// <summary>Nearest-rank percentile, in milliseconds.</summary>
    public double Percentile(double p) =>
        SortedMilliseconds.Length == 0 ? double.NaN : SortedMilliseconds[Math.Max(0, (int)Math.Ceiling(p * SortedMilliseconds.Length) - 1)];

    public string Ms(double p) => Percentile(p).ToString(Percentile(p) < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);
}

/// <summary>
/// A closed-loop HTTP load generator, like wrk: each connection sends its next request as soon as
/// the previous answer is read, for a fixed time. One HTTP/1.1 connection per worker; redirects
/// and non-2xx answers count as errors. Loopback only: the bench serves the app itself.
/// </summary>
internal static class LoadGenerator
{
    public static async Task<LoadResult> RunAsync(Uri baseAddress, int connections, TimeSpan duration, Func<int, string> path, string? cookie = null,
        string? bearer = null)
    {
        var clients = Enumerable.Range(0, connections).Select(_ => NewClient(baseAddress, cookie, bearer)).ToArray();
        try
        {
            var next = 0;
            var processorBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var started = Stopwatch.GetTimestamp();
            var workers = clients.Select(client => Task.Run(async () =>
            {
                var samples = new List<double>(4096);
                // Each answer is read to its end into one buffer per connection, as wrk does, rather
                // than into a new array per answer: the generator shares the cores with the server it measures.
                var body = new byte[16 * 1024];
                var errors = 0;
                string? firstError = null;
                while (Stopwatch.GetElapsedTime(started) < duration)
                {
                    var target = path(Interlocked.Increment(ref next));
                    var sent = Stopwatch.GetTimestamp();
                    try
                    {
                        using var response = await client.GetAsync(target, HttpCompletionOption.ResponseHeadersRead);
                        await using (var content = await response.Content.ReadAsStreamAsync())
                        {
                            while (await content.ReadAsync(body) > 0)
                            {
                            }
                        }

                        if (response.StatusCode != HttpStatusCode.OK)
                        {
                            errors++;
                            firstError ??= $"{(int)response.StatusCode} for {target}";
                        }
                    }
                    catch (HttpRequestException e)
                    {
                        errors++;
                        firstError ??= $"{e.Message} for {target}";
                    }

                    samples.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                }

                return (samples, errors, firstError);
            })).ToArray();
            var results = await Task.WhenAll(workers);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var processorTime = Process.GetCurrentProcess().TotalProcessorTime - processorBefore;
            var all = results.SelectMany(r => r.samples).ToArray();
            Array.Sort(all);
            return new LoadResult(all.Length, results.Sum(r => r.errors), elapsed, all, results.Select(r => r.firstError).FirstOrDefault(e => e is not null),
                processorTime);
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>Sends each request once, one after another (to fill the cache before a warm run).</summary>
    public static async Task SendEachAsync(Uri baseAddress, IEnumerable<string> paths, string? cookie, string? bearer)
    {
        using var client = NewClient(baseAddress, cookie, bearer);
        foreach (var path in paths)
        {
            using var response = await client.GetAsync(path);
            response.EnsureSuccessStatusCode();
        }
    }

    /// <summary>A client that sends as one user (a cookie or a token) over at most <paramref name="connections"/> connections.</summary>
    public static HttpClient NewClient(Uri baseAddress, string? cookie, string? bearer, int connections = 1)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            UseCookies = false,
            AllowAutoRedirect = false,
            UseProxy = false,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        if (cookie is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", cookie);
        }

        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }
}
