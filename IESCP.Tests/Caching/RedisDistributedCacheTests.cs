using System.Text;
using IESCP.Data.Caching;
using IESCP.Tests.Infrastructure;
using Microsoft.Extensions.Caching.Distributed;
using StackExchange.Redis;

namespace IESCP.Tests.Caching;

[Trait("Category", "Integration")]
public sealed class RedisDistributedCacheTests(RedisServer redis) : IClassFixture<RedisServer>, IAsyncLifetime
{
    private ConnectionMultiplexer connection = default!;
    private RedisDistributedCache cache = default!;

    public async Task InitializeAsync()
    {
        connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        cache = new RedisDistributedCache(connection, $"test-{Guid.NewGuid():N}:");
    }

    public Task DisposeAsync()
    {
        connection.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_stored_value_is_read_back_and_removed()
    {
        await cache.SetStringAsync("greeting", "hello");
        Assert.Equal("hello", await cache.GetStringAsync("greeting"));

        await cache.RemoveAsync("greeting");
        Assert.Null(await cache.GetAsync("greeting"));
    }

    [Fact]
    public async Task An_entry_expires_at_its_absolute_expiration()
    {
        await cache.SetAsync("short", Encoding.UTF8.GetBytes("x"),
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMilliseconds(300) });
        Assert.NotNull(await cache.GetAsync("short"));

        await Task.Delay(800);
        Assert.Null(await cache.GetAsync("short"));
    }

    [Fact]
    public async Task Reading_an_entry_slides_its_expiration()
    {
        await cache.SetAsync("sliding", Encoding.UTF8.GetBytes("x"),
            new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromSeconds(1) });
        for (var i = 0; i < 4; i++)
        {
            await Task.Delay(500);
            Assert.NotNull(await cache.GetAsync("sliding"));
        }

        await Task.Delay(1500);
        Assert.Null(await cache.GetAsync("sliding"));
    }
}
