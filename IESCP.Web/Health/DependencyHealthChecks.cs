using System.Net.Sockets;
using System.Text;
using IESCP.Data;
using IESCP.Jobs.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace IESCP.Web.Health;

/// <summary>The database answers a query.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<IescpDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database cannot be opened.");
    }
}

/// <summary>Redis answers a PING within a second. The app keeps working without it (from the database), so down means degraded.</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await redis.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(1), cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded("Redis does not answer; reads go to the database.");
        }
    }
}

/// <summary>The SMTP server greets within two seconds. Mail waits in the outbox meanwhile, so down means degraded.</summary>
internal sealed class SmtpHealthCheck(IOptions<EmailOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, timeout.Token);
            var greeting = new byte[3];
            var read = await client.GetStream().ReadAtLeastAsync(greeting, 3, throwOnEndOfStream: false, timeout.Token);
            return read == 3 && Encoding.ASCII.GetString(greeting) == "220"
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Degraded("The SMTP server does not greet; mail waits in the outbox.");
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException or IOException)
        {
            return HealthCheckResult.Degraded("The SMTP server cannot be reached; mail waits in the outbox.");
        }
    }
}
