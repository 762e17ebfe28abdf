using System.Diagnostics;
using System.Globalization;

namespace IESCP.Web.Commands;

/// <summary>
/// Open tabs against the app this process serves: the tabs run in a child process
/// (<see cref="CircuitClientCommand"/>), so this process's managed heap, measured between its
/// steps, holds only what the server keeps per circuit. Adds the heap per circuit on each page,
/// after navigating, and the click-to-render latencies to the table.
/// </summary>
internal static class CircuitBench
{
    private const long TargetBytes = 250 * 1024;
    private const long FlatBytes = 25 * 1024;
    private static readonly TimeSpan StepLimit = TimeSpan.FromMinutes(10);

    public static async Task RunAsync(Uri address, string cookie, BenchOptions options, BenchTable table)
    {
        var start = ColdStartProbe.SelfStart();
        start.RedirectStandardInput = true;
        foreach (var argument in new[]
        {
            "bench-circuit-client", "--url", address.ToString(), "--circuits", options.Circuits.ToString(CultureInfo.InvariantCulture),
            "--seconds", options.RunTime.TotalSeconds.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var client = Process.Start(start) ?? throw new InvalidOperationException("Could not start the circuit client.");
        var errors = new List<string>();
        client.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                lock (errors)
                {
                    errors.Add(line);
                }
            }
        };
        client.BeginErrorReadLine();
        try
        {
            await client.StandardInput.WriteLineAsync(cookie);
            await client.StandardInput.FlushAsync();
            await StepAsync(client, "warm");
            var before = Heap();
            var heap = before;
            var opened = 0;
            var failed = 0;
            foreach (var path in CircuitClientCommand.OpenPaths)
            {
                var step = (await StepAsync(client, "opened")).Split(' ');
                var (ok, failures) = (int.Parse(step[2], CultureInfo.InvariantCulture), int.Parse(step[3], CultureInfo.InvariantCulture));
                var now = Heap();
                var perCircuit = ok == 0 ? 0 : (now - heap) / ok;
                table.Add($"circuits: managed heap per circuit on {path} ({ok} opened, {failures} failed)", Kilobytes(perCircuit),
                    "≤ 250 KB", ok > 0 && failures == 0 && perCircuit <= TargetBytes);
                (heap, opened, failed) = (now, opened + ok, failed + failures);
            }

            var open = heap;
            var walked = (await StepAsync(client, "walked")).Split(' ');
            var navigated = Heap();
            var afterWalk = opened == 0 ? 0 : (navigated - before) / opened;
            var growth = opened == 0 ? 0 : (navigated - open) / opened;
            table.Add($"circuits: per circuit after navigating ({walked[1]} walked, {walked[2]} failed)",
                $"{Kilobytes(afterWalk)} ({(growth >= 0 ? "+" : "")}{Kilobytes(growth)})", "≤ 250 KB, flat (growth ≤ 25 KB)",
                walked[2] == "0" && afterWalk <= TargetBytes && growth <= FlatBytes);
            table.Add($"circuits: server working set with {opened} open", $"{Environment.WorkingSet / 1024.0 / 1024.0:0} MB", "", null);

            var clicks = (await StepAsync(client, "clicks")).Split(' ');
            var latencies = clicks.Length > 3 && clicks[3].Length > 0
                ? clicks[3].Split(',').Select(ms => double.Parse(ms, CultureInfo.InvariantCulture)).Order().ToArray()
                : [];
            var clickErrors = int.Parse(clicks[1], CultureInfo.InvariantCulture);
            var result = new LoadResult(latencies.Length + clickErrors, clickErrors,
                TimeSpan.FromSeconds(double.Parse(clicks[2], CultureInfo.InvariantCulture)), latencies, clickErrors > 0 ? "no render" : null);
            table.AddLoad($"circuits: click to render (bell), {opened} open, each clicking every ~2 s", "-", result, "p95 ≤ 100 ms",
                clickErrors == 0 && failed == 0 && result.Percentile(0.95) <= 100);
            await client.StandardInput.WriteLineAsync("next");
            await client.StandardInput.FlushAsync();
            await client.WaitForExitAsync().WaitAsync(StepLimit);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or FormatException or IndexOutOfRangeException)
        {
            string[] lastErrors;
            lock (errors)
            {
                lastErrors = [.. errors.TakeLast(5)];
            }

            throw new InvalidOperationException($"The circuit client failed: {e.Message} {string.Join(" / ", lastErrors)}", e);
        }
        finally
        {
            if (!client.HasExited)
            {
                client.Kill(entireProcessTree: true);
                await client.WaitForExitAsync();
            }
        }
    }

    /// <summary>Waits for the client's next step line (after answering "next" to the one before, except for the first).</summary>
    private static async Task<string> StepAsync(Process client, string expected)
    {
        if (expected != "warm")
        {
            await client.StandardInput.WriteLineAsync("next");
            await client.StandardInput.FlushAsync();
        }

        using var timeout = new CancellationTokenSource(StepLimit);
        var line = await client.StandardOutput.ReadLineAsync(timeout.Token);
        return line is not null && line.StartsWith(expected, StringComparison.Ordinal)
            ? line
            : throw new InvalidOperationException($"expected \"{expected}\", the client said \"{line ?? "nothing (it ended)"}\".");
    }

    /// <summary>The live managed heap after full, compacting collections (what the circuits keep, not what they let go).</summary>
    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string Kilobytes(long bytes) => (bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " KB";
}
