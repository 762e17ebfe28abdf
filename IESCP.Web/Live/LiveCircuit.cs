using IESCP.Data.Identity;
using IESCP.Data.Live;
using IESCP.Web.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace IESCP.Web.Live;

/// <summary>
/// The live events of one open browser tab (one Blazor circuit). When the circuit opens it
/// subscribes once for its user (and, for an admin, for the admins); the components on screen
/// register with it synchronously and hear only what this user is told. The subscription ends
/// with the circuit, so a closed tab leaves nothing behind.
/// <para>
/// A page reads its data before the component that listens for it is rendered: an event in
/// between would be lost and the page would show the old data until the next one. So the circuit
/// keeps the events it heard since the last navigation, and a new listener is given those
/// (<see cref="HeardBefore"/>) to catch up with.
/// </para>
/// </summary>
public sealed class LiveCircuit(
    ILiveEvents events, AuthenticationStateProvider authentication, NavigationManager navigation, UserActivity activity, ILogger<LiveCircuit> logger)
    : CircuitHandler, IDisposable
{
    // More than any page's data load could miss; older ones are dropped.
    private const int KeptEvents = 32;

    private readonly List<IDisposable> subscriptions = [];
    private readonly Lock gate = new();
    private readonly Queue<(long Number, LiveEvent Event)> sinceNavigation = new();
    private List<Func<LiveEvent, Task>> listeners = [];
    private long heard;

    /// <summary>The signed-in user of this circuit, once it is open; null for a visitor or before.</summary>
    public Actor? Actor { get; private set; }

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Actor = CurrentUser.ActorOf((await authentication.GetAuthenticationStateAsync()).User);
        if (Actor is null)
        {
            return;
        }

        navigation.LocationChanged += OnLocationChanged;
        lock (gate)
        {
            subscriptions.Add(events.Subscribe(LiveKeys.User(Actor.UserId), DispatchAsync));
            if (Actor.IsAdmin)
            {
                subscriptions.Add(events.Subscribe(LiveKeys.Admins, DispatchAsync));
            }
        }

        try
        {
            await activity.SeenAsync(Actor.UserId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not record that {UserId} opened the app", Actor.UserId);
        }
    }

    /// <summary>
    /// Calls <paramref name="listener"/> for each event this circuit's user hears, until the
    /// returned token is disposed. Safe to call while rendering (no await).
    /// </summary>
    public Registration Listen(Func<LiveEvent, Task> listener)
    {
        lock (gate)
        {
            listeners = [.. listeners, listener];
            return new Registration(this, listener, heard);
        }
    }

    /// <summary>The events heard since the page was navigated to and before <paramref name="registration"/> began to listen, oldest first.</summary>
    public IReadOnlyList<LiveEvent> HeardBefore(Registration registration)
    {
        lock (gate)
        {
            return [.. sinceNavigation.Where(e => e.Number <= registration.After).Select(e => e.Event)];
        }
    }

    public void Dispose()
    {
        navigation.LocationChanged -= OnLocationChanged;
        lock (gate)
        {
            subscriptions.ForEach(s => s.Dispose());
            subscriptions.Clear();
            listeners = [];
        }
    }

    /// <summary>The new page reads its data after this: what was heard before is in that data.</summary>
    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        lock (gate)
        {
            sinceNavigation.Clear();
        }
    }

    private Task DispatchAsync(LiveEvent liveEvent)
    {
        List<Func<LiveEvent, Task>> current;
        lock (gate)
        {
            current = listeners;
            sinceNavigation.Enqueue((++heard, liveEvent));
            if (sinceNavigation.Count > KeptEvents)
            {
                sinceNavigation.Dequeue();
            }
        }

        return Task.WhenAll(current.Select(async listener =>
        {
            try
            {
                await listener(liveEvent);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "A component failed to handle {Event}", liveEvent.GetType().Name);
            }
        }));
    }

    private void Remove(Func<LiveEvent, Task> listener)
    {
        lock (gate)
        {
            listeners = [.. listeners.Where(l => l != listener)];
        }
    }

    public sealed class Registration(LiveCircuit circuit, Func<LiveEvent, Task> listener, long after) : IDisposable
    {
        /// <summary>The number of the last event heard before this listener began.</summary>
        internal long After { get; } = after;

        public void Dispose() => circuit.Remove(listener);
    }
}
