using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace IESCP.Tests.Infrastructure;

/// <summary>
/// The built app (IESCP.Web.dll from its build output) run as a process of its own, as an
/// operator runs it, with its settings as command-line arguments: so a test can kill it outright
/// (SIGKILL: no shutdown, no finally blocks) and start it again on the same database.
/// </summary>
public sealed class AppProcess : IDisposable
{
    public static readonly string RepositoryRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", ".."));

    /// <summary>The app's build output of this test run's configuration (Debug or Release).</summary>
    private static readonly string BuildOutput = Path.Combine(RepositoryRoot, "IESCP.Web", "bin",
        typeof(AppProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration, "net10.0");

    private readonly StringBuilder output = new();
    private readonly Process process;

    private AppProcess(Process process) => this.process = process;

    public int Id => process.Id;

    /// <summary>
    /// `dotnet IESCP.Web.dll` from the build output, its output redirected, in <paramref name="workingDirectory"/>;
    /// without the environment name and the test process's own runtime setting (see test.runsettings:
    /// an app that serves many requests gains from recompiling what is hot). Arguments and settings follow.
    /// </summary>
    public static ProcessStartInfo BuiltApp(string workingDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(BuildOutput, "IESCP.Web.dll"));
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment.Remove("DOTNET_TC_CallCounting");
        return start;
    }

    /// <summary>Starts the app on 127.0.0.1:<paramref name="port"/> and waits until it answers /health/live.</summary>
    public static async Task<AppProcess> StartAsync(int port, IReadOnlyDictionary<string, string?> settings)
    {
        var start = BuiltApp(BuildOutput);
        start.ArgumentList.Add($"--Urls=http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = IESCP.Data.DependencyInjection.TestingEnvironment;
        // As in the test process itself (see the test project): a start compiles, it does not profile.
        start.Environment["DOTNET_TieredPGO"] = "0";
        var app = new AppProcess(new Process { StartInfo = start });
        app.process.OutputDataReceived += (_, e) => app.Record(e.Data);
        app.process.ErrorDataReceived += (_, e) => app.Record(e.Data);
        app.process.Start();
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilLiveAsync(port);
            return app;
        }
        catch
        {
            app.Dispose();
            throw;
        }
    }

    /// <summary>SIGKILL: the process ends where it stands, as in a power cut or the OOM killer.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    private async Task WaitUntilLiveAsync(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (true)
        {
            Assert.False(process.HasExited, $"The app exited with code {(process.HasExited ? process.ExitCode : 0)} at start:\n{Output()}");
            try
            {
                using var response = await http.GetAsync($"http://127.0.0.1:{port}/health/live");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            Assert.True(DateTime.UtcNow < deadline, $"The app did not answer on port {port} within two minutes:\n{Output()}");
            await Task.Delay(100);
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
}
