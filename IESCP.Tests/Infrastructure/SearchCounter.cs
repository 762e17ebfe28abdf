using System.Diagnostics.Metrics;
using IESCP.Data.Search;
using Microsoft.Extensions.DependencyInjection;

namespace IESCP.Tests.Infrastructure;

/// <summary>Counts one app's searches through its own metrics (other apps in the test run have meters of their own).</summary>
public sealed class SearchCounter : IDisposable
{
    private readonly MeterListener listener = new();
    private long requested;
    private long loaded;

    public SearchCounter(IServiceProvider app, string kind)
    {
        var scope = app.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SearchMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "kind" && Equals(tag.Value, kind))
                {
                    Interlocked.Add(ref instrument.Name == SearchMetrics.RequestedName ? ref requested : ref loaded, value);
                }
            }
        });
        listener.Start();
    }

    /// <summary>Searches asked of the repository (from the cache or not).</summary>
    public long Requested => Interlocked.Read(ref requested);

    /// <summary>Searches that queried the database.</summary>
    public long Loaded => Interlocked.Read(ref loaded);

    public void Dispose() => listener.Dispose();
}
