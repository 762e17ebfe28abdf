using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace IESCP.Data.Caching;

internal static class CacheRegistration
{
    /// <summary>Redis when ConnectionStrings:Redis is set, otherwise an in-process cache.</summary>
    public static void AddIescpCache(this IServiceCollection services, IConfiguration configuration)
    {
        var redis = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddDistributedMemoryCache();
            return;
        }

        var options = ConfigurationOptions.Parse(redis);
        // Start even when Redis is down; the cache is an accelerator, never the source of truth.
        options.AbortOnConnectFail = false;
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        services.AddSingleton<IDistributedCache>(provider =>
            new RedisDistributedCache(provider.GetRequiredService<IConnectionMultiplexer>(), "iescp:"));
    }
}
