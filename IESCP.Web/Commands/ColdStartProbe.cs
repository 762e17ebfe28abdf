using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;

namespace IESCP.Web.Commands;

/// <summary>
/// Starts the app as a fresh process with the bench's own settings (same database, same cache),
/// times start to the first page served and the processor time it used until then (what a busy
/// machine cannot stretch). Twice: a first start with no record of compiled methods, stopped as a
/// service manager stops it (SIGTERM) so it writes one (<see cref="StartupJitProfile"/>), then a
/// restart that reads it, left to idle before its resident memory is read.
/// </summary>
internal static class ColdStartProbe
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);

    public static async Task<ColdStarts> MeasureAsync(IConfiguration configuration, int port)
    {
        var profiles = Directory.CreateTempSubdirectory("iescp-bench-jit-");
        try
        {
            var first = await StartAsync(configuration, port, profiles.FullName, idle: false);
            var restart = await StartAsync(configuration, port, profiles.FullName, idle: true);
            return new ColdStarts(first, restart);
        }
        finally
        {
            profiles.Delete(recursive: true);
        }
    }

    private static async Task<ColdStart> StartAsync(IConfiguration configuration, int port, string profileFolder, bool idle)
    {
        var start = SelfStart();
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        start.ArgumentList.Add($"--{StartupJitProfile.FolderSetting}={profileFolder}");
        foreach (var name in new[] { "Iescp", "Redis" })
        {
            if (configuration.GetConnectionString(name) is { Length: > 0 } value)
            {
                start.ArgumentList.Add($"--ConnectionStrings:{name}={value}");
            }
        }

        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (true)
            {
                if (process.HasExited || clock.Elapsed > StartLimit)
                {
                    throw new InvalidOperationException($"The app did not serve its first page within {StartLimit.TotalSeconds} s.");
                }

                try
                {
                    using var response = await http.GetAsync($"http://127.0.0.1:{port}/Account/Login");
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }

                await Task.Delay(10);
            }

            var toFirstPage = clock.Elapsed;
            process.Refresh();
            var processorTime = process.TotalProcessorTime;
            if (!idle)
            {
                await StopAsync(process);
                return new ColdStart(toFirstPage, processorTime, null);
            }

            await Task.Delay(Idle);
            return new ColdStart(toFirstPage, processorTime, Memory.ResidentBytes(process.Id));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    /// <summary>SIGTERM, as a service manager stops the app: it shuts down and writes its record of compiled methods.</summary>
    private static async Task StopAsync(Process process)
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        await process.WaitForExitAsync().WaitAsync(StartLimit);
    }

    /// <summary>The same program as this one (the apphost, or dotnet with the app's dll), serving instead of running a command.</summary>
    public static ProcessStartInfo SelfStart()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("The program's path is unknown.");
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        return start;
    }
}

internal sealed record ColdStart(TimeSpan ToFirstPage, TimeSpan ProcessorTime, long? IdleRssBytes);

/// <param name="First">With no record of compiled methods, as after an install.</param>
/// <param name="Restart">With the record the first start wrote when it stopped.</param>
internal sealed record ColdStarts(ColdStart First, ColdStart Restart);
