using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Reflection;

namespace IESCP.Web.Commands;

/// <summary>
/// Starts the app as a fresh process with the bench's own settings (same database, same cache),
/// times start to the first page served and the processor time it used until then (what a busy
/// machine cannot stretch), then lets it idle and reads its resident memory.
/// </summary>
internal static class ColdStartProbe
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(5);

    public static async Task<(TimeSpan ToFirstPage, TimeSpan ProcessorTime, long IdleRssBytes)> MeasureAsync(IConfiguration configuration, int port)
    {
        var start = SelfStart();
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
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
            await Task.Delay(Idle);
            return (toFirstPage, processorTime, Memory.ResidentBytes(process.Id));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
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
