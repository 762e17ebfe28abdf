using System.Text.Json;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;

namespace IESCP.Data.Caching;

/// <summary>
/// Hot reads through the distributed cache. The database stays the source of truth: when the
/// cache is unreachable, reads go to the database and writes still invalidate what they can.
/// </summary>
public sealed class ReadCache(IDistributedCache cache, ILogger<ReadCache> logger)
{
    public async Task<T> GetOrCreateAsync<T>(string key, TimeSpan timeToLive, Func<Task<T>> load)
    {
        try
        {
            var cached = await cache.GetAsync(key);
            if (cached is not null)
            {
                return JsonSerializer.Deserialize<T>(cached)!;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Cache read of {Key} failed; reading the database", key);
            return await load();
        }

        var value = await load();
        try
        {
            await cache.SetAsync(key, JsonSerializer.SerializeToUtf8Bytes(value),
                new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = timeToLive });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Cache write of {Key} failed", key);
        }

        return value;
    }

    public async Task InvalidateAsync(string key)
    {
        try
        {
            await cache.RemoveAsync(key);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Cache invalidation of {Key} failed", key);
        }
    }
}
