using System.Globalization;

namespace IESCP.Web.Commands;

/// <summary>The bench's one table: what ran, against which cache, how fast, and whether it met its target.</summary>
internal sealed class BenchTable(IConfiguration configuration, BenchOptions options)
{
    private readonly string loadBefore = LoadAverage();
    private readonly List<string[]> rows = [];

    /// <summary>The trivial endpoint's throughput in this run, which warm searches are compared with.</summary>
    public double Ceiling { get; set; }

    public void AddLoad(string name, string cache, LoadResult result, string target, bool? met) => rows.Add(
    [
        name, cache == "-" ? "-" : $"{cache} ({CacheKind})", result.Requests.ToString("N0", CultureInfo.InvariantCulture),
        result.RequestsPerSecond.ToString("N0", CultureInfo.InvariantCulture), result.Ms(0.50), result.Ms(0.95), result.Ms(0.99),
        result.Errors.ToString(CultureInfo.InvariantCulture) + (result.FirstError is { } first ? $" ({first})" : ""),
        result.ProcessorMsPerRequest?.ToString("0.000", CultureInfo.InvariantCulture) ?? "-",
        Ceiling > 0 ? (result.RequestsPerSecond / Ceiling).ToString("P0", CultureInfo.InvariantCulture) : "-",
        Verdict(target, met),
    ]);

    public void Add(string name, string value, string target, bool? met) => rows.Add([name, "", "", value, "", "", "", "", "", "", Verdict(target, met)]);

    public void Print(TextWriter output)
    {
        string[] header = ["workload", "cache", "requests", "rps / value", "p50 ms", "p95 ms", "p99 ms", "errors", "cpu ms/req", "of ping", "target"];
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine();
        output.WriteLine($"IESCP bench: {configuration.GetConnectionString("Iescp")}; cache {CacheKind}; {options.Connections} connections, "
            + $"{options.RunTime.TotalSeconds:0} s per run; {Environment.ProcessorCount} cores; load average before {loadBefore}, after {LoadAverage()}");
        output.WriteLine(Line(header, widths));
        output.WriteLine(string.Join("-|-", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row, widths));
        }
    }

    private string CacheKind => string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis")) ? "in-process memory" : "Redis";

    private static string Verdict(string target, bool? met) => target == "" ? "" : $"{target}: {(met == true ? "met" : "MISSED")}";

    private static string Line(string[] cells, int[] widths) =>
        string.Join(" | ", cells.Select((c, i) => i is 0 or 1 or 10 ? c.PadRight(widths[i]) : c.PadLeft(widths[i])));

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
