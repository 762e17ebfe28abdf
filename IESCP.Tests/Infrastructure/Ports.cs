using System.Net;
using System.Net.Sockets;

namespace IESCP.Tests.Infrastructure;

/// <summary>
/// Ports for the servers a test starts, taken below the kernel's ephemeral range. A port the
/// kernel hands out for "any free port" comes from the same range as the local ports of outgoing
/// connections: between the moment it was found free and the moment the server bound it, a
/// connection to Redis, Chromium or another test's server could take it, and the server failed to
/// start with "address already in use". No connection's local port is ever picked below the range.
/// </summary>
public static class Ports
{
    private const int Lowest = 10_000;

    private static readonly int Ceiling = EphemeralRangeStart();

    // Each test process starts at its own place, so two runs on one machine rarely meet.
    private static int next = Lowest + Random.Shared.Next(Ceiling - Lowest);

    /// <summary>A loopback port nothing listens on now and no other test of this run was given.</summary>
    public static int Free()
    {
        for (var attempt = 0; attempt < 1_000; attempt++)
        {
            var port = Lowest + (int)((uint)Interlocked.Increment(ref next) % (uint)(Ceiling - Lowest));
            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free loopback port between {Lowest} and {Ceiling}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The first port of the range outgoing connections take their local ports from (Linux: 32768 unless changed).</summary>
    private static int EphemeralRangeStart()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        var start = File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0], out var first)
            ? first : 32_768;
        return Math.Max(start, Lowest + 1_000);
    }
}
