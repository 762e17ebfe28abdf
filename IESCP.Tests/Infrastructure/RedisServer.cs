using System.Net.Sockets;
using IESCP.Data.Caching;
using StackExchange.Redis;

namespace IESCP.Tests.Infrastructure;

/// <summary>Debian's redis-server on a port of its own, in memory only (no snapshots, no append-only file).</summary>
public sealed class RedisServer : ExternalServer
{
    protected override string Program => "/usr/bin/redis-server";

    protected override IEnumerable<string> Arguments =>
        ["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];

    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>A client connected the way the app connects, once the connection is up.</summary>
    public async Task<ConnectionMultiplexer> ConnectAsync()
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(CacheRegistration.RedisOptions(ConnectionString));
        await WaitUntilConnectedAsync(connection);
        return connection;
    }

    /// <summary>
    /// Connections come up (and back, after a restart) in the background; this waits until a PING
    /// goes through. <c>IsConnected</c> alone is not enough: right after the server went away, it
    /// still says true until the client notices.
    /// </summary>
    public static Task WaitUntilConnectedAsync(IConnectionMultiplexer connection) =>
        Eventually.TrueAsync(async () =>
        {
            try
            {
                await connection.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromMilliseconds(500));
                return true;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                return false;
            }
        }, "a PING through the Redis client");

    /// <summary>Waits until the client has noticed the server is gone.</summary>
    public static Task WaitUntilDisconnectedAsync(IConnectionMultiplexer connection) =>
        Eventually.TrueAsync(() => Task.FromResult(!connection.IsConnected), "the Redis client to notice the server is gone");

    /// <summary>Ready once PING is answered with PONG (while loading, Redis answers -LOADING instead).</summary>
    protected override async Task<bool> AnswersAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
        return await ReadLineAsync(stream, cancellationToken) == "+PONG";
    }
}
