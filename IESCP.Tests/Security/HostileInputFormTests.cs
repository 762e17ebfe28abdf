using System.Net;
using IESCP.Tests.Infrastructure;
using static IESCP.Tests.Security.HostileInputs;

namespace IESCP.Tests.Security;

/// <summary>
/// The hostile input corpus posted as a browser posts the account forms (server-rendered, so the
/// page itself reads the typed text into numbers and choices): every post is answered with the
/// form and a message next to the field, or goes through; never an error page, and a refused post
/// changes nothing.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class HostileInputFormTests(IescpApp app) : IClassFixture<IescpApp>
{
    private static readonly string[] BackgroundTables = ["OutboxMessages", "JobRuns", "QRTZ_"];

    // What people type where a number goes: none of it is a usable amount or count.
    private static readonly string[] TypedNumbers =
        ["NaN", "Infinity", "-Infinity", "1e15", "1e400", "-1", "0.001", "abc", "١٢٣", "0x10", "1_000", "99999999999999999999999999999999", "12.345.678", "--1"];

    private static readonly string[] TypedChoices = ["99", "-1", "Admin", "1e3", "Company; DROP TABLE Sponsors"];

    private readonly List<string> problems = [];
    private int checks;

    [Fact]
    public async Task Sign_up_login_and_password_reset_forms_answer_every_hostile_input_with_the_form_and_a_message_never_an_error()
    {
        foreach (var number in TypedNumbers)
        {
            await RefusedAsync("sponsor sign-up", "/Account/Register/Sponsor", "register-sponsor", "Input.Budget", number, Sponsor());
            await RefusedAsync("influencer sign-up", "/Account/Register/Influencer", "register-influencer", "Input.Followers", number, Influencer());
        }

        foreach (var choice in TypedChoices)
        {
            await RefusedAsync("sponsor sign-up", "/Account/Register/Sponsor", "register-sponsor", "Input.Kind", choice, Sponsor());
            await RefusedAsync("influencer sign-up", "/Account/Register/Influencer", "register-influencer", "Input.Category", choice, Influencer());
        }

        foreach (var text in Texts.Where(t => t.Value is not null))
        {
            foreach (var field in new[] { "Input.Name", "Input.Industry", "Input.Email" })
            {
                await AnsweredAsync("sponsor sign-up", "/Account/Register/Sponsor", "register-sponsor", field, text.Value!, Sponsor());
            }

            await AnsweredAsync("log in", "/Account/Login", "login", "Input.Email", text.Value!, new() { ["Input.Password"] = "Wrong#Pass1" });
            await AnsweredAsync("forgot password", "/Account/ForgotPassword", "forgot-password", "Input.Email", text.Value!, []);
        }

        foreach (var email in Emails)
        {
            await RefusedAsync("sponsor sign-up", "/Account/Register/Sponsor", "register-sponsor", "Input.Email", email, Sponsor());
            await AnsweredAsync("forgot password", "/Account/ForgotPassword", "forgot-password", "Input.Email", email, []);
        }

        Assert.True(problems.Count == 0, $"{problems.Count} of {checks} posts mishandled:\n" + string.Join("\n", problems));
        Assert.True(checks >= 100, $"Only {checks} posts were checked.");
    }

    /// <summary>The post must come back as the form with a message next to <paramref name="field"/>, and change no table.</summary>
    private async Task RefusedAsync(string form, string path, string name, string field, string value, Dictionary<string, string> others)
    {
        checks++;
        var what = $"{form} × {field} × {Short(value)}";
        var before = await DataFingerprint.OfAsync(app.DatabaseFile, BackgroundTables);
        var (status, html) = await PostAsync(path, name, field, value, others);
        var changes = (await DataFingerprint.OfAsync(app.DatabaseFile, BackgroundTables)).ChangesSince(before);
        if (status != HttpStatusCode.OK)
        {
            problems.Add($"{what}: answered {(int)status}");
        }
        else if (!HasMessageOn(html, field))
        {
            problems.Add($"{what}: the form came back without a message next to the field");
        }

        if (changes.Count > 0)
        {
            problems.Add($"{what}: wrote {string.Join(", ", changes)}");
        }
    }

    /// <summary>The post must be answered with the form (a message next to <paramref name="field"/>, nothing written) or go through (a redirect); never an error.</summary>
    private async Task AnsweredAsync(string form, string path, string name, string field, string value, Dictionary<string, string> others)
    {
        checks++;
        var what = $"{form} × {field} × {Short(value)}";
        var before = await DataFingerprint.OfAsync(app.DatabaseFile, BackgroundTables);
        var (status, html) = await PostAsync(path, name, field, value, others);
        if (status is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)
        {
            return;
        }

        var changes = (await DataFingerprint.OfAsync(app.DatabaseFile, BackgroundTables)).ChangesSince(before);
        if (status == HttpStatusCode.BadRequest && !Data.PlainText.IsClean(value))
        {
            // Control characters in a form post are refused by the framework (400) before the page
            // runs; the account pages are never reached. Nothing may change either way.
            if (changes.Count > 0)
            {
                problems.Add($"{what}: refused, but wrote {string.Join(", ", changes)}");
            }
        }
        else if (status != HttpStatusCode.OK)
        {
            problems.Add($"{what}: answered {(int)status}");
        }
        else if (!HasMessageOn(html, field) && !html.Contains("Error:", StringComparison.Ordinal))
        {
            problems.Add($"{what}: the form came back without a message");
        }
        else if (changes.Count > 0)
        {
            problems.Add($"{what}: refused, but wrote {string.Join(", ", changes)}");
        }
    }

    private async Task<(HttpStatusCode Status, string Html)> PostAsync(string path, string name, string field, string value, Dictionary<string, string> others)
    {
        // A loopback address of its own: the sign-in guard holds off an address after repeated failures.
        using var session = new HttpSession(app.BaseAddress, IPAddress.Parse("127.0.0.91"));
        var fields = new Dictionary<string, string>(others) { [field] = value };
        using var response = await session.PostFormAsync(path, name, fields);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Whether the form field whose label points at <paramref name="field"/> shows a message (every
    /// field keeps an empty message line, so the line must hold text).
    /// </summary>
    private static bool HasMessageOn(string html, string field) =>
        html.Split("<div class=\"form-field\">").Skip(1)
            .Any(part => part.Contains($"for=\"{field}\"", StringComparison.Ordinal) && MessageLine().IsMatch(part));

    [System.Text.RegularExpressions.GeneratedRegex("<div class=\"field-error\">[^<]*[^<\\s][^<]*</div>")]
    private static partial System.Text.RegularExpressions.Regex MessageLine();

    private static Dictionary<string, string> Sponsor() => new()
    {
        ["Input.Name"] = "Corpus Brand", ["Input.Kind"] = "Company", ["Input.Industry"] = "Retail", ["Input.Budget"] = "1000",
        ["Input.Email"] = $"form-{Guid.NewGuid():N}@iescp.test", ["Input.Password"] = "Corpus#2026", ["Input.ConfirmPassword"] = "Corpus#2026",
    };

    private static Dictionary<string, string> Influencer() => new()
    {
        ["Input.Name"] = "Corpus Creator", ["Input.Category"] = "Technology", ["Input.Niche"] = "Gadgets", ["Input.Followers"] = "1000",
        ["Input.Email"] = $"form-{Guid.NewGuid():N}@iescp.test", ["Input.Password"] = "Corpus#2026", ["Input.ConfirmPassword"] = "Corpus#2026",
    };

    private static string Short(string text) => text.Length > 40 ? text[..40] + $"… ({text.Length} chars)" : text;

}
