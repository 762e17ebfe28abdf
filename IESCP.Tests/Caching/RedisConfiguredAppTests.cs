using IESCP.Data.Sponsors;
using IESCP.Tests.Infrastructure;
using StackExchange.Redis;

namespace IESCP.Tests.Caching;

/// <summary>With ConnectionStrings:Redis set, the app's hot reads go through the real Redis server.</summary>
[Trait("Category", "Integration")]
public sealed class RedisConfiguredAppTests : IAsyncLifetime
{
    private readonly RedisServer redis = new();
    private RedisApp app = default!;

    public async Task InitializeAsync()
    {
        await redis.InitializeAsync();
        app = new RedisApp(redis.ConnectionString);
        await app.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await app.DisposeAsync();
        await redis.DisposeAsync();
    }

    [Fact]
    public async Task A_sponsor_status_is_cached_in_redis_and_an_approval_invalidates_it()
    {
        var sponsor = await app.Users.SponsorAsync(approved: false);
        var sponsors = app.Get<SponsorRepository>();
        using var connection = await redis.ConnectAsync();
        await RedisServer.WaitUntilConnectedAsync(app.Get<IConnectionMultiplexer>());
        var key = $"iescp:sponsor-status:{sponsor.UserId}";

        Assert.Equal(ApprovalStatus.Pending, await sponsors.GetStatusAsync(sponsor.UserId));
        Assert.True(await connection.GetDatabase().KeyExistsAsync(key));

        var profile = await sponsors.GetOwnProfileAsync(sponsor.Actor);
        await sponsors.DecideAsync(await app.Users.AdminAsync(), profile!.Id, ApprovalStatus.Approved);

        Assert.False(await connection.GetDatabase().KeyExistsAsync(key));
        Assert.Equal(ApprovalStatus.Approved, await sponsors.GetStatusAsync(sponsor.UserId));
    }

    private sealed class RedisApp(string redis) : IescpApp(new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis });
}
