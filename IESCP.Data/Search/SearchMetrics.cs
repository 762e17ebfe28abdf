using System.Diagnostics.Metrics;

namespace IESCP.Data.Search;

/// <summary>
/// How many searches were asked for and how many reached the database (the rest came from the
/// cache), by kind; exported through System.Diagnostics.Metrics (dotnet-counters, OpenTelemetry).
/// </summary>
public static class SearchMetrics
{
    public const string MeterName = "IESCP.Search";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Searches asked for (tag "kind": influencers or campaigns).</summary>
    public static readonly Counter<long> Requested = Meter.CreateCounter<long>("iescp.search.requested");

    /// <summary>Searches that ran their queries on the database.</summary>
    public static readonly Counter<long> Loaded = Meter.CreateCounter<long>("iescp.search.loaded");

    internal static KeyValuePair<string, object?> Kind(string kind) => new("kind", kind);
}
