using IESCP.Data.Database;

namespace IESCP.Web.Commands;

/// <summary>
/// "seed", "bench", "bench-jobs", "soak" and "backup" run with the app's own configuration and services
/// instead of serving: <c>dotnet run --project IESCP.Web -c Release -- seed --influencers 100000</c>.
/// "bench-circuit-client" is the bench's own tabs, started by "bench".
/// </summary>
internal static class CommandLine
{
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && args[0] is "seed" or "bench" or "bench-jobs" or "soak" or "backup" or "bench-circuit-client";

    public static async Task<int> RunAsync(WebApplicationBuilder builder, string[] args)
    {
        var rest = args[1..];
        try
        {
            if (args[0] == "bench-jobs")
            {
                return await BenchJobsCommand.RunAsync(args[1..], BenchJobsCommand.ParseSmallExport(rest));
            }

            if (args[0] == "bench-circuit-client")
            {
                return await CircuitClientCommand.RunAsync(rest);
            }

            if (args[0] == "seed")
            {
                var options = SeedCommand.ParseOptions(rest);
                await using var app = builder.Build();
                await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
                return await SeedCommand.RunAsync(app.Services, options);
            }

            if (args[0] == "backup")
            {
                var target = BackupCommand.ParseTarget(rest);
                await using var app = builder.Build();
                return await BackupCommand.RunAsync(app.Services, target);
            }

            if (args[0] == "soak")
            {
                var soakOptions = SoakCommand.ParseOptions(rest);
                BenchCommand.Listen(builder, soakOptions.Port);
                await using var soaked = builder.Build();
                soaked.UseIescpWeb();
                await soaked.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
                return await SoakCommand.RunAsync(soaked, soakOptions);
            }

            var benchOptions = BenchCommand.ParseOptions(rest);
            BenchCommand.Listen(builder, benchOptions.Port);
            await using var server = builder.Build();
            server.UseIescpWeb();
            await server.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            return await BenchCommand.RunAsync(server, benchOptions);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 2;
        }
    }
}
