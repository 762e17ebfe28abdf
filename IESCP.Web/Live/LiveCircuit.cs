using IESCP.Data.Identity;
using IESCP.Data.Live;
using IESCP.Web.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace IESCP.Web.Live;

/// <summary>
/// The live events of one open browser tab (one Blazor circuit). When the circuit opens it
/// subscribes once for its user (and, for an admin, for the admins); the components on screen
/// register with it synchronously and hear only what this user is told. The subscription ends
/// with the circuit, so a closed tab leaves nothing behind.
/// </summary>
public sealed class LiveCircuit(
    ILiveEvents events, AuthenticationStateProvider authentication, UserActivity activity, ILogger<LiveCircuit> logger)
    : CircuitHandler, IDisposable
{
    private readonly List<IDisposable> subscriptions = [];
    private readonly Lock gate = new();
    private List<Func<LiveEvent, Task>> listeners = [];

    /// <summary>The signed-in user of this circuit, once it is open; null for a visitor or before.</summary>
    public Actor? Actor { get; private set; }

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Actor = CurrentUser.ActorOf((await authentication.GetAuthenticationStateAsync()).User);
        if (Actor is null)
        {
            return;
        }

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
    public IDisposable Listen(Func<LiveEvent, Task> listener)
    {
        lock (gate)
        {
            listeners = [.. listeners, listener];
        }

        return new Registration(this, listener);
    }

    public void Dispose()
    {
        lock (gate)
        {
            subscriptions.ForEach(s => s.Dispose());
            subscriptions.Clear();
            listeners = [];
        }
    }

    private Task DispatchAsync(LiveEvent liveEvent)
    {
        List<Func<LiveEvent, Task>> current;
        lock (gate)
        {
            current = listeners;
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

    private sealed class Registration(LiveCircuit circuit, Func<LiveEvent, Task> listener) : IDisposable
    {
        public void Dispose() => circuit.Remove(listener);
    }
}
