using System.Net;
using System.Text;
using IESCP.Data.Admin;
using IESCP.Data.Identity;
using IESCP.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace IESCP.Tests.Web;

/// <summary>The role rules, enforced by the server on every request whatever the UI shows.</summary>
[Trait("Category", "Integration")]
[Collection(AppCollection.Name)]
public sealed class AuthorizationHttpTests(IescpApp app)
{
    public static TheoryData<string> HomePages => ["/admin", "/sponsor", "/influencer", "/sponsor/pending", "/notifications"];

    private static readonly string[] AdminPages = ["/admin", "/admin/sponsors", "/admin/users", "/admin/campaigns", "/admin/audit"];

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
        foreach (var page in AdminPages.Append("/notifications"))
        {
            await AssertReachableAsync(session, page);
        }

        await AssertDeniedAsync(session, "/sponsor", "/influencer", "/sponsor/pending");
    }

    [Fact]
    public async Task An_approved_sponsor_reaches_only_the_sponsor_pages()
    {
        var sponsor = await app.Users.SponsorAsync();
        using var session = await SignedInAsync(sponsor.Email, sponsor.Password, expectedHome: "/sponsor");
        await AssertReachableAsync(session, "/sponsor");
        await AssertDeniedAsync(session, [.. AdminPages, "/influencer"]);
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
        await AssertDeniedAsync(session, [.. AdminPages, "/influencer"]);
    }

    [Fact]
    public async Task An_influencer_reaches_only_the_influencer_pages()
    {
        var influencer = await app.Users.InfluencerAsync();
        using var session = await SignedInAsync(influencer.Email, influencer.Password, expectedHome: "/influencer");
        await AssertReachableAsync(session, "/influencer");
        await AssertReachableAsync(session, "/notifications");
        await AssertDeniedAsync(session, [.. AdminPages, "/sponsor", "/sponsor/pending"]);
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
    public async Task Five_failures_hold_off_that_address_but_never_lock_the_owner_out_from_elsewhere()
    {
        var influencer = await app.Users.InfluencerAsync();
        using var attacker = new HttpSession(app.BaseAddress, IPAddress.Parse("127.0.0.2"));
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.Contains("Invalid email or password.", await (await attacker.LoginAsync(influencer.Email, "Wrong#Password1")).Content.ReadAsStringAsync());
        }

        var sixth = await attacker.LoginAsync(influencer.Email, influencer.Password);
        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        Assert.Contains("Too many failed attempts from here.", await sixth.Content.ReadAsStringAsync());

        using var owner = new HttpSession(app.BaseAddress, IPAddress.Parse("127.0.0.3"));
        Assert.Equal("/influencer", HttpSession.RedirectPath(await owner.LoginAsync(influencer.Email, influencer.Password)));
    }

    [Fact]
    public async Task An_unknown_email_is_answered_exactly_like_a_known_one_wrong_password_after_wrong_password()
    {
        var known = await app.Users.InfluencerAsync();
        using var first = new HttpSession(app.BaseAddress, IPAddress.Parse("127.0.0.4"));
        using var second = new HttpSession(app.BaseAddress, IPAddress.Parse("127.0.0.5"));
        var unknown = $"nobody-{Guid.NewGuid():N}@iescp.test";
        var answers = new List<string>();
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var toKnown = await AlertAsync(await first.LoginAsync(known.Email, "Wrong#Password1"));
            var toUnknown = await AlertAsync(await second.LoginAsync(unknown, "Wrong#Password1"));
            Assert.Equal(toKnown, toUnknown);
            answers.Add(toKnown);
        }

        Assert.StartsWith("Too many failed attempts from here.", answers[^1]);

        static async Task<string> AlertAsync(HttpResponseMessage response) =>
            System.Text.RegularExpressions.Regex.Match(await response.Content.ReadAsStringAsync(), "role=\"alert\">([^<]*)<").Groups[1].Value.Trim();
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

    [Fact]
    public async Task A_flag_ends_a_signed_in_session_at_its_next_request_and_an_unflag_does_not_revive_it()
    {
        var influencer = await app.Users.InfluencerAsync();
        using var session = await SignedInAsync(influencer.Email, influencer.Password, expectedHome: "/influencer");
        var admin = await app.Users.AdminAsync();

        Assert.True((await app.Get<ModerationRepository>().FlagUserAsync(admin, influencer.UserId, new ReasonInput { Reason = "Spam." })).Succeeded);
        Assert.StartsWith("/Account/Login", HttpSession.RedirectPath(await session.GetAsync("/influencer")));

        Assert.True((await app.Get<ModerationRepository>().UnflagUserAsync(admin, influencer.UserId)).Succeeded);
        Assert.StartsWith("/Account/Login", HttpSession.RedirectPath(await session.GetAsync("/influencer")));
        using var again = await SignedInAsync(influencer.Email, influencer.Password, expectedHome: "/influencer");
        await AssertReachableAsync(again, "/influencer");
    }

    [Fact]
    public async Task A_new_password_ends_every_other_session_at_once()
    {
        var influencer = await app.Users.InfluencerAsync();
        using var elsewhere = await SignedInAsync(influencer.Email, influencer.Password, expectedHome: "/influencer");
        await AssertReachableAsync(elsewhere, "/influencer");
        string code;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var token = await users.GeneratePasswordResetTokenAsync((await users.FindByIdAsync(influencer.UserId))!);
            code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        }

        using var reset = new HttpSession(app.BaseAddress);
        var response = await reset.PostFormAsync($"/Account/ResetPassword?code={code}", "reset-password", new()
        {
            ["Input.Email"] = influencer.Email,
            ["Input.Password"] = "Brand#New2026",
            ["Input.ConfirmPassword"] = "Brand#New2026",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        Assert.Equal("/Account/ResetPasswordConfirmation", HttpSession.RedirectPath(response));

        Assert.StartsWith("/Account/Login", HttpSession.RedirectPath(await elsewhere.GetAsync("/influencer")));
    }

    [Fact]
    public async Task Logging_out_to_a_foreign_or_malformed_address_lands_on_the_home_page()
    {
        var influencer = await app.Users.InfluencerAsync();
        foreach (var returnUrl in new[] { "\\evil.com", "//evil.com", "https://evil.example/", "/\\evil.com" })
        {
            using var session = await SignedInAsync(influencer.Email, influencer.Password, expectedHome: "/influencer");
            var response = await session.PostFormAsync("/influencer", "", new() { ["ReturnUrl"] = returnUrl }, action: "/Account/Logout");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/", HttpSession.RedirectPath(response));
        }
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
