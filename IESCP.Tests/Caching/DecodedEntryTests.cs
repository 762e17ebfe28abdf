using IESCP.Data.Caching;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IESCP.Tests.Caching;

/// <summary>
/// A versioned entry never changes under its stamp, so a warm read takes the value this instance
/// already deserialized and asks the shared cache for the stamp only; a bump still reloads at once.
/// </summary>
[Trait("Category", "Unit")]
public sealed class DecodedEntryTests
{
    [Fact]
    public async Task A_warm_read_asks_the_shared_cache_for_the_stamp_only_and_a_bump_still_reloads()
    {
        var shared = new CountingCache();
        using var cache = new ReadCache(shared, NullLogger<ReadCache>.Instance);
        var version = 1;
        var loads = 0;
        Task<Result> ReadAsync() => cache.GetVersionedAsync(CacheScopes.Influencers, "k", TimeSpan.FromMinutes(10), () =>
        {
            loads++;
            return Task.FromResult(new Result(version, [version, version]));
        });

        var first = await ReadAsync();
        var reads = shared.Reads;
        var second = await ReadAsync();

        Assert.Equal(1, shared.Reads - reads);
        Assert.Same(first, second);
        Assert.Equal(1, loads);

        version = 2;
        await cache.BumpAsync(CacheScopes.Influencers);
        Assert.Equal(2, (await ReadAsync()).Version);
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task A_value_another_instance_stored_is_read_from_the_shared_cache_then_kept()
    {
        var shared = new CountingCache();
        using var writer = new ReadCache(shared, NullLogger<ReadCache>.Instance);
        using var reader = new ReadCache(shared, NullLogger<ReadCache>.Instance);
        Task<Result> Load() => Task.FromResult(new Result(7, [7]));
        await writer.GetVersionedAsync(CacheScopes.Campaigns, "k", TimeSpan.FromMinutes(10), Load);

        var loadedByReader = false;
        var read = await reader.GetVersionedAsync(CacheScopes.Campaigns, "k", TimeSpan.FromMinutes(10), () =>
        {
            loadedByReader = true;
            return Load();
        });
        var reads = shared.Reads;
        var again = await reader.GetVersionedAsync(CacheScopes.Campaigns, "k", TimeSpan.FromMinutes(10), Load);

        Assert.False(loadedByReader);
        Assert.Equal(7, read.Version);
        Assert.Same(read, again);
        Assert.Equal(1, shared.Reads - reads);
    }

    public sealed record Result(int Version, IReadOnlyList<int> Items);

    /// <summary>An in-process distributed cache that counts its reads.</summary>
    private sealed class CountingCache : IDistributedCache
    {
        private readonly MemoryDistributedCache inner = new(Options.Create(new MemoryDistributedCacheOptions()));
        private int reads;

        public int Reads => Volatile.Read(ref reads);

        public byte[]? Get(string key)
        {
            Interlocked.Increment(ref reads);
            return inner.Get(key);
        }

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default)
        {
            Interlocked.Increment(ref reads);
            return inner.GetAsync(key, token);
        }

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => inner.Set(key, value, options);

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
            inner.SetAsync(key, value, options, token);

        public void Refresh(string key) => inner.Refresh(key);

        public Task RefreshAsync(string key, CancellationToken token = default) => inner.RefreshAsync(key, token);

        public void Remove(string key) => inner.Remove(key);

        public Task RemoveAsync(string key, CancellationToken token = default) => inner.RemoveAsync(key, token);
    }
}
