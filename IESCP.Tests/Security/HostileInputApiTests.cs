using System.Net;
using System.Text;
using System.Text.Json;
using IESCP.Data.AdRequests;
using IESCP.Data.Campaigns;
using IESCP.Data.Influencers;
using IESCP.Tests.Api;
using IESCP.Tests.Infrastructure;
using static IESCP.Tests.Security.HostileInputs;

namespace IESCP.Tests.Security;

/// <summary>
/// The hostile input corpus (<see cref="HostileInputs"/>) against every data-changing endpoint of
/// the JSON API, on an app of its own: each input is answered with a problem-details document
/// (400 naming the field, or 404/409 with the reason, 415 for a body that is not JSON), never a
/// 500, and the database stays as it was; legitimate text is stored as typed and shown escaped.
/// </summary>
[Trait("Category", "Integration")]
public sealed class HostileInputApiTests(IescpApp app) : IClassFixture<IescpApp>, IAsyncLifetime
{
    // Written by the background jobs whatever the calls do.
    private static readonly string[] BackgroundTables = ["OutboxMessages", "JobRuns", "QRTZ_"];

    private readonly List<string> problems = [];
    private int checks;
    private TestUser sponsorUser = default!;
    private TestUser influencerUser = default!;
    private ApiClient sponsor = default!;
    private ApiClient influencer = default!;
    private string sponsorToken = "";
    private int influencerId;

    public async Task InitializeAsync()
    {
        sponsorUser = await app.Users.SponsorAsync();
        influencerUser = await app.Users.InfluencerAsync();
        (sponsor, var token) = await ApiClient.ForAsync(app, sponsorUser);
        sponsorToken = token.Token;
        (influencer, _) = await ApiClient.ForAsync(app, influencerUser);
        influencerId = (await app.Get<InfluencerRepository>().GetOwnProfileAsync(influencerUser.Actor))!.Id;
    }

    public Task DisposeAsync()
    {
        sponsor.Dispose();
        influencer.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Hostile_text_in_every_body_is_refused_naming_its_field_or_stored_as_typed()
    {
        foreach (var text in Texts)
        {
            var legitimate = text.Value is { } value && !string.IsNullOrWhiteSpace(value) && value.Length <= 1000 && Data.PlainText.IsClean(value);
            var json = JsonString(text.Value);
            await TextAsync("send", "requirements", text, legitimate, CampaignAsync, campaignId => sponsor.PostRawAsync("/api/v1/ad-requests",
                    Json($"{{\"campaignId\": {campaignId}, \"influencerId\": {influencerId}, \"payment\": 100, \"requirements\": {json}}}")),
                answer => answer.GetProperty("summary").GetProperty("requirements").GetString());
            await TextAsync("apply", "requirements", text, legitimate, CampaignAsync, campaignId => influencer.PostRawAsync("/api/v1/ad-requests",
                    Json($"{{\"campaignId\": {campaignId}, \"payment\": 100, \"requirements\": {json}}}")),
                answer => answer.GetProperty("summary").GetProperty("requirements").GetString());
            await TextAsync("send", "message", text, legitimate || string.IsNullOrWhiteSpace(text.Value), CampaignAsync, campaignId => sponsor.PostRawAsync(
                    "/api/v1/ad-requests",
                    Json($"{{\"campaignId\": {campaignId}, \"influencerId\": {influencerId}, \"payment\": 100, \"requirements\": \"Two posts\", \"message\": {json}}}")),
                answer => answer.GetProperty("revisions")[0].GetProperty("message").GetString());
            await TextAsync("counter", "requirements", text, legitimate, RequestAsync, requestId => influencer.PostRawAsync($"/api/v1/ad-requests/{requestId}/counter",
                    Json($"{{\"seenRevision\": 1, \"payment\": 150, \"requirements\": {json}}}")),
                answer => answer.GetProperty("summary").GetProperty("requirements").GetString());
            await TextAsync("reject", "reason", text, legitimate || string.IsNullOrWhiteSpace(text.Value), RequestAsync, requestId => influencer.PostRawAsync(
                    $"/api/v1/ad-requests/{requestId}/reject", Json($"{{\"reason\": {json}}}")),
                answer => answer.GetProperty("closedReason").GetString());
        }

        AssertClean(minimumChecks: 70);
    }

    [Fact]
    public async Task Hostile_numbers_bodies_and_addresses_are_answered_with_problem_details_and_change_nothing()
    {
        foreach (var amount in JsonAmounts)
        {
            var campaignId = await CampaignAsync();
            await RefusedAsync($"send × payment {Short(amount)}", ["payment", "body"], () =>
                sponsor.PostRawAsync("/api/v1/ad-requests", Json($"{{\"campaignId\": {campaignId}, \"influencerId\": {influencerId}, \"payment\": {amount}, \"requirements\": \"x\"}}")));
            var requestId = await RequestAsync();
            await RefusedAsync($"counter × payment {Short(amount)}", ["payment", "body"], () =>
                influencer.PostRawAsync($"/api/v1/ad-requests/{requestId}/counter", Json($"{{\"seenRevision\": 1, \"payment\": {amount}, \"requirements\": \"x\"}}")));
        }

        foreach (var number in JsonIntegers)
        {
            var campaignId = await CampaignAsync();
            await RefusedAsync($"send × campaignId {number}", ["campaignId", "body"], () =>
                sponsor.PostRawAsync("/api/v1/ad-requests", Json($"{{\"campaignId\": {number}, \"influencerId\": {influencerId}, \"payment\": 10, \"requirements\": \"x\"}}")));
            await RefusedAsync($"send × influencerId {number}", ["influencerId", "body"], () =>
                sponsor.PostRawAsync("/api/v1/ad-requests", Json($"{{\"campaignId\": {campaignId}, \"influencerId\": {number}, \"payment\": 10, \"requirements\": \"x\"}}")));
            var requestId = await RequestAsync();
            await RefusedAsync($"counter × seenRevision {number}", ["seenRevision", "body"], () =>
                influencer.PostRawAsync($"/api/v1/ad-requests/{requestId}/counter", Json($"{{\"seenRevision\": {number}, \"payment\": 150, \"requirements\": \"x\"}}")));
            await RefusedAsync($"accept × seenRevision {number}", ["seenRevision", "body"], () =>
                influencer.PostRawAsync($"/api/v1/ad-requests/{requestId}/accept", Json($"{{\"seenRevision\": {number}}}")));
        }

        foreach (var (name, body) in JsonBodies)
        {
            var requestId = await RequestAsync();
            await RefusedAsync($"send × {name}", ["body", "payment", "requirements"], () => sponsor.PostRawAsync("/api/v1/ad-requests", body));
            await RefusedAsync($"counter × {name}", ["body", "payment", "requirements"], () => influencer.PostRawAsync($"/api/v1/ad-requests/{requestId}/counter", body));
            await RefusedAsync($"accept × {name}", ["body", "payment", "requirements"], () => influencer.PostRawAsync($"/api/v1/ad-requests/{requestId}/accept", body));
            if (name is not ("JSON null" or "empty body" or "invalid UTF-8"))
            {
                // No body at all is a rejection without a reason, which is allowed (and a reject reads no "requirements").
                await RefusedAsync($"reject × {name}", ["body", "reason"], () => influencer.PostRawAsync($"/api/v1/ad-requests/{requestId}/reject", body));
            }
        }

        var rejected = await RequestAsync();
        await RefusedAsync("reject × invalid UTF-8 in the reason", ["reason", "body"],
            () => influencer.PostRawAsync($"/api/v1/ad-requests/{rejected}/reject", [.. "{\"reason\": \""u8, 0xFF, 0xFE, 0xC3, .. "\"}"u8]));

        var pending = await RequestAsync();
        await RefusedAsync("send × form-encoded body", [], () => sponsor.PostRawAsync("/api/v1/ad-requests", "payment=10"u8.ToArray(), "application/x-www-form-urlencoded"));
        await RefusedAsync("accept × text body", [], () => influencer.PostRawAsync($"/api/v1/ad-requests/{pending}/accept", "{\"seenRevision\": 1}"u8.ToArray(), "text/plain"));
        foreach (var id in new[] { "99999999999", "-1", "0", "abc", "1e3", "..%2F..%2Fhealth", "1;DROP", "%E2%80%AE1" })
        {
            foreach (var move in new[] { "accept", "counter", "reject", "withdraw" })
            {
                await RefusedAsync($"{move} × request id {id}", [], () => influencer.PostRawAsync($"/api/v1/ad-requests/{id}/{move}", Json("{\"seenRevision\": 1}")));
            }
        }

        // Past the server's limit on a body (30 MB): refused as too large before it is read. (The
        // server answers as soon as it sees the declared length, so the rest is never sent.)
        checks++;
        var (tooLarge, headers) = await PostDeclaringAsync("/api/v1/ad-requests", 31L * 1024 * 1024, sponsorToken);
        Assert.Equal("HTTP/1.1 413 Payload Too Large", tooLarge);
        Assert.Contains("Content-Type: application/problem+json", headers, StringComparison.OrdinalIgnoreCase);

        // A NUL in the path is refused by the web server itself, before the app: a bare 400.
        using (var nul = await influencer.PostRawAsync($"/api/v1/ad-requests/%00/accept", Json("{\"seenRevision\": 1}")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        }

        AssertClean(minimumChecks: 150);
    }

    [Fact]
    public async Task Legitimate_hostile_looking_text_is_shown_escaped_on_the_pages_that_show_it()
    {
        var shown = Texts.Where(t => t.Value is { Length: > 0 and <= 1000 } v && !string.IsNullOrWhiteSpace(v) && Data.PlainText.IsClean(v)).ToList();
        using var page = await HttpSession.SignedInAsync(app.BaseAddress, influencerUser.Email, influencerUser.Password, "/influencer");
        foreach (var text in shown)
        {
            var sent = await sponsor.OkAsync(await sponsor.PostAsync("/api/v1/ad-requests",
                new { campaignId = await CampaignAsync(), influencerId, payment = 100m, requirements = text.Value, message = text.Value }));
            var id = sent.GetProperty("summary").GetProperty("id").GetInt32();
            var html = await (await page.GetAsync($"/requests/{id}")).Content.ReadAsStringAsync();
            checks++;
            if (!WebUtility.HtmlDecode(html).Contains(text.Value!.Trim(), StringComparison.Ordinal))
            {
                problems.Add($"request page × {text.Name}: the text is not shown");
            }

            foreach (var raw in new[] { "<script>alert", "<b>bold", "<img src=x" })
            {
                if (text.Value.Contains(raw, StringComparison.Ordinal) && html.Contains(raw, StringComparison.Ordinal))
                {
                    problems.Add($"request page × {text.Name}: \"{raw}\" is in the page as markup");
                }
            }
        }

        Assert.Contains(shown, t => t.Value!.Contains("<script>", StringComparison.Ordinal));
        AssertClean(minimumChecks: shown.Count);
    }

    // ---- how one input is checked ----

    /// <summary>Sets the scene (a campaign, a request) before the comparison, then makes the call with it.</summary>
    private async Task TextAsync(string endpoint, string field, Text text, bool legitimate, Func<Task<int>> scene, Func<int, Task<HttpResponseMessage>> call,
        Func<JsonElement, string?> stored)
    {
        var what = $"{endpoint} × {field} × {text.Name}";
        var id = await scene();
        if (!legitimate)
        {
            await RefusedAsync(what, [field], () => call(id), expect400: true);
            return;
        }

        checks++;
        using var response = await call(id);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            problems.Add($"{what}: refused legitimate text with {(int)response.StatusCode}: {Short(body)}");
        }
        else if ((stored(JsonDocument.Parse(body).RootElement) ?? "") != (text.Value?.Trim() ?? ""))
        {
            problems.Add($"{what}: answered with \"{Short(stored(JsonDocument.Parse(body).RootElement))}\" instead of the text as typed");
        }
    }

    /// <summary>
    /// The call must be answered 4xx with a problem-details document (a 400 naming one of
    /// <paramref name="fields"/>, when any are given), and change no table.
    /// </summary>
    private async Task RefusedAsync(string what, string[] fields, Func<Task<HttpResponseMessage>> call, bool expect400 = false)
    {
        checks++;
        var before = await DataFingerprint.OfAsync(app.DatabaseFile, BackgroundTables);
        using var response = await call();
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        var changes = (await DataFingerprint.OfAsync(app.DatabaseFile, BackgroundTables)).ChangesSince(before);
        if (status is < 400 or >= 500 || (expect400 && status != 400))
        {
            problems.Add($"{what}: answered {status}: {Short(body)}" + (changes.Count > 0 ? $"; wrote {string.Join(", ", changes)}" : ""));
            return;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            problems.Add($"{what}: answered {status} with {response.Content.Headers.ContentType?.MediaType ?? "no body"}, not problem details");
        }
        else if (status == 400 && fields.Length > 0
            && !(JsonDocument.Parse(body).RootElement.TryGetProperty("errors", out var errors) && fields.Any(f => errors.TryGetProperty(f, out var messages) && messages.GetArrayLength() > 0)))
        {
            problems.Add($"{what}: 400 without a message on {string.Join(" or ", fields)}: {Short(body)}");
        }
        else if (status != 400 && !JsonDocument.Parse(body).RootElement.TryGetProperty("title", out _))
        {
            problems.Add($"{what}: {status} without a title: {Short(body)}");
        }

        if (changes.Count > 0)
        {
            problems.Add($"{what}: answered {status} but wrote {string.Join(", ", changes)}");
        }
    }

    private void AssertClean(int minimumChecks)
    {
        Assert.True(problems.Count == 0, $"{problems.Count} of {checks} calls mishandled:\n" + string.Join("\n", problems));
        Assert.True(checks >= minimumChecks, $"Only {checks} calls were checked.");
    }

    // ---- scenes, set up through the repositories before each call ----

    private async Task<int> CampaignAsync()
    {
        var created = await app.Get<CampaignRepository>().CreateAsync(sponsorUser.Actor,
            Marketplace.Campaign(budget: 100_000m, name: "Corpus campaign", start: DateOnly.FromDateTime(DateTime.UtcNow)));
        Assert.True(created.Succeeded, created.Message);
        return created.Value;
    }

    /// <summary>A pending request from the sponsor: the influencer's move.</summary>
    private async Task<int> RequestAsync()
    {
        var sent = await app.Get<AdRequestRepository>().SendAsync(sponsorUser.Actor, await CampaignAsync(), influencerId, Marketplace.Offer(100m, "One post"));
        Assert.True(sent.Succeeded, sent.Message);
        return sent.Value;
    }

    private static byte[] Json(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Sends the head of a POST declaring a body of <paramref name="length"/> bytes and the first few of them; returns the answer's status line and headers.</summary>
    private async Task<(string StatusLine, string Headers)> PostDeclaringAsync(string path, long length, string token)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, app.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"POST {path} HTTP/1.1\r\nHost: {app.BaseAddress.Authority}\r\nAuthorization: Bearer {token}\r\n"
            + $"Content-Type: application/json\r\nContent-Length: {length}\r\n\r\n{{\"requirements\": \"xxxx"));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var status = await reader.ReadLineAsync() ?? "";
        var headers = new StringBuilder();
        while (await reader.ReadLineAsync() is { Length: > 0 } line)
        {
            headers.AppendLine(line);
        }

        return (status, headers.ToString());
    }

    /// <summary>A JSON string literal of any text, broken surrogates included (a serializer would refuse to write those), every non-ASCII character escaped.</summary>
    private static string JsonString(string? text) => text is null
        ? "null"
        : "\"" + string.Concat(text.Select(c => c switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            < ' ' or > '~' => $"\\u{(int)c:X4}",
            _ => c.ToString(),
        })) + "\"";

    private static string Short(string? text) => text is null ? "(null)" : text.Length > 120 ? text[..120] + $"… ({text.Length} chars)" : text;
}
