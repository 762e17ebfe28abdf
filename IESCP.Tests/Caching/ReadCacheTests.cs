using IESCP.Data.Caching;
using IESCP.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace IESCP.Tests.Caching;

/// <summary>The cache only accelerates: with Redis gone, reads come from the source and nothing fails.</summary>
[Trait("Category", "Integration")]
public sealed class ReadCacheTests : IAsyncLifetime
{
    private readonly RedisServer redis = new();

    public Task InitializeAsync() => redis.InitializeAsync();

    public Task DisposeAsync() => redis.DisposeAsync();

    [Fact]
    public async Task Reads_come_from_redis_while_it_is_up_from_the_source_while_it_is_down_and_from_redis_again_after()
    {
        using var connection = await redis.ConnectAsync();
        var cache = new ReadCache(new RedisDistributedCache(connection, $"test-{Guid.NewGuid():N}:"), NullLogger<ReadCache>.Instance);
        var loads = 0;
        Task<int> Load() => Task.FromResult(++loads);
        Task<int> ReadAsync() => cache.GetOrCreateAsync("k", TimeSpan.FromMinutes(1), Load);

        Assert.Equal(1, await ReadAsync());
        Assert.Equal(1, await ReadAsync());
        await cache.InvalidateAsync("k");
        Assert.Equal(2, await ReadAsync());
        Assert.Equal(2, await ReadAsync());

        redis.Stop();
        await RedisServer.WaitUntilDisconnectedAsync(connection);
        Assert.Equal(3, await ReadAsync());
        Assert.Equal(4, await ReadAsync());
        await cache.InvalidateAsync("k"); // refused by the dead server, and swallowed

        await redis.StartAsync();
        await RedisServer.WaitUntilConnectedAsync(connection);
        Assert.Equal(5, await ReadAsync());
        Assert.Equal(5, await ReadAsync());
    }
}
