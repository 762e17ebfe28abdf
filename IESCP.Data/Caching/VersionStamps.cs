using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Distributed;

namespace IESCP.Data.Caching;

/// <summary>
/// The current version stamp of each cache scope, kept in the distributed cache itself so every
/// instance sharing a Redis sees the same one. A stamp is random: a bump writes a new one, and a
/// missing stamp (evicted, never written) is replaced by a new one before anything is loaded under
/// it, so an entry written under an old stamp is never read again. A bump that could not be
/// written (the cache was down) is retried before the cache is trusted again; until then reads go
/// to the database.
/// </summary>
internal sealed class VersionStamps(IDistributedCache cache)
{
    private static readonly DistributedCacheEntryOptions Forever = new();

    private readonly ConcurrentDictionary<string, byte> unbumped = new(StringComparer.Ordinal);

    // Readers that find no stamp at once make one stamp between them, not one each (which would
    // give each its own entry key and defeat the single load per entry).
    private readonly SingleFlight creations = new();

    /// <summary>The scope's stamp, or null when the cache can't be trusted now; throws when the cache fails.</summary>
    public async Task<string?> CurrentAsync(string scope, CancellationToken cancellationToken = default)
    {
        if (!unbumped.IsEmpty && !await RetryBumpsAsync(cancellationToken))
        {
            return null;
        }

        var stamp = await cache.GetAsync(Key(scope), cancellationToken)
            ?? await creations.RunAsync(scope, async () =>
            {
                if (await cache.GetAsync(Key(scope), cancellationToken) is { } made)
                {
                    return made;
                }

                var fresh = NewStamp();
                await cache.SetAsync(Key(scope), fresh, Forever, cancellationToken);
                return fresh;
            });
        return Convert.ToHexString(stamp);
    }

    /// <summary>Writes new stamps; a scope whose stamp could not be written is remembered and retried.</summary>
    public async Task<bool> BumpAsync(IEnumerable<string> scopes, CancellationToken cancellationToken = default)
    {
        var all = true;
        foreach (var scope in scopes.Distinct(StringComparer.Ordinal))
        {
            try
            {
                await cache.SetAsync(Key(scope), NewStamp(), Forever, cancellationToken);
                unbumped.TryRemove(scope, out _);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                unbumped[scope] = 0;
                all = false;
            }
        }

        return all;
    }

    private async Task<bool> RetryBumpsAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await BumpAsync([.. unbumped.Keys], cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static byte[] NewStamp() => RandomNumberGenerator.GetBytes(8);

    private static string Key(string scope) => $"stamp:{scope}";
}
