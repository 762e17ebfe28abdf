using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using IESCP.Data;
using IESCP.Data.AdRequests;
using IESCP.Data.ApiTokens;
using IESCP.Data.Identity;
using IESCP.Data.Seeding;
using IESCP.Data.Sponsors;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using static IESCP.Web.Commands.BenchWorkloads;

namespace IESCP.Web.Commands;

/// <summary>
/// <c>soak [--minutes 10] [--rate 40] [--connections 16] [--port 0]</c>: serves the app on loopback
/// and sends it mixed traffic at a steady rate for a long while: searches (API and pages, never
/// the same filters twice), page loads, API reads, and ad-request moves through the API as a
/// seeded sponsor and influencer (send, counter, withdraw, over and over). Every minute it prints
/// throughput, errors, p50/p95 and the process's memory (resident, and the managed heap after a
/// full collection); at the end, the whole run and memory at start against the end.
/// </summary>
internal static class SoakCommand
{
    public static SoakOptions ParseOptions(IReadOnlyList<string> args)
    {
        var options = CommandOptions.Parse(args, ["minutes", "rate", "connections", "port"]);
        return new SoakOptions(options.Int("port", 0), TimeSpan.FromMinutes(options.Int("minutes", 10, min: 1)), options.Int("rate", 40, min: 1),
            options.Int("connections", 16, min: 1));
    }

    public static async Task<int> RunAsync(WebApplication app, SoakOptions options)
    {
        var logins = await app.Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope().ServiceProvider
            .GetRequiredService<DataGenerator>().FindSampleLoginsAsync();
        if (logins is null)
        {
            await Console.Error.WriteLineAsync("No generated sponsor and influencer in this database: run the seed command first.");
            return 1;
        }

        await app.StartAsync();
        try
        {
            var address = new Uri(app.Urls.First());
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var influencer = new Actor((await users.FindByEmailAsync(logins.InfluencerEmail))!.Id, Roles.Influencer);
            var (sponsor, sponsorEmail, chains) = await NegotiationsAsync(app.Services, influencer);
            var tokens = app.Services.GetRequiredService<ApiTokenRepository>();
            var sponsorToken = (await tokens.CreateAsync(sponsor, new ApiTokenInput { Name = "soak" })).Value!;
            var influencerToken = (await tokens.CreateAsync(influencer, new ApiTokenInput { Name = "soak" })).Value!;
            try
            {
                using var sponsorPages = await BenchClient.SignInAsync(address, sponsorEmail, DataGenerator.Password);
                using var influencerPages = await BenchClient.SignInAsync(address, logins.InfluencerEmail, DataGenerator.Password);
                Console.WriteLine($"Serving on {address}; {options.Rate} requests/s for {options.Duration.TotalMinutes:0} min as {sponsorEmail} and "
                    + $"{logins.InfluencerEmail}; {chains.Count} campaigns for ad-request moves; {Environment.ProcessorCount} cores, load average {LoadAverage()}.");
                using var clients = new SoakClients(address, options.Connections, sponsorPages.CookieHeader, influencerPages.CookieHeader,
                    sponsorToken.Token, influencerToken.Token);
                var run = new SoakRun(clients, Mix(chains), options);
                var report = await run.RunAsync(Console.Out);
                report.Print(Console.Out, options);
                return report.Errors == 0 ? 0 : 3;
            }
            finally
            {
                await tokens.RevokeAsync(sponsor, sponsorToken.Id);
                await tokens.RevokeAsync(influencer, influencerToken.Id);
            }
        }
        finally
        {
            await app.StopAsync();
        }
    }

    /// <summary>
    /// The traffic, one entry per request in a cycle of 20: 8 searches, 6 page loads, 3 API reads,
    /// 3 ad-request moves. Each takes the request's number (searches never repeat their filters).
    /// </summary>
    private static IReadOnlyList<(string Kind, Func<SoakClients, int, Task<HttpResponseMessage>> Send)> Mix(IReadOnlyList<Negotiation> chains)
    {
        var next = 0;
        Task<HttpResponseMessage> Move(SoakClients c, int _)
        {
            // Each move advances one campaign's negotiation; a campaign busy with a move is skipped.
            for (var tries = 0; tries < chains.Count; tries++)
            {
                var chain = chains[(int)((uint)Interlocked.Increment(ref next) % chains.Count)];
                if (chain.TryEnter())
                {
                    return chain.MoveAsync(c);
                }
            }

            return c.SponsorApi.GetAsync("/api/v1/me/ad-requests?page=1");
        }

        return
        [
            ("search: API influencers", (c, n) => c.SponsorApi.GetAsync(InfluencerApi(n))),
            ("search: API campaigns", (c, n) => c.InfluencerApi.GetAsync(CampaignApi(n))),
            ("search: page influencers", (c, n) => c.SponsorPages.GetAsync(InfluencerPage(n))),
            ("search: page campaigns", (c, n) => c.InfluencerPages.GetAsync(CampaignPage(n))),
            ("page: sponsor dashboard", (c, _) => c.SponsorPages.GetAsync("/sponsor")),
            ("ad-request move", Move),
            ("search: API influencers", (c, n) => c.SponsorApi.GetAsync(InfluencerApi(n))),
            ("page: influencer dashboard", (c, _) => c.InfluencerPages.GetAsync("/influencer")),
            ("API: my ad requests", (c, n) => c.InfluencerApi.GetAsync($"/api/v1/me/ad-requests?page={n % 3 + 1}")),
            ("search: API campaigns", (c, n) => c.InfluencerApi.GetAsync(CampaignApi(n))),
            ("page: sponsor campaigns", (c, _) => c.SponsorPages.GetAsync("/sponsor/campaigns")),
            ("ad-request move", Move),
            ("search: page influencers", (c, n) => c.SponsorPages.GetAsync(InfluencerPage(n))),
            ("page: influencer requests", (c, _) => c.InfluencerPages.GetAsync("/influencer/requests")),
            ("API: my campaigns", (c, n) => c.SponsorApi.GetAsync($"/api/v1/me/campaigns?page={n % 3 + 1}")),
            ("search: page campaigns", (c, n) => c.InfluencerPages.GetAsync(CampaignPage(n))),
            ("page: sponsor requests", (c, _) => c.SponsorPages.GetAsync("/sponsor/requests")),
            ("ad-request move", Move),
            ("API: an influencer's profile", (c, _) => c.SponsorApi.GetAsync($"/api/v1/influencers/{chains[0].InfluencerId}")),
            ("page: notifications", (c, _) => c.InfluencerPages.GetAsync("/notifications")),
        ];
    }

    /// <summary>
    /// A generated, approved sponsor in good standing with running campaigns, and up to 8 of them
    /// with nothing open with the influencer, each to negotiate on over and over.
    /// </summary>
    private static async Task<(Actor Sponsor, string Email, IReadOnlyList<Negotiation> Chains)> NegotiationsAsync(IServiceProvider services, Actor influencer)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<IescpDbContext>>().CreateDbContextAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var influencerId = await db.Influencers.Where(i => i.UserId == influencer.UserId).Select(i => i.Id).SingleAsync();
        var open = new[] { AdRequestStatus.Pending, AdRequestStatus.Negotiating, AdRequestStatus.Accepted, AdRequestStatus.Paid };
        var suffix = "@" + DataGenerator.EmailDomain;
        var running = db.Campaigns.Where(c => c.DeletedAt == null && !c.IsFlagged && c.EndDate >= today
            && !db.AdRequests.Any(r => r.CampaignId == c.Id && r.InfluencerId == influencerId && open.Contains(r.Status)));
        var sponsor = await running
            .Where(c => c.Sponsor!.Status == ApprovalStatus.Approved && !c.Sponsor.User!.IsFlagged && c.Sponsor.User.DeletedAt == null
                && c.Sponsor.User.Email!.EndsWith(suffix))
            .OrderBy(c => c.Id).Select(c => new { c.Sponsor!.UserId, c.Sponsor.User!.Email }).FirstOrDefaultAsync()
            ?? throw new ArgumentException("No generated sponsor has a running campaign to send requests on: seed the database again.");
        var campaigns = await running.Where(c => c.Sponsor!.UserId == sponsor.UserId).OrderBy(c => c.Id).Select(c => c.Id).Take(8).ToListAsync();
        return (new Actor(sponsor.UserId, Roles.Sponsor), sponsor.Email!, [.. campaigns.Select(id => new Negotiation(id, influencerId))]);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>
    /// One campaign's negotiation, three moves over and over as real users make them: the sponsor
    /// sends a request, the influencer counters, the sponsor withdraws it (which frees the pair for
    /// the next request).
    /// </summary>
    private sealed class Negotiation(int campaignId, int influencerId)
    {
        private int busy;
        private int step;
        private int requestId;
        private int round;

        public int InfluencerId => influencerId;

        public bool TryEnter() => Interlocked.Exchange(ref busy, 1) == 0;

        public async Task<HttpResponseMessage> MoveAsync(SoakClients clients)
        {
            try
            {
                var cents = 10_000 + ++round % 5_000;
                switch (step)
                {
                    case 0:
                        var sent = await clients.SponsorApi.PostAsJsonAsync("/api/v1/ad-requests",
                            new { campaignId, influencerId, payment = cents / 100m, requirements = $"Soak round {round}: one post", message = "Hello" });
                        if (sent.StatusCode == HttpStatusCode.Created)
                        {
                            requestId = (await sent.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("summary").GetProperty("id").GetInt32();
                            step = 1;
                        }

                        return sent;
                    case 1:
                        var countered = await clients.InfluencerApi.PostAsJsonAsync($"/api/v1/ad-requests/{requestId}/counter",
                            new { seenRevision = 1, payment = (cents + 500) / 100m, requirements = $"Soak round {round}: one post and a story" });
                        step = countered.IsSuccessStatusCode ? 2 : step;
                        return countered;
                    default:
                        var withdrawn = await clients.SponsorApi.PostAsync($"/api/v1/ad-requests/{requestId}/withdraw", null);
                        step = withdrawn.IsSuccessStatusCode ? 0 : step;
                        return withdrawn;
                }
            }
            finally
            {
                Interlocked.Exchange(ref busy, 0);
            }
        }
    }
}

internal sealed record SoakOptions(int Port, TimeSpan Duration, int Rate, int Connections);

/// <summary>The four identities of the soak, each a pooled HTTP client: pages by cookie, the API by token.</summary>
internal sealed class SoakClients(Uri address, int connections, string sponsorCookie, string influencerCookie, string sponsorToken, string influencerToken)
    : IDisposable
{
    public HttpClient SponsorPages { get; } = LoadGenerator.NewClient(address, sponsorCookie, null, connections);

    public HttpClient InfluencerPages { get; } = LoadGenerator.NewClient(address, influencerCookie, null, connections);

    public HttpClient SponsorApi { get; } = LoadGenerator.NewClient(address, null, sponsorToken, connections);

    public HttpClient InfluencerApi { get; } = LoadGenerator.NewClient(address, null, influencerToken, connections);

    public void Dispose()
    {
        SponsorPages.Dispose();
        InfluencerPages.Dispose();
        SponsorApi.Dispose();
        InfluencerApi.Dispose();
    }
}

/// <summary>
/// Sends the mix at a steady rate (open loop: request n starts at n / rate seconds, whatever the
/// answers before it; at most --connections at once, so an overloaded server shows as a lower
/// rate than asked), and samples latency and memory minute by minute.
/// </summary>
internal sealed class SoakRun(SoakClients clients, IReadOnlyList<(string Kind, Func<SoakClients, int, Task<HttpResponseMessage>> Send)> mix, SoakOptions options)
{
    private readonly object gate = new();
    private readonly Dictionary<string, int> errorsByKind = [];
    private List<double> minuteSamples = [];
    private int minuteErrors;

    public async Task<SoakReport> RunAsync(TextWriter output)
    {
        var report = new SoakReport();
        report.Minutes.Add(SoakMinute.Sample(0, [], 0, TimeSpan.FromMinutes(1)));
        output.WriteLine("minute | requests | rps | errors | p50 ms | p95 ms | RSS MB | heap MB (live)");
        output.WriteLine(report.Minutes[0].Line());
        var slots = new SemaphoreSlim(options.Connections);
        var interval = TimeSpan.FromSeconds(1.0 / options.Rate);
        var started = Stopwatch.GetTimestamp();
        var inFlight = new List<Task>();
        var all = new List<double>();
        var minute = 1;
        for (var n = 0; ; n++)
        {
            var due = interval * n;
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (elapsed >= TimeSpan.FromMinutes(minute))
            {
                var (samples, errors) = TakeMinute();
                all.AddRange(samples);
                report.Minutes.Add(SoakMinute.Sample(minute, samples, errors, TimeSpan.FromMinutes(1)));
                output.WriteLine(report.Minutes[^1].Line());
                minute++;
            }

            if (elapsed >= options.Duration)
            {
                break;
            }

            if (due > elapsed)
            {
                await Task.Delay(due - elapsed);
            }

            await slots.WaitAsync();
            var (kind, send) = mix[n % mix.Count];
            var number = n;
            inFlight.Add(Task.Run(async () =>
            {
                try
                {
                    await SendAsync(kind, () => send(clients, number));
                }
                finally
                {
                    slots.Release();
                }
            }));
            inFlight.RemoveAll(t => t.IsCompleted);
        }

        await Task.WhenAll(inFlight);
        var (rest, restErrors) = TakeMinute();
        all.AddRange(rest);
        report.Finish(all, report.Minutes.Sum(m => m.Errors) + restErrors, Stopwatch.GetElapsedTime(started), errorsByKind);
        return report;
    }

    private async Task SendAsync(string kind, Func<Task<HttpResponseMessage>> send)
    {
        var sent = Stopwatch.GetTimestamp();
        bool ok;
        try
        {
            using var response = await send();
            await response.Content.ReadAsByteArrayAsync();
            ok = response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            ok = false;
        }

        var ms = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
        lock (gate)
        {
            minuteSamples.Add(ms);
            if (!ok)
            {
                minuteErrors++;
                errorsByKind[kind] = errorsByKind.GetValueOrDefault(kind) + 1;
            }
        }
    }

    private (List<double> Samples, int Errors) TakeMinute()
    {
        lock (gate)
        {
            var taken = (minuteSamples, minuteErrors);
            (minuteSamples, minuteErrors) = ([], 0);
            return taken;
        }
    }
}

/// <summary>One minute of the soak: what was answered in it, and the process's memory at its end.</summary>
internal sealed record SoakMinute(int Minute, int Requests, double Rps, int Errors, LoadResult Latency, long RssBytes, long LiveHeapBytes)
{
    public static SoakMinute Sample(int minute, List<double> samples, int errors, TimeSpan length)
    {
        var sorted = samples.ToArray();
        Array.Sort(sorted);
        return new SoakMinute(minute, sorted.Length, sorted.Length / length.TotalSeconds, errors, new LoadResult(sorted.Length, errors, length, sorted, null),
            Memory.ResidentBytes(Environment.ProcessId), GC.GetTotalMemory(forceFullCollection: true));
    }

    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"{(Minute == 0 ? "start" : Minute.ToString(CultureInfo.InvariantCulture)),6} | {Requests,8:N0} | {Rps,5:0.0} | {Errors,6} | {(Requests == 0 ? "-" : Latency.Ms(0.50)),6} | {(Requests == 0 ? "-" : Latency.Ms(0.95)),6} | {Memory.Megabytes(RssBytes),6} | {Memory.Megabytes(LiveHeapBytes),6}");
}

internal sealed class SoakReport
{
    public List<SoakMinute> Minutes { get; } = [];

    public int Errors { get; private set; }

    private LoadResult whole = new(0, 0, TimeSpan.Zero, [], null);
    private IReadOnlyDictionary<string, int> errorsByKind = new Dictionary<string, int>();

    public void Finish(List<double> samples, int errors, TimeSpan elapsed, IReadOnlyDictionary<string, int> byKind)
    {
        var sorted = samples.ToArray();
        Array.Sort(sorted);
        whole = new LoadResult(sorted.Length, errors, elapsed, sorted, null);
        Errors = errors;
        errorsByKind = byKind;
    }

    public void Print(TextWriter output, SoakOptions options)
    {
        var (start, end) = (Minutes[0], Minutes[^1]);
        // The trend of the live heap over the second half of the run (the first minutes include warm-up).
        var later = Minutes.Skip(1).Skip(Math.Max(0, (Minutes.Count - 1) / 2)).ToList();
        output.WriteLine();
        var load = File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        output.WriteLine(FormattableString.Invariant(
            $"IESCP soak: {whole.Requests:N0} requests in {whole.Elapsed.TotalMinutes:0.0} min, {whole.RequestsPerSecond:0.0} rps (asked {options.Rate}), {Errors} errors, p50 {whole.Ms(0.50)} ms, p95 {whole.Ms(0.95)} ms, p99 {whole.Ms(0.99)} ms; {Environment.ProcessorCount} cores, load average now {load}"));
        var trend = later.Count >= 2 ? FormattableString.Invariant($"; over the second half {Memory.Megabytes(later[0].LiveHeapBytes)} → {Memory.Megabytes(later[^1].LiveHeapBytes)} MB") : "";
        output.WriteLine(FormattableString.Invariant(
            $"memory: RSS {Memory.Megabytes(start.RssBytes)} MB at start → {Memory.Megabytes(end.RssBytes)} MB at the end; live managed heap {Memory.Megabytes(start.LiveHeapBytes)} MB → {Memory.Megabytes(end.LiveHeapBytes)} MB{trend}"));
        if (errorsByKind.Count > 0)
        {
            output.WriteLine("errors by kind: " + string.Join(", ", errorsByKind.Select(e => $"{e.Key} {e.Value}")));
        }
    }
}

/// <summary>The process's memory, as the soak and the bench read it.</summary>
internal static class Memory
{
    /// <summary>VmRSS from /proc (Linux); 0 where it is not there.</summary>
    public static long ResidentBytes(int pid)
    {
        var status = $"/proc/{pid}/status";
        if (!File.Exists(status))
        {
            return 0;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    public static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0", CultureInfo.InvariantCulture);
}
