using System.Text;
using IESCP.Data.Caching;
using IESCP.Tests.Infrastructure;
using Microsoft.Extensions.Caching.Distributed;
using StackExchange.Redis;

namespace IESCP.Tests.Caching;

/// <summary>
/// The cache adapter against a real redis-server. Expiry is Redis's own, on Redis's clock. A test
/// never counts on its next command reaching Redis within some time (a pause of the test process,
/// such as another test starting an app beside it, can last longer than any short lifetime): what
/// it reads right after a write is checked against lifetimes of a minute or more, and what must
/// expire is waited for, with a deadline.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RedisDistributedCacheTests(RedisServer redis) : IClassFixture<RedisServer>, IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private ConnectionMultiplexer connection = default!;
    private RedisDistributedCache cache = default!;
    private string prefix = "";

    public async Task InitializeAsync()
    {
        connection = await redis.ConnectAsync();
        prefix = $"test-{Guid.NewGuid():N}:";
        cache = new RedisDistributedCache(connection, prefix);
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
        Assert.False(await connection.GetDatabase().KeyExistsAsync(prefix + "greeting"));
    }

    [Fact]
    public async Task An_entry_expires_at_its_absolute_expiration()
    {
        var lifetime = TimeSpan.FromMinutes(1);
        await cache.SetAsync("minute", Encoding.UTF8.GetBytes("x"),
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime });
        var ttl = await connection.GetDatabase().KeyTimeToLiveAsync(prefix + "minute");
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromMilliseconds(1), lifetime);

        await cache.SetAsync("short", Encoding.UTF8.GetBytes("x"),
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMilliseconds(500) });
        Assert.True(await GoneWithinAsync("short", Deadline), "The entry outlived its absolute expiration.");
    }

    [Fact]
    public async Task Reading_an_entry_slides_its_expiration_and_an_unread_entry_expires()
    {
        var sliding = TimeSpan.FromMinutes(10);
        var shortened = TimeSpan.FromMinutes(1);
        await cache.SetAsync("sliding", Encoding.UTF8.GetBytes("x"), new DistributedCacheEntryOptions { SlidingExpiration = sliding });
        var db = connection.GetDatabase();

        // Let most of its life pass, then read it: the read gives it its whole sliding window
        // again, far more than the minute it had left.
        await db.KeyExpireAsync(prefix + "sliding", shortened);
        Assert.NotNull(await cache.GetAsync("sliding"));
        Assert.InRange((await db.KeyTimeToLiveAsync(prefix + "sliding"))!.Value, shortened + TimeSpan.FromSeconds(1), sliding);

        // Left unread, an entry expires when its window runs out.
        await cache.SetAsync("unread", Encoding.UTF8.GetBytes("x"),
            new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMilliseconds(500) });
        Assert.True(await GoneWithinAsync("unread", Deadline), "An unread sliding entry did not expire.");
    }

    [Fact]
    public async Task An_absolute_expiration_caps_the_sliding_window()
    {
        await cache.SetAsync("capped", Encoding.UTF8.GetBytes("x"), new DistributedCacheEntryOptions
        {
            SlidingExpiration = TimeSpan.FromMinutes(10),
            AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(30),
        });

        Assert.NotNull(await cache.GetAsync("capped"));
        Assert.InRange((await connection.GetDatabase().KeyTimeToLiveAsync(prefix + "capped"))!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
    }

    /// <summary>Polls (without reading through the cache, which would slide it) until Redis has dropped the key.</summary>
    private async Task<bool> GoneWithinAsync(string key, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (DateTime.UtcNow < until)
        {
            if (!await connection.GetDatabase().KeyExistsAsync(prefix + key))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }
}
