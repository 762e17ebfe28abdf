using System.Net;
using IESCP.Tests.Infrastructure;

namespace IESCP.Tests.Web;

/// <summary>The role rules, enforced by the server on every request whatever the UI shows.</summary>
[Trait("Category", "Integration")]
[Collection(AppCollection.Name)]
public sealed class AuthorizationHttpTests(IescpApp app)
{
    public static TheoryData<string> HomePages => ["/admin", "/sponsor", "/influencer", "/sponsor/pending"];

    [Theory]
    [MemberData(nameof(HomePages))]
    public async Task Anonymous_visitors_are_sent_to_the_login_page(string path)
    {
        using var session = new HttpSession(app.BaseAddress);
        var response = await session.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", HttpSession.RedirectPath(response));
    }

    [Fact]
    public async Task The_admin_reaches_only_the_admin_pages()
    {
        using var session = await SignedInAsync(IescpApp.AdminEmail, IescpApp.AdminPassword, expectedHome: "/admin");
        await AssertReachableAsync(session, "/admin");
        await AssertDeniedAsync(session, "/sponsor", "/influencer", "/sponsor/pending");
    }

    [Fact]
    public async Task An_approved_sponsor_reaches_only_the_sponsor_pages()
    {
        var sponsor = await app.Users.SponsorAsync();
        using var session = await SignedInAsync(sponsor.Email, sponsor.Password, expectedHome: "/sponsor");
        await AssertReachableAsync(session, "/sponsor");
        await AssertDeniedAsync(session, "/admin", "/influencer");
    }

    [Fact]
    public async Task A_pending_sponsor_only_sees_the_waiting_page()
    {
        var sponsor = await app.Users.SponsorAsync(approved: false);
        using var session = await SignedInAsync(sponsor.Email, sponsor.Password, expectedHome: "/sponsor");

        var home = await session.GetAsync("/sponsor");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/sponsor/pending", HttpSession.RedirectPath(home));
        var pending = await session.GetAsync("/sponsor/pending");
        Assert.Contains("Waiting for approval", await pending.Content.ReadAsStringAsync());
        await AssertDeniedAsync(session, "/admin", "/influencer");
    }

    [Fact]
    public async Task An_influencer_reaches_only_the_influencer_pages()
    {
        var influencer = await app.Users.InfluencerAsync();
        using var session = await SignedInAsync(influencer.Email, influencer.Password, expectedHome: "/influencer");
        await AssertReachableAsync(session, "/influencer");
        await AssertDeniedAsync(session, "/admin", "/sponsor", "/sponsor/pending");
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_clear_message_and_no_cookie()
    {
        var influencer = await app.Users.InfluencerAsync();
        using var session = new HttpSession(app.BaseAddress);

        var response = await session.LoginAsync(influencer.Email, "Wrong#Password1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Invalid email or password.", await response.Content.ReadAsStringAsync());
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("iescp.auth=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/influencer")).StatusCode);
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_even_against_the_right_password()
    {
        var influencer = await app.Users.InfluencerAsync();
        using var session = new HttpSession(app.BaseAddress);
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await session.LoginAsync(influencer.Email, "Wrong#Password1")).StatusCode);
        }

        var fifth = await session.LoginAsync(influencer.Email, "Wrong#Password1");
        Assert.Equal("/Account/Lockout", HttpSession.RedirectPath(fifth));

        var withRightPassword = await session.LoginAsync(influencer.Email, influencer.Password);
        Assert.Equal("/Account/Lockout", HttpSession.RedirectPath(withRightPassword));
    }

    [Fact]
    public async Task Logging_in_never_redirects_to_another_site()
    {
        var influencer = await app.Users.InfluencerAsync();
        using var session = new HttpSession(app.BaseAddress);
        var response = await session.PostFormAsync("/Account/Login?ReturnUrl=https%3A%2F%2Fevil.example%2F", "login",
            new() { ["Input.Email"] = influencer.Email, ["Input.Password"] = influencer.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("evil.example", response.Headers.Location!.OriginalString);
        Assert.Equal("/influencer", HttpSession.RedirectPath(response));
    }

    private Task<HttpSession> SignedInAsync(string email, string password, string expectedHome) =>
        HttpSession.SignedInAsync(app.BaseAddress, email, password, expectedHome);

    private static async Task AssertReachableAsync(HttpSession session, string path) =>
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync(path)).StatusCode);

    private static async Task AssertDeniedAsync(HttpSession session, params string[] paths)
    {
        foreach (var path in paths)
        {
            var response = await session.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path} answered {response.StatusCode}");
            Assert.StartsWith("/Account/AccessDenied", HttpSession.RedirectPath(response));
        }
    }
}
