namespace IESCP.Data.Outbox;

/// <summary>
/// Raised after a commit that queued messages, so the dispatcher sends them within moments
/// instead of at its next scheduled run. Only a hint: a missed signal delays, never loses, a message.
/// </summary>
public sealed class OutboxSignal
{
    private readonly Lock gate = new();
    private List<Action> listeners = [];

    public IDisposable Listen(Action onQueued)
    {
        lock (gate)
        {
            listeners = [.. listeners, onQueued];
        }

        return new Subscription(this, onQueued);
    }

    public void Raise()
    {
        List<Action> current;
        lock (gate)
        {
            current = listeners;
        }

        current.ForEach(listener => listener());
    }

    private sealed class Subscription(OutboxSignal signal, Action listener) : IDisposable
    {
        public void Dispose()
        {
            lock (signal.gate)
            {
                signal.listeners = [.. signal.listeners.Where(l => l != listener)];
            }
        }
    }
}
