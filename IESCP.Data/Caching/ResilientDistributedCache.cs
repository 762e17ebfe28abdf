using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace IESCP.Data.Caching;

/// <summary>When a remote cache stops answering for a while, how long each call waits and how long it is left alone.</summary>
public sealed record CacheResilienceOptions
{
    /// <summary>The most one cache call may take; a frozen server costs a request this much, not the client's 5+ s.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// When at least this share of the calls of the last <see cref="SamplingDuration"/> failed (and they
    /// were at least <see cref="MinimumCalls"/>)... A short window, so the successes from before a
    /// freeze stop outweighing its failures within a couple of seconds even under heavy traffic.
    /// </summary>
    public double FailureRatio { get; init; } = 0.5;

    public int MinimumCalls { get; init; } = 5;

    public TimeSpan SamplingDuration { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>...the cache is not called at all for this long; then one call tries it again.</summary>
    public TimeSpan BreakDuration { get; init; } = TimeSpan.FromSeconds(15);
}

/// <summary>
/// Bounds every call to a remote cache and stops calling it after repeated failures (a circuit
/// breaker), so a frozen or dead Redis costs each request at most one short wait and, once the
/// breaker opens, nothing; the callers (<see cref="ReadCache"/>) read the database meanwhile. One
/// warning per outage: when the breaker first opens, and one line when the cache answers again.
/// </summary>
public sealed class ResilientDistributedCache : IDistributedCache
{
    private readonly IDistributedCache inner;
    private readonly ResiliencePipeline pipeline;
    private int outage;

    public ResilientDistributedCache(IDistributedCache inner, CacheResilienceOptions options, ILogger<ResilientDistributedCache> logger)
    {
        this.inner = inner;
        pipeline = new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = options.FailureRatio,
                MinimumThroughput = options.MinimumCalls,
                SamplingDuration = options.SamplingDuration,
                BreakDuration = options.BreakDuration,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(),
                OnOpened = args =>
                {
                    if (Interlocked.Exchange(ref outage, 1) == 0)
                    {
                        logger.LogWarning(args.Outcome.Exception,
                            "The cache server is not answering; reading the database instead and trying it again every {Seconds} s",
                            args.BreakDuration.TotalSeconds);
                    }

                    return default;
                },
                OnClosed = _ =>
                {
                    if (Interlocked.Exchange(ref outage, 0) == 1)
                    {
                        logger.LogInformation("The cache server answers again");
                    }

                    return default;
                },
            })
            .AddTimeout(options.CallTimeout)
            .Build();
    }

    /// <summary>True from the breaker's first opening until a call succeeds again (for tests and diagnostics).</summary>
    public bool InOutage => Volatile.Read(ref outage) == 1;

    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();

    public Task<byte[]?> GetAsync(string key, CancellationToken token = default) =>
        pipeline.ExecuteAsync(static async (state, t) => await state.inner.GetAsync(state.key, t), (inner, key), token).AsTask();

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => SetAsync(key, value, options).GetAwaiter().GetResult();

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
        pipeline.ExecuteAsync(static async (state, t) => await state.inner.SetAsync(state.key, state.value, state.options, t),
            (inner, key, value, options), token).AsTask();

    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();

    public Task RefreshAsync(string key, CancellationToken token = default) =>
        pipeline.ExecuteAsync(static async (state, t) => await state.inner.RefreshAsync(state.key, t), (inner, key), token).AsTask();

    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    public Task RemoveAsync(string key, CancellationToken token = default) =>
        pipeline.ExecuteAsync(static async (state, t) => await state.inner.RemoveAsync(state.key, t), (inner, key), token).AsTask();

    /// <summary>Whether an exception is this adapter saying "no answer now" (a timeout or an open breaker).</summary>
    public static bool IsUnavailable(Exception e) => e is TimeoutRejectedException or BrokenCircuitException;
}
