using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;

namespace IESCP.Data.Caching;

/// <summary>
/// Hot reads through the distributed cache. The database stays the source of truth: when the
/// cache is unreachable, reads go to the database and writes still invalidate what they can.
/// Two kinds of entry: keyed ones that their writer removes (<see cref="InvalidateAsync"/>), and
/// versioned ones under a scope (<see cref="CacheScopes"/>) that every write of that scope
/// invalidates at once by bumping its stamp (<see cref="BumpAsync"/>). Concurrent misses of one
/// versioned entry load it once. Failures are logged at debug level: the Redis adapter logs one warning per outage.
/// <para>
/// A versioned entry never changes under its stamp, so this instance also keeps the values it
/// loaded or read, already deserialized (<see cref="decoded"/>): a warm read is then one stamp
/// read, not a stamp read plus a copy to deserialize. The stamp is still read every time, so a
/// bump by any instance is seen at once. Cached values are shared between callers: they are
/// immutable records.
/// </para>
/// </summary>
public sealed class ReadCache : IDisposable
{
    // Entries of a few kilobytes each: a few megabytes in all.
    private const int DecodedEntries = 1_000;

    // A value read from a shared cache (another instance loaded it) has a lifetime this instance
    // does not know; its copy here lives at most this long past it.
    private static readonly TimeSpan ReadCopyLifetime = TimeSpan.FromSeconds(2);

    private readonly IDistributedCache cache;
    private readonly ILogger<ReadCache> logger;
    private readonly VersionStamps stamps;
    private readonly SingleFlight flights = new();
    private readonly MemoryCache decoded = new(new MemoryCacheOptions { SizeLimit = DecodedEntries });

    public ReadCache(IDistributedCache cache, ILogger<ReadCache> logger)
    {
        this.cache = cache;
        this.logger = logger;
        stamps = new VersionStamps(cache);
    }

    /// <summary>
    /// The entry under <paramref name="key"/>, loaded when missing. No single flight here: a caller
    /// that comes after its writer removed the key must not join a load that began before the write.
    /// </summary>
    public async Task<T> GetOrCreateAsync<T>(string key, TimeSpan timeToLive, Func<Task<T>> load)
    {
        var (found, value) = await TryReadAsync<T>(key);
        return found ? value! : await LoadAndStoreAsync(key, timeToLive, load);
    }

    /// <summary>
    /// The entry <paramref name="key"/> of <paramref name="scope"/> as of the scope's current version;
    /// loaded when missing. Keys name everything the loaded value depends on besides the scope's data
    /// (the normalised query, the day); never a user's own data unless the key names the user.
    /// </summary>
    public async Task<T> GetVersionedAsync<T>(string scope, string key, TimeSpan timeToLive, Func<Task<T>> load)
    {
        string? stamp;
        try
        {
            stamp = await stamps.CurrentAsync(scope);
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Cache stamp of {Scope} unreadable; reading the database", scope);
            stamp = null;
        }

        if (stamp is null)
        {
            return await load();
        }

        var entry = $"{scope}:{stamp}:{key}";
        if (decoded.TryGetValue(entry, out T? kept))
        {
            return kept!;
        }

        var (found, value) = await TryReadAsync<T>(entry);
        if (found)
        {
            Keep(entry, value, timeToLive < ReadCopyLifetime ? timeToLive : ReadCopyLifetime);
            return value!;
        }

        return await flights.RunAsync(entry, async () =>
        {
            var loaded = await LoadAndStoreAsync(entry, timeToLive, load);
            Keep(entry, loaded, timeToLive);
            return loaded;
        });
    }

    /// <summary>Invalidates every versioned entry of the scopes; call it after the write's transaction commits.</summary>
    public async Task BumpAsync(params string[] scopes)
    {
        if (!await stamps.BumpAsync(scopes))
        {
            logger.LogDebug("Could not bump {Scopes}; the cache is bypassed until it can", string.Join(", ", scopes));
        }
    }

    public async Task InvalidateAsync(string key)
    {
        try
        {
            await cache.RemoveAsync(key);
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Cache invalidation of {Key} failed", key);
        }
    }

    public void Dispose() => decoded.Dispose();

    private void Keep<T>(string entry, T value, TimeSpan lifetime) =>
        decoded.Set(entry, value, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime, Size = 1 });

    private async Task<(bool Found, T? Value)> TryReadAsync<T>(string key)
    {
        try
        {
            var cached = await cache.GetAsync(key);
            return cached is null ? (false, default) : (true, JsonSerializer.Deserialize<T>(cached));
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Cache read of {Key} failed; reading the database", key);
            return (false, default);
        }
    }

    private async Task<T> LoadAndStoreAsync<T>(string key, TimeSpan timeToLive, Func<Task<T>> load)
    {
        var value = await load();
        try
        {
            await cache.SetAsync(key, JsonSerializer.SerializeToUtf8Bytes(value),
                new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = timeToLive });
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "Cache write of {Key} failed", key);
        }

        return value;
    }
}
