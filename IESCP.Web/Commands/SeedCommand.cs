using IESCP.Data.Seeding;

namespace IESCP.Web.Commands;

/// <summary>
/// <c>seed [--influencers N] [--sponsors N] [--campaigns N] [--requests N] [--random-seed N]</c>:
/// adds generated users, campaigns and ad requests to the configured database.
/// </summary>
internal static class SeedCommand
{
    public static GeneratorOptions ParseOptions(IReadOnlyList<string> args)
    {
        var options = CommandOptions.Parse(args, ["influencers", "sponsors", "campaigns", "requests", "random-seed"]);
        var defaults = new GeneratorOptions();
        return new GeneratorOptions(
            options.Int("influencers", defaults.Influencers),
            options.Int("sponsors", defaults.Sponsors),
            options.Int("campaigns", defaults.Campaigns),
            options.Int("requests", defaults.Requests),
            options.Int("random-seed", defaults.RandomSeed));
    }

    public static async Task<int> RunAsync(IServiceProvider services, GeneratorOptions options)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<DataGenerator>().GenerateAsync(options, Console.WriteLine);
        Console.WriteLine($"Seeded {result.Rows:N0} rows in {result.Elapsed.TotalSeconds:0.0} s ({result.Rows / Math.Max(result.Elapsed.TotalSeconds, 0.001):N0} rows/s).");
        if (result.Logins is { } logins)
        {
            Console.WriteLine($"Every generated account's password is {DataGenerator.Password}. For example:");
            Console.WriteLine($"  sponsor (approved): {logins.SponsorEmail}");
            Console.WriteLine($"  influencer:         {logins.InfluencerEmail}");
        }

        return 0;
    }
}
