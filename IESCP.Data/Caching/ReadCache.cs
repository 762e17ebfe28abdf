using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace IESCP.Data.Caching;

/// <summary>
/// Hot reads through the distributed cache. The database stays the source of truth: when the
/// cache is unreachable, reads go to the database and writes still invalidate what they can.
/// Two kinds of entry: keyed ones that their writer removes (<see cref="InvalidateAsync"/>), and
/// versioned ones under a scope (<see cref="CacheScopes"/>) that every write of that scope
/// invalidates at once by bumping its stamp (<see cref="BumpAsync"/>). Concurrent misses of one
/// versioned entry load it once. Failures are logged at debug level: the Redis adapter logs one warning per outage.
/// </summary>
public sealed class ReadCache
{
    private readonly IDistributedCache cache;
    private readonly ILogger<ReadCache> logger;
    private readonly VersionStamps stamps;
    private readonly SingleFlight flights = new();

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
        var (found, value) = await TryReadAsync<T>(entry);
        return found ? value! : await flights.RunAsync(entry, () => LoadAndStoreAsync(entry, timeToLive, load));
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
