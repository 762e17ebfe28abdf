using IESCP.Data.Live;
using IESCP.Data.Sponsors;
using Microsoft.Extensions.Logging.Abstractions;

namespace IESCP.Tests.Live;

[Trait("Category", "Unit")]
public sealed class LiveEventsTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly InProcessLiveEvents events = new(NullLogger<InProcessLiveEvents>.Instance);

    [Fact]
    public async Task Only_the_users_in_an_events_audience_hear_it()
    {
        var heard = new Inbox();
        using var sponsor = events.Subscribe(LiveKeys.User("sponsor-1"), heard.For("sponsor-1"));
        using var influencer = events.Subscribe(LiveKeys.User("influencer-1"), heard.For("influencer-1"));
        using var stranger = events.Subscribe(LiveKeys.User("someone-else"), heard.For("someone-else"));
        using var admins = events.Subscribe(LiveKeys.Admins, heard.For("admins"));

        events.Publish(new AdRequestChanged(7, 3, "sponsor-1", "influencer-1"));

        Assert.Equal(["admins", "influencer-1", "sponsor-1"], (await heard.WaitForAsync(3)).Order());
        events.Publish(new SponsorSignedUp(9));
        Assert.Equal("admins", (await heard.WaitForAsync(4))[3]);
    }

    [Fact]
    public async Task Publishing_does_not_wait_for_subscribers()
    {
        var stuck = new TaskCompletionSource();
        using var slow = events.Subscribe(LiveKeys.User("u"), _ => stuck.Task);

        var publish = Task.Run(() => events.Publish(new SponsorDecided(1, "u", ApprovalStatus.Approved)));

        Assert.Same(publish, await Task.WhenAny(publish, Task.Delay(Deadline)));
        Assert.False(stuck.Task.IsCompleted);
        stuck.SetResult();
    }

    [Fact]
    public async Task A_failing_subscriber_does_not_keep_the_others_from_hearing()
    {
        var heard = new Inbox();
        using var failing = events.Subscribe(LiveKeys.User("u"), _ => throw new InvalidOperationException("circuit gone"));
        using var faulted = events.Subscribe(LiveKeys.User("u"), _ => Task.FromException(new ObjectDisposedException("page")));
        using var working = events.Subscribe(LiveKeys.User("u"), heard.For("working"));

        events.Publish(new SponsorDecided(1, "u", ApprovalStatus.Approved));

        Assert.Equal(["working"], await heard.WaitForAsync(1));
    }

    [Fact]
    public async Task A_disposed_subscription_hears_nothing_more_and_leaves_no_key_behind()
    {
        var heard = new Inbox();
        var first = events.Subscribe(LiveKeys.User("u"), heard.For("first"));
        using var second = events.Subscribe(LiveKeys.User("u"), heard.For("second"));

        first.Dispose();
        first.Dispose();
        events.Publish(new SponsorDecided(1, "u", ApprovalStatus.Approved));

        Assert.Equal(["second"], await heard.WaitForAsync(1));
        second.Dispose();
        Assert.Equal(0, events.CountOf(LiveKeys.User("u")));
    }

    [Fact]
    public async Task A_subscriber_under_two_keys_of_one_event_hears_it_once()
    {
        var heard = new Inbox();
        var handler = heard.For("admin-and-party");
        using var asUser = events.Subscribe(LiveKeys.User("admin-1"), handler);
        using var asAdmin = events.Subscribe(LiveKeys.Admins, handler);
        // Subscribed last under the last key of the audience, so it is told last (deliveries here finish synchronously).
        using var marker = events.Subscribe(LiveKeys.Admins, heard.For("marker"));

        events.Publish(new AdRequestChanged(7, 3, "sponsor-1", "admin-1"));

        Assert.Equal(["admin-and-party", "marker"], await heard.WaitForAsync("marker"));
    }

    /// <summary>Collects which subscriber heard what, and waits (with a deadline) until enough did.</summary>
    private sealed class Inbox
    {
        private readonly List<string> names = [];

        public Func<LiveEvent, Task> For(string name) => _ =>
        {
            lock (names)
            {
                names.Add(name);
            }

            return Task.CompletedTask;
        };

        /// <summary>Everything heard up to and including the first delivery to <paramref name="last"/>.</summary>
        public async Task<List<string>> WaitForAsync(string last)
        {
            var until = DateTime.UtcNow + Deadline;
            while (DateTime.UtcNow < until)
            {
                lock (names)
                {
                    if (names.IndexOf(last) is var at and >= 0)
                    {
                        return names[..(at + 1)];
                    }
                }

                await Task.Delay(10);
            }

            throw new TimeoutException($"{last} heard nothing.");
        }

        public async Task<List<string>> WaitForAsync(int count)
        {
            var until = DateTime.UtcNow + Deadline;
            while (DateTime.UtcNow < until)
            {
                lock (names)
                {
                    if (names.Count >= count)
                    {
                        return [.. names];
                    }
                }

                await Task.Delay(10);
            }

            throw new TimeoutException($"Only {names.Count} of {count} deliveries arrived.");
        }
    }
}
