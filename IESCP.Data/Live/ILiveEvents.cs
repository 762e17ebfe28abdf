namespace IESCP.Data.Live;

/// <summary>
/// Live updates for open pages. Commands publish after their transaction commits; pages
/// subscribe under a key (<see cref="LiveKeys"/>) and dispose the token when they close. This
/// instance's implementation is in-process; one over Redis pub/sub would carry events between
/// instances behind the same interface.
/// </summary>
public interface ILiveEvents
{
    /// <summary>Calls <paramref name="handler"/> for every event whose audience has <paramref name="key"/>, until disposed.</summary>
    IDisposable Subscribe(string key, Func<LiveEvent, Task> handler);

    /// <summary>Tells every subscriber in the event's audience, in the background: the caller never waits for pages.</summary>
    void Publish(LiveEvent liveEvent);
}
