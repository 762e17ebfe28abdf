using Microsoft.Extensions.Caching.Distributed;
using StackExchange.Redis;

namespace IESCP.Data.Caching;

/// <summary>
/// Stands in for Microsoft.Extensions.Caching.StackExchangeRedis, whose dependencies the package
/// registry here lacks: an <see cref="IDistributedCache"/> over StackExchange.Redis 1.2.6.
/// Each entry is a hash of its value and its expiration settings; reads slide the expiry.
/// The client's async calls have no timeout of their own, so each call gives up when its token
/// is cancelled (<see cref="ResilientDistributedCache"/> cancels it after its time limit).
/// </summary>
public sealed class RedisDistributedCache(IConnectionMultiplexer redis, string keyPrefix) : IDistributedCache
{
    private const string DataField = "data";
    private const string SlidingField = "sld";
    private const string AbsoluteField = "abs";
    private const long NotSet = -1;

    private static readonly RedisValue[] ReadFields = [DataField, SlidingField, AbsoluteField];

    private IDatabase Db => redis.GetDatabase();

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        var fields = await Db.HashGetAsync(Key(key), ReadFields).WaitAsync(token);
        if (fields[0].IsNull)
        {
            return null;
        }

        await SlideAsync(key, (long)fields[1], (long)fields[2]).WaitAsync(token);
        return fields[0];
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) =>
        SetAsync(key, value, options).GetAwaiter().GetResult();

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        var now = DateTimeOffset.UtcNow;
        var absolute = options.AbsoluteExpiration
            ?? (options.AbsoluteExpirationRelativeToNow is { } relative ? now + relative : null);
        if (absolute <= now)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The absolute expiration must be in the future.");
        }

        var sliding = options.SlidingExpiration?.Ticks ?? NotSet;
        var absoluteTicks = absolute?.UtcTicks ?? NotSet;
        var transaction = Db.CreateTransaction();
        _ = transaction.KeyDeleteAsync(Key(key));
        _ = transaction.HashSetAsync(Key(key),
        [
            new HashEntry(DataField, value),
            new HashEntry(SlidingField, sliding),
            new HashEntry(AbsoluteField, absoluteTicks),
        ]);
        var ttl = TimeToLive(now, sliding, absoluteTicks);
        if (ttl is not null)
        {
            _ = transaction.KeyExpireAsync(Key(key), ttl);
        }

        await transaction.ExecuteAsync().WaitAsync(token);
    }

    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    public async Task RefreshAsync(string key, CancellationToken token = default)
    {
        var fields = await Db.HashGetAsync(Key(key), [SlidingField, AbsoluteField]).WaitAsync(token);
        if (!fields[0].IsNull)
        {
            await SlideAsync(key, (long)fields[0], (long)fields[1]).WaitAsync(token);
        }
    }

    public void Remove(string key) => Db.KeyDelete(Key(key));

    public Task RemoveAsync(string key, CancellationToken token = default) => Db.KeyDeleteAsync(Key(key)).WaitAsync(token);

    private Task SlideAsync(string key, long slidingTicks, long absoluteTicks) =>
        slidingTicks == NotSet
            ? Task.CompletedTask
            : Db.KeyExpireAsync(Key(key), TimeToLive(DateTimeOffset.UtcNow, slidingTicks, absoluteTicks));

    private static TimeSpan? TimeToLive(DateTimeOffset now, long slidingTicks, long absoluteTicks)
    {
        TimeSpan? untilAbsolute = absoluteTicks == NotSet ? null : new DateTimeOffset(absoluteTicks, TimeSpan.Zero) - now;
        TimeSpan? sliding = slidingTicks == NotSet ? null : TimeSpan.FromTicks(slidingTicks);
        return (untilAbsolute, sliding) switch
        {
            ({ } a, { } s) => a < s ? a : s,
            ({ } a, null) => a,
            (null, { } s) => s,
            _ => null,
        };
    }

    private RedisKey Key(string key) => keyPrefix + key;
}
