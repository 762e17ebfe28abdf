using IESCP.Data.Live;
using Microsoft.Extensions.Logging.Abstractions;

namespace IESCP.Tests.Infrastructure;

/// <summary>The app's live events, with every published event also kept in order for the test to read.</summary>
public sealed class RecordingLiveEvents : ILiveEvents
{
    private readonly InProcessLiveEvents inner = new(NullLogger<InProcessLiveEvents>.Instance);
    private readonly List<LiveEvent> published = [];

    public IReadOnlyList<LiveEvent> Published
    {
        get
        {
            lock (published)
            {
                return [.. published];
            }
        }
    }

    public IDisposable Subscribe(string key, Func<LiveEvent, Task> handler) => inner.Subscribe(key, handler);

    public void Publish(LiveEvent liveEvent)
    {
        lock (published)
        {
            published.Add(liveEvent);
        }

        inner.Publish(liveEvent);
    }
}
