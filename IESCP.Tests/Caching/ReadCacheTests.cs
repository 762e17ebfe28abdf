using IESCP.Data.Caching;
using IESCP.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace IESCP.Tests.Caching;

/// <summary>The cache only accelerates: with Redis gone, reads come from the source and nothing fails.</summary>
[Trait("Category", "Integration")]
public sealed class ReadCacheTests
{
    [Fact]
    public async Task Reads_are_served_from_redis_while_it_is_up_and_from_the_source_when_it_is_down()
    {
        var redis = new RedisServer();
        await redis.InitializeAsync();
        var options = ConfigurationOptions.Parse(redis.ConnectionString);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 500;
        options.SyncTimeout = 500;
        using var connection = await ConnectionMultiplexer.ConnectAsync(options);
        var cache = new ReadCache(new RedisDistributedCache(connection, $"test-{Guid.NewGuid():N}:"), NullLogger<ReadCache>.Instance);
        var loads = 0;
        Task<int> Load() => Task.FromResult(++loads);

        Assert.Equal(1, await cache.GetOrCreateAsync("k", TimeSpan.FromMinutes(1), Load));
        Assert.Equal(1, await cache.GetOrCreateAsync("k", TimeSpan.FromMinutes(1), Load));

        await redis.DisposeAsync();
        Assert.Equal(2, await cache.GetOrCreateAsync("k", TimeSpan.FromMinutes(1), Load));
        Assert.Equal(3, await cache.GetOrCreateAsync("k", TimeSpan.FromMinutes(1), Load));
        await cache.InvalidateAsync("k");
    }
}
