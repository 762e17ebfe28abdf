using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IESCP.Tests.Infrastructure;

/// <summary>
/// A real server process (redis-server, an SMTP server) on a free loopback port, started for a
/// test class and killed after it. A missing program fails the tests: the test command installs it.
/// </summary>
public abstract class ExternalServer : IAsyncLifetime
{
    private Process? process;

    public int Port { get; } = FreePort();

    public string Folder { get; } = TempFolder.Create("iescp-server-");

    protected abstract string Program { get; }

    protected abstract IEnumerable<string> Arguments { get; }

    public virtual async Task InitializeAsync()
    {
        if (!File.Exists(Program))
        {
            throw new InvalidOperationException($"{Program} is not installed; run ./test.sh, which installs what the tests need.");
        }

        var start = new ProcessStartInfo(Program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Folder };
        foreach (var argument in Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilListeningAsync();
    }

    public void Stop()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public Task DisposeAsync()
    {
        Stop();
        process?.Dispose();
        TempFolder.Delete(Folder);

        return Task.CompletedTask;
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"{Program} exited with code {process.ExitCode} at start.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"{Program} did not listen on port {Port} within 20 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class RedisServer : ExternalServer
{
    protected override string Program => "/usr/bin/redis-server";

    protected override IEnumerable<string> Arguments =>
        ["--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"];

    public string ConnectionString => $"127.0.0.1:{Port}";
}

/// <summary>aiosmtpd from Debian, storing every message it receives as a file in a Maildir.</summary>
public sealed class SmtpServer : ExternalServer
{
    // Debian's own python3, which has the python3-aiosmtpd package (another python3 may come first on PATH).
    protected override string Program => "/usr/bin/python3";

    protected override IEnumerable<string> Arguments =>
        ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir];

    public string Maildir => Path.Combine(Folder, "maildir");

    public override Task InitializeAsync()
    {
        foreach (var sub in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(Maildir, sub));
        }

        return base.InitializeAsync();
    }

    public IReadOnlyList<string> Messages() =>
        [.. Directory.GetFiles(Path.Combine(Maildir, "new")).Select(File.ReadAllText)];
}
