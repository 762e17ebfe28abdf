using IESCP.Tests.Infrastructure;
using IESCP.Web.Commands;

namespace IESCP.Tests.Web;

/// <summary>
/// The bench's tabs speak the browser script's protocol without a browser; if a page or the
/// protocol changes under them, the bench's circuit figures would silently stop meaning anything.
/// </summary>
[Trait("Category", "Integration")]
[Collection(AppCollection.Name)]
public sealed class BenchCircuitClientTests(IescpApp app)
{
    [Fact]
    public async Task A_tab_without_a_browser_opens_a_circuit_on_each_bench_page_navigates_and_clicks_the_bell()
    {
        var sponsor = await app.Users.SponsorAsync();
        using var session = await BenchClient.SignInAsync(app.BaseAddress, sponsor.Email, sponsor.Password);
        using var http = CircuitClient.NewHttpClient(app.BaseAddress);
        foreach (var path in CircuitClientCommand.OpenPaths)
        {
            await using var tab = await CircuitClient.OpenAsync(http, session.CookieHeader, path);

            Assert.NotNull(await tab.ClickBellAsync());
            await tab.NavigateAsync("settings");
            Assert.NotNull(await tab.ClickBellAsync());
            Assert.Null(tab.Failure);
        }
    }
}
