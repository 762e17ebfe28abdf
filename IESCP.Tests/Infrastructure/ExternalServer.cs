using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

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
