using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using IESCP.Data.Caching;
using StackExchange.Redis;

namespace IESCP.Tests.Infrastructure;

/// <summary>
/// A real server process (redis-server, an SMTP server) on a free loopback port, started for a
/// test class and killed after it. It counts as started once it answers its own protocol (an
/// open port alone is not enough: a server may accept before it serves). A missing program
/// fails the tests: the test command installs it.
/// </summary>
public abstract class ExternalServer : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly StringBuilder output = new();
    private Process? process;

    public int Port { get; } = Ports.Free();

    public string Folder { get; } = TempFolder.Create("iescp-server-");

    protected abstract string Program { get; }

    protected abstract IEnumerable<string> Arguments { get; }

    public virtual async Task InitializeAsync()
    {
        if (!File.Exists(Program))
        {
            throw new InvalidOperationException($"{Program} is not installed; run ./test.sh, which installs what the tests need.");
        }

        await StartAsync();
    }

    /// <summary>Starts the server (again, after <see cref="Stop"/>) on the same port and waits until it answers.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(Program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Folder };
        foreach (var argument in Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilReadyAsync();
    }

    public void Stop()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process?.Dispose();
        process = null;
    }

    /// <summary>Stops the process where it stands (SIGSTOP): connections stay open, nothing answers.</summary>
    public void Freeze() => Signal("-STOP");

    /// <summary>Lets a frozen process go on (SIGCONT).</summary>
    public void Thaw() => Signal("-CONT");

    public Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            Thaw();
        }

        Stop();
        TempFolder.Delete(Folder);
        return Task.CompletedTask;
    }

    private void Signal(string signal) => Signals.Send(process!, signal);

    /// <summary>One exchange in the server's protocol on a fresh connection; true when it answered as a ready server does.</summary>
    protected abstract Task<bool> AnswersAsync(NetworkStream stream, CancellationToken cancellationToken);

    protected static async Task<string> ReadLineAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        var buffer = new byte[1];
        while (await stream.ReadAsync(buffer, cancellationToken) == 1 && buffer[0] != '\n')
        {
            line.Append((char)buffer[0]);
        }

        return line.ToString().TrimEnd('\r');
    }

    private async Task WaitUntilReadyAsync()
    {
        using var deadline = new CancellationTokenSource(StartTimeout);
        while (true)
        {
            if (process!.HasExited)
            {
                throw new InvalidOperationException($"{Program} exited with code {process.ExitCode} at start:\n{Output()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, deadline.Token);
                if (await AnswersAsync(client.GetStream(), deadline.Token))
                {
                    return;
                }
            }
            catch (Exception e) when (e is SocketException or IOException && !deadline.IsCancellationRequested)
            {
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{Program} did not answer on port {Port} within {StartTimeout.TotalSeconds} s:\n{Output()}");
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}

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
    public static async Task WaitUntilConnectedAsync(IConnectionMultiplexer connection)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            try
            {
                await connection.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromMilliseconds(500), deadline.Token);
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                await Task.Delay(50, deadline.Token);
            }
        }
    }

    /// <summary>Waits until the client has noticed the server is gone.</summary>
    public static async Task WaitUntilDisconnectedAsync(IConnectionMultiplexer connection)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (connection.IsConnected)
        {
            await Task.Delay(50, deadline.Token);
        }
    }

    /// <summary>Ready once PING is answered with PONG (while loading, Redis answers -LOADING instead).</summary>
    protected override async Task<bool> AnswersAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
        return await ReadLineAsync(stream, cancellationToken) == "+PONG";
    }
}

/// <summary>aiosmtpd from Debian, storing every message it receives as a file in a Maildir.</summary>
public class SmtpServer : ExternalServer
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

    /// <summary>Ready once it greets with 220 and answers NOOP with 250.</summary>
    protected override async Task<bool> AnswersAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        if (!(await ReadLineAsync(stream, cancellationToken)).StartsWith("220", StringComparison.Ordinal))
        {
            return false;
        }

        await stream.WriteAsync("NOOP\r\n"u8.ToArray(), cancellationToken);
        var ready = (await ReadLineAsync(stream, cancellationToken)).StartsWith("250", StringComparison.Ordinal);
        await stream.WriteAsync("QUIT\r\n"u8.ToArray(), cancellationToken);
        return ready;
    }
}

/// <summary>
/// The same SMTP server with a handler that can hold senders: after <see cref="Allow"/> messages
/// it keeps every further sender waiting at MAIL FROM (before any of its message is sent) until
/// <see cref="Release"/>, so a test can stop a client at a known point of its sending.
/// </summary>
public sealed class HoldingSmtpServer : SmtpServer
{
    private const string Module = "holding_mailbox";

    // Mailbox from aiosmtpd, plus the hold. The control folder holds "allow" (how many messages
    // to take; no file: no limit), written by the test, and "held" (senders waiting), written here.
    private const string Handler = """
        import asyncio
        import os
        from aiosmtpd.handlers import Mailbox


        class HoldingMailbox(Mailbox):
            def __init__(self, maildir, control):
                super().__init__(maildir)
                self.control = control
                self.started = 0
                self.held = 0

            def limit(self):
                try:
                    with open(os.path.join(self.control, 'allow')) as f:
                        return int(f.read().strip())
                except FileNotFoundError:
                    return None

            def report(self, change):
                self.held += change
                path = os.path.join(self.control, 'held')
                with open(path + '.tmp', 'w') as f:
                    f.write(str(self.held))
                os.replace(path + '.tmp', path)

            async def handle_MAIL(self, server, session, envelope, address, mail_options):
                limit = self.limit()
                if limit is not None and self.started >= limit:
                    self.report(1)
                    try:
                        while (limit := self.limit()) is not None and self.started >= limit:
                            await asyncio.sleep(0.02)
                    finally:
                        self.report(-1)
                self.started += 1
                envelope.mail_from = address
                envelope.mail_options.extend(mail_options)
                return '250 OK'

            @classmethod
            def from_cli(cls, parser, *args):
                return cls(args[0], args[1])
        """;

    protected override IEnumerable<string> Arguments =>
        ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", $"{Module}.HoldingMailbox", Maildir, Folder];

    public override Task InitializeAsync()
    {
        // `python3 -m` looks for modules in its working folder, the server's folder.
        File.WriteAllText(Path.Combine(Folder, Module + ".py"), Handler);
        return base.InitializeAsync();
    }

    /// <summary>Takes <paramref name="messages"/> messages in all (counted from its start), then holds every further sender.</summary>
    public void Allow(int messages) => File.WriteAllText(Path.Combine(Folder, "allow"), messages.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Lets every held sender go on, and holds nobody from now on.</summary>
    public void Release() => File.Delete(Path.Combine(Folder, "allow"));

    /// <summary>How many senders wait at MAIL FROM now.</summary>
    public int Held => File.Exists(Path.Combine(Folder, "held")) && int.TryParse(File.ReadAllText(Path.Combine(Folder, "held")), out var held) ? held : 0;
}
