using System.Diagnostics;
using IESCP.Data.Caching;
using IESCP.Tests.Infrastructure;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace IESCP.Tests.Caching;

/// <summary>
/// A redis-server stopped with SIGSTOP keeps its connections open and answers nothing; the
/// client's async calls have no timeout of their own. Every cache call must still end quickly,
/// and after a few failures the cache must not be called at all until it answers again.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FrozenRedisTests : IAsyncLifetime
{
    private static readonly CacheResilienceOptions Options = new()
    {
        CallTimeout = TimeSpan.FromMilliseconds(100),
        FailureRatio = 0.5,
        MinimumCalls = 3,
        SamplingDuration = TimeSpan.FromSeconds(10),
        BreakDuration = TimeSpan.FromSeconds(2),
    };

    private readonly RedisServer redis = new();

    public Task InitializeAsync() => redis.InitializeAsync();

    public Task DisposeAsync() => redis.DisposeAsync();

    [Fact]
    public async Task Reads_end_within_the_call_timeout_then_skip_the_frozen_server_and_use_it_again_once_it_answers()
    {
        using var connection = await redis.ConnectAsync();
        var log = new WarningLog();
        var resilient = new ResilientDistributedCache(new RedisDistributedCache(connection, $"test-{Guid.NewGuid():N}:"), Options,
            log.CreateLogger<ResilientDistributedCache>());
        var cache = new ReadCache(resilient, NullLogger<ReadCache>.Instance);
        var loads = 0;
        Task<int> ReadAsync() => cache.GetVersionedAsync(CacheScopes.Influencers, "k", TimeSpan.FromMinutes(1), () => Task.FromResult(++loads));
        // The first calls on a fresh connection may outlast the short timeout on a busy machine; then reads come from Redis.
        await WaitUntilAsync(async () => await ReadAsync() == await ReadAsync() && !resilient.InOutage);
        var cached = loads;
        Assert.Equal(cached, await ReadAsync());
        // A slow start on a busy machine may already have tripped the breaker once: count from here.
        var warningsBefore = log.Warnings;

        redis.Freeze();
        var slowest = TimeSpan.Zero;
        for (var i = 1; i <= 10; i++)
        {
            var started = Stopwatch.StartNew();
            Assert.Equal(cached + i, await ReadAsync());
            slowest = started.Elapsed > slowest ? started.Elapsed : slowest;
        }

        // One call timeout per read at most (a read is up to two calls), and far less once the breaker is open.
        Assert.True(slowest < TimeSpan.FromMilliseconds(600), $"A read took {slowest.TotalMilliseconds:0} ms with Redis frozen.");
        var quick = Stopwatch.StartNew();
        await ReadAsync();
        Assert.True(quick.Elapsed < TimeSpan.FromMilliseconds(50), $"With the breaker open a read still took {quick.Elapsed.TotalMilliseconds:0} ms.");
        Assert.True(resilient.InOutage);
        Assert.Equal(warningsBefore + 1, log.Warnings);

        redis.Thaw();
        // The entry cached before the freeze is served again (a read from the database would give
        // a later number). Waited for, not taken from the first read after the breaker closes:
        // on a busy machine that read may still outlast the call timeout and go to the database.
        await WaitUntilAsync(async () => await ReadAsync() == cached && !resilient.InOutage);
        Assert.Equal(warningsBefore + 1, log.Warnings);
    }

    [Fact]
    public async Task A_bump_lost_to_a_frozen_server_keeps_reads_on_the_database_until_it_is_written()
    {
        using var connection = await redis.ConnectAsync();
        var resilient = new ResilientDistributedCache(new RedisDistributedCache(connection, $"test-{Guid.NewGuid():N}:"), Options,
            NullLogger<ResilientDistributedCache>.Instance);
        var cache = new ReadCache(resilient, NullLogger<ReadCache>.Instance);
        var version = 1;
        var loads = 0;
        Task<int> ReadAsync() => cache.GetVersionedAsync(CacheScopes.Campaigns, "k", TimeSpan.FromMinutes(1), () =>
        {
            loads++;
            return Task.FromResult(version);
        });
        await WaitUntilAsync(async () => await ReadAsync() == 1 && loads == (await ReadAsync() == 1 ? loads : -1));
        Assert.Equal(1, await ReadAsync());

        // Freeze Redis until the breaker opens, then thaw it: while the breaker stays open, a bump
        // never reaches Redis, which still holds the old entry.
        redis.Freeze();
        for (var i = 0; i < 50 && !resilient.InOutage; i++)
        {
            await ReadAsync();
        }

        Assert.True(resilient.InOutage);
        redis.Thaw();
        version = 2;
        await cache.BumpAsync(CacheScopes.Campaigns);
        Assert.Equal(2, await ReadAsync());
        await WaitUntilAsync(async () => (await resilient.GetAsync("probe")) is null);

        Assert.Equal(2, await ReadAsync());
        Assert.Equal(2, await ReadAsync());
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception) when (DateTime.UtcNow < until)
            {
            }

            Assert.True(DateTime.UtcNow < until, "The cache did not recover within 20 s.");
            await Task.Delay(100);
        }
    }

    private sealed class WarningLog : ILoggerFactory, ILogger
    {
        private int warnings;

        public int Warnings => Volatile.Read(ref warnings);

        public ILogger CreateLogger(string categoryName) => this;

        public ILogger<T> CreateLogger<T>() => new Logger<T>(this);

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Interlocked.Increment(ref warnings);
            }
        }
    }
}
