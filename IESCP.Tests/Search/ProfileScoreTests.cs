using System.Diagnostics;
using IESCP.Data.Influencers;
using IESCP.Data.Search;
using IESCP.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Tests.Search;

/// <summary>
/// The relevance score is indexed, so every SQLite build must compute it alike: the reach (a
/// logarithm) is computed in C# and stored; SQLite only adds and divides. Debian's own sqlite3
/// once reported index rows missing because its log10 rounds differently.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ProfileScoreTests : DatabaseTest
{
    private const string DebianSqlite = "/usr/bin/sqlite3";

    [Fact]
    public async Task Reach_is_stored_from_the_csharp_formula_when_signing_up_and_when_the_profile_changes()
    {
        var influencer = await Db.CreateInfluencerAsync(followers: 123_457);
        Assert.Equal(Relevance.Reach(123_457), await ReachAsync(influencer.UserId));

        var profile = ProfileInput.From((await Db.Get<InfluencerRepository>().GetOwnProfileAsync(influencer))!);
        profile.Followers = 9_876_543;
        Assert.True((await Db.Get<InfluencerRepository>().UpdateOwnProfileAsync(influencer, profile)).Succeeded);

        Assert.Equal(Relevance.Reach(9_876_543), await ReachAsync(influencer.UserId));
    }

    [Fact]
    public async Task Debians_sqlite3_finds_the_database_with_its_score_indexes_intact()
    {
        Assert.True(File.Exists(DebianSqlite), "sqlite3 is not installed; run ./test.sh, which installs it.");
        var random = new Random(14);
        for (var n = 0; n < 40; n++)
        {
            var influencer = await Db.CreateInfluencerAsync($"Creator {n}", followers: random.Next(0, 80_000_000));
            await Db.SetTrackRecordAsync(influencer, 30, random.Next(0, 30), random.Next(0, 10), random.Next(0, 50), random.Next(0, 10));
        }

        await using (var db = await Db.ContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        Assert.Equal("ok", await RunAsync(DebianSqlite, Db.DatabaseFile, "PRAGMA integrity_check;"));
    }

    private async Task<double> ReachAsync(string userId)
    {
        await using var db = await Db.ContextAsync();
        return await db.Influencers.Where(i => i.UserId == userId).Select(i => i.ReachScore).SingleAsync();
    }

    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (output + errors).Trim();
    }
}
