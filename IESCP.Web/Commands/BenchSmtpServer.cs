using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IESCP.Web.Commands;

/// <summary>The bench's real SMTP server: Debian's aiosmtpd on a free loopback port, storing each message as a file in a Maildir.</summary>
internal sealed class BenchSmtpServer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";

    private readonly Process process;
    private readonly string maildir;

    private BenchSmtpServer(Process process, string maildir, int port) => (this.process, this.maildir, Port) = (process, maildir, port);

    public int Port { get; }

    public static async Task<BenchSmtpServer> StartAsync(string folder)
    {
        var maildir = Path.Combine(folder, "maildir");
        foreach (var sub in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(maildir, sub));
        }

        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var start = new ProcessStartInfo(Python) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start aiosmtpd (install python3-aiosmtpd).");
        var server = new BenchSmtpServer(process, maildir, port);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                using var reader = new StreamReader(client.GetStream());
                if ((await reader.ReadLineAsync())?.StartsWith("220", StringComparison.Ordinal) == true)
                {
                    Console.WriteLine($"aiosmtpd listens on 127.0.0.1:{port}, Maildir {maildir}");
                    return server;
                }
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>How many messages the server has stored.</summary>
    public int Delivered() => Directory.GetFiles(Path.Combine(maildir, "new")).Length;

    /// <summary>Processor time the server's process has used so far.</summary>
    public TimeSpan ProcessorTime()
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
