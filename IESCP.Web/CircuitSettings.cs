using Microsoft.AspNetCore.Components.Server;

namespace IESCP.Web;

/// <summary>
/// The Blazor Server circuit options, chosen for a small server holding many open tabs (each
/// open tab is a circuit in this process's memory; README, "Circuits", gives the figures).
/// </summary>
internal static class CircuitSettings
{
    public static void Apply(CircuitOptions options)
    {
        // A tab whose connection dropped keeps its circuit this long, so a network blip or a
        // laptop lid resumes where it was; a closed tab's circuit is freed within a minute
        // rather than the default three.
        options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(1);
        // At most this many dropped circuits are kept at once (the oldest go first): a bound on
        // the memory abandoned tabs can hold, about 100 x 0.25 MB.
        options.DisconnectedCircuitMaxRetained = 100;
        // Render batches the browser has not acknowledged yet; past this the server waits for it
        // instead of queueing more, so a slow client cannot make its circuit grow.
        options.MaxBufferedUnacknowledgedRenderBatches = 10;
        // A JavaScript call the browser never answers fails after this, instead of holding its
        // component's state for the default minute.
        options.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(30);
        options.DetailedErrors = false;
    }
}
