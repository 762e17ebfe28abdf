using System.Diagnostics.Metrics;

namespace IESCP.Data.Search;

/// <summary>
/// How many searches were asked for and how many reached the database (the rest came from the
/// cache), by kind ("influencers" or "campaigns"); exported through System.Diagnostics.Metrics
/// (dotnet-counters, OpenTelemetry). Created by the host's meter factory, so each app instance
/// (and each test's app) counts its own.
/// </summary>
public sealed class SearchMetrics
{
    public const string MeterName = "IESCP.Search";

    public const string RequestedName = "iescp.search.requested";

    public const string LoadedName = "iescp.search.loaded";

    private readonly Counter<long> requested;
    private readonly Counter<long> loaded;

    public SearchMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        requested = meter.CreateCounter<long>(RequestedName, description: "Searches asked for");
        loaded = meter.CreateCounter<long>(LoadedName, description: "Searches that ran their queries on the database");
    }

    internal void Requested(string kind) => requested.Add(1, new KeyValuePair<string, object?>("kind", kind));

    internal void Loaded(string kind) => loaded.Add(1, new KeyValuePair<string, object?>("kind", kind));
}
