using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace IESCP.Data.Live;

/// <summary>
/// The live events of one app instance: subscribers by key, each event handed to all of its
/// audience's subscribers at once on the thread pool. A subscriber that fails (a closed page,
/// a dead circuit) is logged and cannot disturb the others or the command that published.
/// </summary>
public sealed class InProcessLiveEvents(ILogger<InProcessLiveEvents> logger) : ILiveEvents
{
    private readonly ConcurrentDictionary<string, ImmutableList<Subscription>> subscribers = new();

    public IDisposable Subscribe(string key, Func<LiveEvent, Task> handler)
    {
        var subscription = new Subscription(this, key, handler);
        subscribers.AddOrUpdate(key, _ => [subscription], (_, list) => list.Add(subscription));
        return subscription;
    }

    public void Publish(LiveEvent liveEvent)
    {
        // A listener under two of the event's keys (an admin who is also in its audience as a user) hears it once.
        var handlers = liveEvent.Audience
            .SelectMany(key => subscribers.TryGetValue(key, out var list) ? list : [])
            .DistinctBy(s => s.Handler)
            .ToList();
        if (handlers.Count > 0)
        {
            _ = Task.Run(() => Task.WhenAll(handlers.Select(h => DeliverAsync(h, liveEvent))));
        }
    }

    /// <summary>How many subscriptions a key has (for tests and diagnostics).</summary>
    public int CountOf(string key) => subscribers.TryGetValue(key, out var list) ? list.Count : 0;

    private async Task DeliverAsync(Subscription subscription, LiveEvent liveEvent)
    {
        try
        {
            await subscription.Handler(liveEvent);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "A live-update subscriber failed on {Event}; the others were still told", liveEvent.GetType().Name);
        }
    }

    private void Remove(Subscription subscription)
    {
        subscribers.AddOrUpdate(subscription.Key, _ => [], (_, list) => list.Remove(subscription));
        // Keys of users who closed every page are dropped, so the map does not grow with every visitor.
        subscribers.TryRemove(new KeyValuePair<string, ImmutableList<Subscription>>(subscription.Key, []));
    }

    private sealed class Subscription(InProcessLiveEvents owner, string key, Func<LiveEvent, Task> handler) : IDisposable
    {
        private int disposed;

        public string Key => key;

        public Func<LiveEvent, Task> Handler => handler;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                owner.Remove(this);
            }
        }
    }
}
