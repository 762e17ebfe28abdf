using System.Net;
using IESCP.Tests.Infrastructure;
using IESCP.Web.Security;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace IESCP.Tests.Security;

/// <summary>Account forms take a few posts a minute from one address; the next are refused with 429, other addresses unaffected.</summary>
[Trait("Category", "Integration")]
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly IescpApp app = new LimitedApp();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task The_fourth_sign_in_post_in_a_minute_from_one_address_is_refused_and_others_go_on()
    {
        using var busy = new HttpSession(app.BaseAddress, IPAddress.Parse("127.0.0.6"));
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await busy.LoginAsync("someone@iescp.test", "Wrong#Password1")).StatusCode);
        }

        var fourth = await busy.LoginAsync("someone@iescp.test", "Wrong#Password1");
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.StatusCode);
        Assert.Contains("Too many attempts from your address", await fourth.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/Account/Login")).StatusCode); // pages still open

        using var other = new HttpSession(app.BaseAddress, IPAddress.Parse("127.0.0.7"));
        Assert.Equal(HttpStatusCode.OK, (await other.LoginAsync("someone@iescp.test", "Wrong#Password1")).StatusCode);
        var signUp = await busy.PostFormAsync("/Account/Register/Influencer", "register-influencer", new() { ["Input.Name"] = "x" });
        Assert.NotEqual(HttpStatusCode.TooManyRequests, signUp.StatusCode); // each form has its own allowance
    }

    private sealed class LimitedApp() : IescpApp(new Dictionary<string, string?> { ["RateLimits:AccountFormsPerMinute"] = "3" });
}

/// <summary>Failures on one account from anywhere slow every further attempt, doubling up to a cap.</summary>
[Trait("Category", "Unit")]
public sealed class SignInGuardTests
{
    [Fact]
    public async Task Waits_start_after_the_threshold_double_and_stop_at_the_cap_while_other_accounts_wait_nothing()
    {
        var guard = new SignInGuard(new MemoryDistributedCache(Options.Create(new MemoryDistributedCacheOptions())),
            Options.Create(new SignInGuardOptions { FailuresBeforeDelay = 3, MaxDelay = TimeSpan.FromSeconds(4) }),
            NullLogger<SignInGuard>.Instance);
        var waits = new List<double>();
        for (var failure = 1; failure <= 7; failure++)
        {
            await guard.FailedAsync("Target@iescp.test", $"10.0.0.{failure}");
            waits.Add((await guard.DelayAsync("target@IESCP.test")).TotalSeconds);
        }

        Assert.Equal([0, 0, 1, 2, 4, 4, 4], waits);
        Assert.Equal(TimeSpan.Zero, await guard.DelayAsync("someone-else@iescp.test"));
        Assert.False(await guard.IsHeldOffAsync("target@iescp.test", "10.0.0.1")); // one failure from each address
    }
}
