using System.Net;
using System.Text.RegularExpressions;
using IESCP.Data;
using IESCP.Data.Outbox;
using IESCP.Jobs.Email;
using IESCP.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IESCP.Tests.Web;

/// <summary>
/// The account forms tell a visitor nothing about which emails have accounts: a sign-up with a
/// taken email, and a reset asked for an unknown one, answer exactly as the other case does; only
/// the email that follows differs. Signing in needs a confirmed email, and no address gets more
/// than a few account emails an hour, however often the forms are posted.
/// </summary>
[Trait("Category", "Integration")]
[Collection(AppCollection.Name)]
public sealed partial class AccountEnumerationHttpTests(IescpApp app)
{
    private const string Password = "Signing#Up2026";

    [Fact]
    public async Task A_sign_up_with_a_taken_email_answers_exactly_like_a_new_one_and_mails_the_owner_instead_of_making_an_account()
    {
        var owner = await app.Users.InfluencerAsync();
        var newEmail = NewEmail();

        var answers = new List<string>();
        foreach (var (form, email) in new[] { ("influencer", newEmail), ("influencer", owner.Email), ("sponsor", owner.Email.ToUpperInvariant()) })
        {
            using var session = new HttpSession(app.BaseAddress);
            answers.Add(Answer(await SignUpAsync(session, form, email, Password)));
        }

        Assert.Equal(["302 /Account/RegisterConfirmation"], answers.Distinct());
        Assert.Equal(["Confirm your IESCP email"], await SubjectsToAsync(newEmail));
        var notices = await MessagesToAsync(owner.Email);
        Assert.Equal(["Your IESCP account", "Your IESCP account"], notices.Select(m => m.Subject));
        Assert.All(notices, m => Assert.Contains("already has one", m.Text));
        Assert.All(notices, m => Assert.DoesNotContain("ConfirmEmail", m.Html));
        Assert.All(notices, m => Assert.Contains($"{app.BaseAddress}Account/ForgotPassword", m.Html));

        // Nothing about the owner's account changed: the old password signs in, to the old home.
        using var signedIn = await HttpSession.SignedInAsync(app.BaseAddress, owner.Email, owner.Password, "/influencer");
        await using var db = await app.Get<IDbContextFactory<IescpDbContext>>().CreateDbContextAsync();
        Assert.Equal(1, await db.Users.CountAsync(u => u.NormalizedEmail == owner.Email.ToUpperInvariant()));
        Assert.Equal(0, await db.Sponsors.CountAsync(s => s.UserId == owner.UserId));
    }

    [Fact]
    public async Task A_new_account_signs_in_only_once_its_emailed_link_confirmed_it_and_until_then_only_its_password_learns_why()
    {
        var email = NewEmail();
        using var session = new HttpSession(app.BaseAddress);
        Assert.Equal("302 /Account/RegisterConfirmation", Answer(await SignUpAsync(session, "sponsor", email, Password)));

        var withPassword = await session.LoginAsync(email, Password);
        Assert.Equal(HttpStatusCode.OK, withPassword.StatusCode);
        Assert.Equal("Confirm your email first: we sent a new link to it. Open it, then log in.", await AlertAsync(withPassword));
        // Without the password it reads as any wrong password, of a known or an unknown email alike.
        using var elsewhere = new HttpSession(app.BaseAddress, IPAddress.Parse("127.0.0.8"));
        Assert.Equal("Invalid email or password.", await AlertAsync(await elsewhere.LoginAsync(email, "Wrong#Password1")));
        Assert.Equal("Invalid email or password.", await AlertAsync(await elsewhere.LoginAsync(NewEmail(), "Wrong#Password1")));

        var links = (await MessagesToAsync(email)).Select(m => PickupFolder.LinkTo(m.Html!, "/Account/ConfirmEmail?")).ToList();
        Assert.Equal(2, links.Count); // the sign-up's, and the one the sign-in sent again
        var forged = Regex.Replace(links[0], "code=[^&]+", "code=bm90LXRoZS1jb2Rl");
        Assert.Contains("This confirmation link is not valid", await (await session.GetAsync(forged)).Content.ReadAsStringAsync());

        var confirmed = await session.GetAsync(links[0]);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("your email is confirmed", await confirmed.Content.ReadAsStringAsync());
        var signIn = await session.LoginAsync(email, Password);
        Assert.Equal("302 /sponsor", Answer(signIn));
        // Confirmed is not approved: the new sponsor still waits for an admin.
        Assert.Equal("302 /sponsor/pending", Answer(await session.GetAsync("/sponsor")));
    }

    [Fact]
    public async Task Asking_for_a_reset_answers_alike_for_known_and_unknown_emails_and_only_the_known_one_gets_mail()
    {
        var known = await app.Users.InfluencerAsync();
        var unknown = NewEmail();

        using var first = new HttpSession(app.BaseAddress);
        using var second = new HttpSession(app.BaseAddress);
        var toKnown = await ForgotPasswordAsync(first, known.Email);
        var toUnknown = await ForgotPasswordAsync(second, unknown);

        Assert.Equal("302 /Account/ForgotPasswordConfirmation", Answer(toKnown));
        Assert.Equal(Answer(toKnown), Answer(toUnknown));
        Assert.Equal(["Reset your IESCP password"], await SubjectsToAsync(known.Email));
        Assert.Empty(await SubjectsToAsync(unknown));
    }

    [Fact]
    public async Task A_new_password_chosen_through_the_emailed_link_confirms_the_email_of_an_unconfirmed_account()
    {
        var email = NewEmail();
        using var session = new HttpSession(app.BaseAddress);
        await SignUpAsync(session, "influencer", email, Password);
        await ForgotPasswordAsync(session, email);

        var reset = (await MessagesToAsync(email)).Single(m => m.Subject == "Reset your IESCP password");
        var link = PickupFolder.LinkTo(reset.Html!, "/Account/ResetPassword?code=");
        var response = await session.PostFormAsync(link, "reset-password", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = "Chosen#Later1",
            ["Input.ConfirmPassword"] = "Chosen#Later1",
        });
        Assert.Equal("302 /Account/ResetPasswordConfirmation", Answer(response));

        Assert.Equal("302 /influencer", Answer(await session.LoginAsync(email, "Chosen#Later1")));
    }

    [Fact]
    public async Task An_address_gets_a_few_account_emails_an_hour_at_most_while_every_post_is_answered_the_same()
    {
        var target = await app.Users.InfluencerAsync();
        var bystander = await app.Users.InfluencerAsync();
        var limit = app.Get<IOptions<EmailOptions>>().Value.AccountEmailsPerHour;

        var answers = new List<string>();
        for (var post = 0; post < limit + 3; post++)
        {
            // Resets and sign-ups with the taken email, spelled in either case, all count together.
            using var session = new HttpSession(app.BaseAddress);
            var email = post % 2 == 0 ? target.Email : target.Email.ToUpperInvariant();
            answers.Add(post % 3 == 2 ? Answer(await SignUpAsync(session, "influencer", email, Password)) : Answer(await ForgotPasswordAsync(session, email)));
        }

        Assert.Equal(["302 /Account/ForgotPasswordConfirmation", "302 /Account/RegisterConfirmation"], answers.Distinct().Order());
        Assert.Equal(limit, (await MessagesToAsync(target.Email)).Count);
        using var other = new HttpSession(app.BaseAddress);
        await ForgotPasswordAsync(other, bystander.Email);
        Assert.Equal(["Reset your IESCP password"], await SubjectsToAsync(bystander.Email));
    }

    private static string NewEmail() => $"visitor-{Guid.NewGuid():N}@iescp.test";

    private static Task<HttpResponseMessage> SignUpAsync(HttpSession session, string form, string email, string password) =>
        form == "sponsor"
            ? session.PostFormAsync("/Account/Register/Sponsor", "register-sponsor", new()
            {
                ["Input.Name"] = "Probe Brand",
                ["Input.Kind"] = "Company",
                ["Input.Industry"] = "Retail",
                ["Input.Budget"] = "1000",
                ["Input.Email"] = email,
                ["Input.Password"] = password,
                ["Input.ConfirmPassword"] = password,
            })
            : session.PostFormAsync("/Account/Register/Influencer", "register-influencer", new()
            {
                ["Input.Name"] = "Probe Creator",
                ["Input.Category"] = "Travel",
                ["Input.Niche"] = "Adventure",
                ["Input.Followers"] = "1000",
                ["Input.Email"] = email,
                ["Input.Password"] = password,
                ["Input.ConfirmPassword"] = password,
            });

    private static Task<HttpResponseMessage> ForgotPasswordAsync(HttpSession session, string email) =>
        session.PostFormAsync("/Account/ForgotPassword", "forgot-password", new() { ["Input.Email"] = email });

    /// <summary>What a visitor can tell from an answer: its status and where it sends them.</summary>
    private static string Answer(HttpResponseMessage response) =>
        $"{(int)response.StatusCode} {(response.Headers.Location is null ? "" : HttpSession.RedirectPath(response))}";

    private static async Task<string> AlertAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(Alert().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value.Trim());

    private async Task<List<OutboxMessage>> MessagesToAsync(string email)
    {
        await using var db = await app.Get<IDbContextFactory<IescpDbContext>>().CreateDbContextAsync();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.Recipient.ToUpper() == email.ToUpperInvariant()).OrderBy(m => m.Id).ToListAsync();
    }

    private async Task<List<string>> SubjectsToAsync(string email) => [.. (await MessagesToAsync(email)).Select(m => m.Subject)];

    [GeneratedRegex("role=\"alert\">([^<]*)<")]
    private static partial Regex Alert();
}
