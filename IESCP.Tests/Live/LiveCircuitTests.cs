using System.Security.Claims;
using IESCP.Data.Exports;
using IESCP.Data.Identity;
using IESCP.Data.Live;
using IESCP.Tests.Infrastructure;
using IESCP.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Logging.Abstractions;

namespace IESCP.Tests.Live;

/// <summary>
/// A page reads its data, then renders the component that listens for changes to it. An event
/// between the two must not be lost: the export page once showed "0 of 3 rows" for good because
/// the first row's progress was told while it was reading.
/// </summary>
[Trait("Category", "Integration")]
public sealed class LiveCircuitTests : DatabaseTest
{
    private readonly InProcessLiveEvents events = new(NullLogger<InProcessLiveEvents>.Instance);
    private readonly TestNavigation navigation = new();

    [Fact]
    public async Task A_listener_catches_up_on_what_was_heard_since_the_navigation_and_before_it_began()
    {
        var sponsor = await Db.CreateSponsorAsync();
        using var circuit = await OpenAsync(sponsor);

        events.Publish(new ExportChanged(Guid.NewGuid(), sponsor.UserId));
        await Eventually.TrueAsync(() => Task.FromResult(HeardCount(circuit) == 1), "the event before the navigation heard");
        navigation.GoTo("exports");
        var missed = new ExportChanged(Guid.NewGuid(), sponsor.UserId);
        events.Publish(missed);
        await Eventually.TrueAsync(() => Task.FromResult(HeardCount(circuit) == 1), "the event after the navigation heard");

        var live = new List<LiveEvent>();
        using var registration = circuit.Listen(e =>
        {
            lock (live)
            {
                live.Add(e);
            }

            return Task.CompletedTask;
        });
        var after = new ExportChanged(Guid.NewGuid(), sponsor.UserId);
        events.Publish(after);
        await Eventually.TrueAsync(() => Task.FromResult(live.Count == 1), "the event after listening heard live");

        // What the page's read may have missed, and only that: not what came before the
        // navigation (the read saw it), nor what the listener heard itself.
        Assert.Equal([missed], circuit.HeardBefore(registration));
        Assert.Equal([after], live);
    }

    private int HeardCount(LiveCircuit circuit)
    {
        using var probe = circuit.Listen(_ => Task.CompletedTask);
        return circuit.HeardBefore(probe).Count;
    }

    private async Task<LiveCircuit> OpenAsync(Actor actor)
    {
        var circuit = new LiveCircuit(events, new SignedIn(actor), navigation, Db.Get<UserActivity>(), NullLogger<LiveCircuit>.Instance);
        await circuit.OnCircuitOpenedAsync(null!, CancellationToken.None);
        Assert.Equal(actor, circuit.Actor);
        return circuit;
    }

    private sealed class SignedIn(Actor actor) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(new ClaimsPrincipal(
            new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, actor.UserId), new Claim(ClaimTypes.Role, actor.Role)], "test"))));
    }

    private sealed class TestNavigation : NavigationManager
    {
        public TestNavigation() => Initialize("http://localhost/", "http://localhost/");

        public void GoTo(string path) => NavigateTo(path);

        protected override void NavigateToCore(string uri, NavigationOptions options)
        {
            Uri = ToAbsoluteUri(uri).ToString();
            NotifyLocationChanged(isInterceptedLink: false);
        }
    }
}
