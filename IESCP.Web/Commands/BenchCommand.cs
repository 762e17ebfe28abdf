using System.Globalization;
using System.Net;
using IESCP.Data.ApiTokens;
using IESCP.Data.Identity;
using IESCP.Data.Seeding;
using Microsoft.AspNetCore.Identity;

namespace IESCP.Web.Commands;

/// <summary>
/// <c>bench [--port 0] [--seconds 10] [--warm-up 30] [--connections 16] [--cold-start true] [--circuits 200]</c>:
/// measures a seeded database: a fresh process's start and idle memory, then, served from this
/// process on loopback, open tabs (the server's managed heap per circuit, click-to-render), API and
/// page searches with varying filters (never cached) and with a warm cache, and a trivial endpoint
/// for the ceiling; prints one table.
/// </summary>
internal static class BenchCommand
{
    public static BenchOptions ParseOptions(IReadOnlyList<string> args)
    {
        var options = CommandOptions.Parse(args, ["port", "seconds", "warm-up", "connections", "cold-start", "circuits"]);
        return new BenchOptions(options.Int("port", 0), TimeSpan.FromSeconds(options.Int("seconds", 10, min: 1)), TimeSpan.FromSeconds(options.Int("warm-up", 30)),
            options.Int("connections", 16, min: 1), options.Bool("cold-start", true), options.Int("circuits", 200));
    }

    public static void Listen(WebApplicationBuilder builder, int port) =>
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));

    public static async Task<int> RunAsync(WebApplication app, BenchOptions options)
    {
        var logins = await app.Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope().ServiceProvider
            .GetRequiredService<DataGenerator>().FindSampleLoginsAsync();
        if (logins is null)
        {
            await Console.Error.WriteLineAsync("No generated sponsor and influencer in this database: run the seed command first.");
            return 1;
        }

        var table = new BenchTable(app.Configuration, options);
        if (options.ColdStart)
        {
            var (first, restart) = await ColdStartProbe.MeasureAsync(app.Configuration, FreePort());
            foreach (var (name, run) in new[] { ("first start", first), ("restart, compiled methods recorded", restart) })
            {
                table.Add($"cold start to first page, {name}", Milliseconds(run.ToFirstPage), "≤ 2000 ms", run.ToFirstPage <= TimeSpan.FromSeconds(2));
                table.Add("processor time used until then (all threads)", Milliseconds(run.ProcessorTime), "", null);
            }

            table.Add("idle memory (RSS) after the restart", $"{restart.IdleRssBytes!.Value / 1024.0 / 1024.0:0} MB", "", null);
        }

        await app.StartAsync();
        try
        {
            var address = new Uri(app.Urls.First());
            Console.WriteLine($"Serving on {address}; signing in as {logins.SponsorEmail} and {logins.InfluencerEmail}.");
            using var sponsorPages = await BenchClient.SignInAsync(address, logins.SponsorEmail, DataGenerator.Password);
            using var influencerPages = await BenchClient.SignInAsync(address, logins.InfluencerEmail, DataGenerator.Password);
            if (options.Circuits > 0)
            {
                // First, while the cache holds only what the tabs read: entries of the load runs
                // expiring during the measurement would hide part of what the circuits keep.
                Console.WriteLine($"  {options.Circuits} open tabs…");
                await CircuitBench.RunAsync(address, sponsorPages.CookieHeader, options, table);
            }

            var tokens = app.Services.GetRequiredService<ApiTokenRepository>();
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var sponsor = new Actor((await users.FindByEmailAsync(logins.SponsorEmail))!.Id, Roles.Sponsor);
            var influencer = new Actor((await users.FindByEmailAsync(logins.InfluencerEmail))!.Id, Roles.Influencer);
            var sponsorToken = (await tokens.CreateAsync(sponsor, new ApiTokenInput { Name = "bench" })).Value!;
            var influencerToken = (await tokens.CreateAsync(influencer, new ApiTokenInput { Name = "bench" })).Value!;
            try
            {
                var runner = new BenchRunner(address, options, table);
                await runner.RunAllAsync(sponsorToken.Token, influencerToken.Token, sponsorPages.CookieHeader, influencerPages.CookieHeader);
            }
            finally
            {
                await tokens.RevokeAsync(sponsor, sponsorToken.Id);
                await tokens.RevokeAsync(influencer, influencerToken.Id);
            }

            table.Print(Console.Out);
            return 0;
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("0 ms", CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

internal sealed record BenchOptions(int Port, TimeSpan RunTime, TimeSpan WarmUp, int Connections, bool ColdStart, int Circuits);
