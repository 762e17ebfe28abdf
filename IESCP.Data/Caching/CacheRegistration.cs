using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace IESCP.Data.Caching;

public static class CacheRegistration
{
    public const string KeyPrefix = "iescp:";

    /// <summary>Redis when ConnectionStrings:Redis is set, otherwise an in-process cache.</summary>
    internal static void AddIescpCache(this IServiceCollection services, IConfiguration configuration)
    {
        var redis = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddDistributedMemoryCache();
            return;
        }

        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(RedisOptions(redis)));
        services.TryAddSingleton(new CacheResilienceOptions());
        services.AddSingleton<IDistributedCache>(provider => new ResilientDistributedCache(
            new RedisDistributedCache(provider.GetRequiredService<IConnectionMultiplexer>(), KeyPrefix),
            provider.GetRequiredService<CacheResilienceOptions>(),
            provider.GetRequiredService<ILogger<ResilientDistributedCache>>()));
    }

    /// <summary>How the app connects to Redis; tools and tests connect the same way.</summary>
    public static ConfigurationOptions RedisOptions(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        // Start even when Redis is down, and keep trying in the background: the cache is an
        // accelerator, never the source of truth.
        options.AbortOnConnectFail = false;
        // A frozen server must not hold the start-up (or the first request) for the default 5 s.
        options.ConnectTimeout = 1000;
        return options;
    }
}
