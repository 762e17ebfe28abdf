using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using IESCP.Data;
using IESCP.Data.Admin;
using IESCP.Data.AdRequests;
using IESCP.Data.ApiTokens;
using IESCP.Data.Campaigns;
using IESCP.Data.ChatWebhooks;
using IESCP.Data.Exports;
using IESCP.Data.Identity;
using IESCP.Data.Influencers;
using IESCP.Data.Notifications;
using IESCP.Data.Outbox;
using IESCP.Data.Reviews;
using IESCP.Data.Sponsors;
using IESCP.Tests.Infrastructure;
using static IESCP.Tests.Authorization.Caller;

namespace IESCP.Tests.Authorization;

/// <summary>What a caller met: let in (the page shown, the call done) or kept out, with what was seen.</summary>
public sealed record Outcome(bool? Allowed, string Seen)
{
    public static Outcome In(string seen) => new(true, seen);

    public static Outcome Out(string seen) => new(false, seen);

    /// <summary>Neither: a server error, an unexpected exception. Never what a row expects.</summary>
    public static Outcome Broken(string seen) => new(null, seen);
}

public enum Surface
{
    /// <summary>A page route (a component's @page), opened with GET in a signed-in browser session.</summary>
    Page,

    /// <summary>Any other endpoint: the JSON API with the caller's token, downloads and the rest with its session.</summary>
    Endpoint,

    /// <summary>A public repository method that takes an Actor and changes data, called directly as the caller.</summary>
    Command,
}

/// <summary>
/// One row: a page, an endpoint or a command, the callers it lets in (every other caller must be
/// kept out), and how to try it. <see cref="Start"/> makes a trial for one pass over the callers;
/// a trial may keep state between callers (see <see cref="AuthorizationTable"/>).
/// </summary>
public sealed record Row(Surface Surface, string Member, string Variant, IReadOnlySet<Caller> Allowed,
    Func<AuthorizationWorld, Func<Caller, Task<Outcome>>> Start)
{
    public string Name => Variant.Length == 0 ? Member : $"{Member} ({Variant})";

    public override string ToString() => Name;
}

/// <summary>
/// The authorization matrix, as one table: every page route, every endpoint and every
/// data-changing repository command, each with the kinds of caller it lets in. The tests check
/// that the table names exactly what the app has (a new route, endpoint or command fails until it
/// gets a row) and that every caller meets what its row says.
/// <para>
/// A row that changes something tries every caller on the same fresh state: the state is made
/// when first needed and made anew after a caller succeeded (a request accepted by one caller
/// can't be accepted again by the next), so a caller is only ever refused for who it is.
/// </para>
/// </summary>
public static partial class AuthorizationTable
{
    private static readonly Caller[] Everyone = Enum.GetValues<Caller>();
    private static readonly Caller[] SignedIn = [Caller.Admin, OwningSponsor, OtherSponsor, Caller.PendingSponsor, AddressedInfluencer, OtherInfluencer];
    private static readonly Caller[] ApprovedSponsors = [OwningSponsor, OtherSponsor];
    private static readonly Caller[] Influencers = [AddressedInfluencer, OtherInfluencer];
    private static readonly Caller[] Members = [Caller.Admin, OwningSponsor, OtherSponsor, AddressedInfluencer, OtherInfluencer];
    private static readonly Caller[] Nobody = [];

    public static IReadOnlyList<Row> Rows { get; } =
    [
        // Pages. "Let in" is the page shown (with the row's thing, where it names one), or the
        // caller sent to its own home page; "kept out" is the login page, access denied, the
        // sponsor's waiting page, or "not found".
        Page("/", Everyone),
        Page("/not-found", Nobody),
        Page("/Error", Everyone),
        Page("/Account/Login", Everyone),
        Page("/Account/Register", Everyone),
        Page("/Account/Register/Sponsor", Everyone),
        Page("/Account/Register/Influencer", Everyone),
        Page("/Account/RegisterConfirmation", Everyone),
        Page("/Account/ConfirmEmail", Everyone),
        Page("/Account/ForgotPassword", Everyone),
        Page("/Account/ForgotPasswordConfirmation", Everyone),
        Page("/Account/ResetPassword", Everyone),
        Page("/Account/ResetPasswordConfirmation", Everyone),
        Page("/Account/AccessDenied", Everyone),
        Page("/admin", [Caller.Admin]),
        Page("/admin/sponsors", [Caller.Admin]),
        Page("/admin/users", [Caller.Admin]),
        Page("/admin/campaigns", [Caller.Admin]),
        Page("/admin/jobs", [Caller.Admin]),
        Page("/admin/audit", [Caller.Admin]),
        Page("/notifications", SignedIn),
        Page("/settings", SignedIn),
        Page("/exports", [Caller.Admin, .. ApprovedSponsors]),
        Page("/sponsor", ApprovedSponsors),
        Page("/sponsor/pending", [.. ApprovedSponsors, Caller.PendingSponsor]),
        Page("/sponsor/influencers", ApprovedSponsors),
        Page("/sponsor/campaigns", ApprovedSponsors),
        Page("/sponsor/campaigns/new", ApprovedSponsors),
        Page("/sponsor/campaigns/{Id:int}", [OwningSponsor], w => $"/sponsor/campaigns/{w.CampaignId}", AuthorizationWorld.CampaignName),
        Page("/sponsor/campaigns/{Id:int}/edit", [OwningSponsor], w => $"/sponsor/campaigns/{w.CampaignId}/edit", AuthorizationWorld.CampaignName),
        Page("/sponsor/requests", [.. ApprovedSponsors, .. Influencers]),
        Page("/sponsor/reports", [.. ApprovedSponsors, .. Influencers]),
        Page("/sponsor/reports/{Id:int}", [OwningSponsor], w => $"/sponsor/reports/{w.SponsorReportId}", AuthorizationWorld.SponsorReportMarker),
        Page("/influencer", Influencers),
        Page("/influencer/profile", Influencers),
        Page("/influencer/campaigns", Influencers),
        Page("/influencer/campaigns/{Id:int}", Influencers, w => $"/influencer/campaigns/{w.CampaignId}", AuthorizationWorld.CampaignName),
        Page("/influencer/requests", [.. ApprovedSponsors, .. Influencers]),
        Page("/influencer/reports", [.. ApprovedSponsors, .. Influencers]),
        Page("/influencer/reports/{Id:int}", [AddressedInfluencer], w => $"/influencer/reports/{w.InfluencerReportId}", AuthorizationWorld.InfluencerReportMarker),
        // The profile itself loads once the page is live (a sponsor's read counts a view); the
        // repository refuses it to pending and flagged sponsors whatever the page.
        Page("/influencers/{Id:int}", Members, w => $"/influencers/{w.AddressedInfluencerId}"),
        Page("/requests/{Id:int}", [OwningSponsor, AddressedInfluencer], w => $"/requests/{w.RequestId}", AuthorizationWorld.CampaignName),
        Page("/requests/{Id:int}/pay", [OwningSponsor], w => $"/requests/{w.RequestId}/pay", "Back to the request"),

        // The JSON API, each caller with its own token (the anonymous one with none).
        Api("GET /api/v1/ping", Everyone, w => "/api/v1/ping"),
        Api("GET /api/v1/influencers", ApprovedSponsors, w => "/api/v1/influencers?niche=Gadgets"),
        Api("GET /api/v1/influencers/{id:int}", Members, w => $"/api/v1/influencers/{w.AddressedInfluencerId}"),
        Api("GET /api/v1/campaigns", Influencers, w => "/api/v1/campaigns?niche=Gadgets"),
        Api("GET /api/v1/campaigns/{id:int}", [OwningSponsor, .. Influencers], w => $"/api/v1/campaigns/{w.CampaignId}"),
        Api("GET /api/v1/me/campaigns", ApprovedSponsors, w => "/api/v1/me/campaigns"),
        Api("GET /api/v1/me/ad-requests", [.. ApprovedSponsors, .. Influencers], w => "/api/v1/me/ad-requests"),
        Api("GET /api/v1/ad-requests/{id:int}", [OwningSponsor, AddressedInfluencer], w => $"/api/v1/ad-requests/{w.RequestId}"),
        ApiPost("POST /api/v1/ad-requests", [OwningSponsor, .. Influencers], w => w.NewCampaignAsync(),
            (w, campaignId) => ("/api/v1/ad-requests", new { campaignId, influencerId = w.AddressedInfluencerId, payment = 100m, requirements = "One video" })),
        ApiPost("POST /api/v1/ad-requests/{id:int}/counter", [AddressedInfluencer], w => w.SendAsync(),
            (_, id) => ($"/api/v1/ad-requests/{id}/counter", new { seenRevision = 1, payment = 150m, requirements = "Two videos" })),
        ApiPost("POST /api/v1/ad-requests/{id:int}/accept", [AddressedInfluencer], w => w.SendAsync(),
            (_, id) => ($"/api/v1/ad-requests/{id}/accept", new { seenRevision = 1 })),
        ApiPost("POST /api/v1/ad-requests/{id:int}/reject", [AddressedInfluencer], w => w.SendAsync(),
            (_, id) => ($"/api/v1/ad-requests/{id}/reject", new { reason = "Not for me." })),
        ApiPost("POST /api/v1/ad-requests/{id:int}/withdraw", [OwningSponsor], w => w.SendAsync(),
            (_, id) => ($"/api/v1/ad-requests/{id}/withdraw", new { })),
        Api("* /api/v1/{*path:nonfile}", Nobody, w => "/api/v1/no-such-thing"),

        // Other endpoints, with the caller's browser session.
        Get("GET /exports/{id:guid}/download", [OwningSponsor], w => $"/exports/{w.ExportId}/download"),
        Get("GET /reports/{id:int}/pdf", [OwningSponsor], w => $"/reports/{w.SponsorReportId}/pdf"),
        Get("* /health/live", Everyone, w => "/health/live"),
        Get("* /health/ready", Everyone, w => "/health/ready"),
        Get("GET /openapi/{documentName}.json", Everyone, w => "/openapi/v1.json"),

        // Commands, called on the repositories as each caller's Actor.
        Command<AdRequestRepository, int>("SendAsync", [OwningSponsor], w => w.NewCampaignAsync(),
            (r, w, a, campaignId) => Done(r.SendAsync(a, campaignId, w.AddressedInfluencerId, Marketplace.Offer(100m)))),
        Command<AdRequestRepository, int>("ApplyAsync", Influencers, w => w.NewCampaignAsync(),
            (r, _, a, campaignId) => Done(r.ApplyAsync(a, campaignId, Marketplace.Offer(100m)))),
        Command<AdRequestRepository, int>("EditAsync", [OwningSponsor], w => w.SendAsync(),
            (r, _, a, id) => r.EditAsync(a, id, Marketplace.Offer(120m))),
        Command<AdRequestRepository, int>("CounterAsync", [AddressedInfluencer], w => w.SendAsync(),
            (r, _, a, id) => r.CounterAsync(a, id, 1, Marketplace.Offer(150m))),
        Command<AdRequestRepository, int>("WithdrawAsync", [OwningSponsor], w => w.SendAsync(), (r, _, a, id) => r.WithdrawAsync(a, id)),
        Command<AdRequestRepository, int>("AcceptAsync", [AddressedInfluencer], w => w.SendAsync(), (r, _, a, id) => r.AcceptAsync(a, id, 1)),
        Command<AdRequestRepository, int>("RejectAsync", [AddressedInfluencer], w => w.SendAsync(), (r, _, a, id) => r.RejectAsync(a, id, "No.")),
        Command<AdRequestRepository, int>("CancelAsync", [OwningSponsor], w => w.AcceptedAsync(), (r, _, a, id) => r.CancelAsync(a, id, "Plans changed.")),
        Command<AdRequestRepository, int>("PayAsync", [OwningSponsor], w => w.AcceptedAsync(), (r, _, a, id) => r.PayAsync(a, id, Marketplace.Card())),
        Command<AdRequestRepository, int>("DeliverAsync", [AddressedInfluencer], w => w.PaidAsync(),
            (r, _, a, id) => r.DeliverAsync(a, id, "https://video.example/delivered")),
        Command<AdRequestRepository, int>("CompleteAsync", [OwningSponsor], w => w.DeliveredAsync(), (r, _, a, id) => r.CompleteAsync(a, id)),
        Command<AdRequestRepository, int>("ReviewAsync", [OwningSponsor, AddressedInfluencer], w => w.CompletedAsync(),
            (r, _, a, id) => r.ReviewAsync(a, id, new ReviewInput { Rating = 5, Text = "Great." })),
        Command<CampaignRepository, int>("CreateAsync", ApprovedSponsors, _ => Task.FromResult(0),
            (r, _, a, _) => Done(r.CreateAsync(a, Marketplace.Campaign(name: "Matrix new", start: DateOnly.FromDateTime(DateTime.UtcNow))))),
        Command<CampaignRepository, int>("UpdateAsync", [OwningSponsor], w => w.NewCampaignAsync(),
            (r, _, a, id) => r.UpdateAsync(a, id, Marketplace.Campaign(budget: 2_000_000m, name: "Matrix renamed", start: DateOnly.FromDateTime(DateTime.UtcNow)))),
        Command<CampaignRepository, int>("DeleteAsync", [OwningSponsor], w => w.NewCampaignAsync(), (r, _, a, id) => r.DeleteAsync(a, id)),
        Command<SponsorRepository, int>("DecideAsync", [Caller.Admin], w => w.PendingSponsorIdAsync(), (r, _, a, id) => r.DecideAsync(a, id, ApprovalStatus.Approved)),
        Command<ModerationRepository, string>("FlagUserAsync", [Caller.Admin], w => w.BystanderAsync(),
            (r, _, a, id) => r.FlagUserAsync(a, id, new ReasonInput { Reason = "Spam." })),
        Command<ModerationRepository, string>("UnflagUserAsync", [Caller.Admin], w => w.BystanderAsync(flagged: true), (r, _, a, id) => r.UnflagUserAsync(a, id)),
        Command<ModerationRepository, string>("DeleteUserAsync", [Caller.Admin], w => w.BystanderAsync(),
            (r, _, a, id) => r.DeleteUserAsync(a, id, new ReasonInput { Reason = "Gone." })),
        Command<ModerationRepository, int>("FlagCampaignAsync", [Caller.Admin], w => w.NewCampaignAsync(),
            (r, _, a, id) => r.FlagCampaignAsync(a, id, new ReasonInput { Reason = "Misleading." })),
        Command<ModerationRepository, int>("UnflagCampaignAsync", [Caller.Admin], w => w.FlaggedCampaignAsync(), (r, _, a, id) => r.UnflagCampaignAsync(a, id)),
        Command<ModerationRepository, int>("DeleteCampaignAsync", [Caller.Admin], w => w.NewCampaignAsync(),
            (r, _, a, id) => r.DeleteCampaignAsync(a, id, new ReasonInput { Reason = "Gone." })),
        Command<InfluencerRepository, int>("UpdateOwnProfileAsync", Influencers, _ => Task.FromResult(0),
            (r, _, a, _) => r.UpdateOwnProfileAsync(a, new ProfileInput { Name = "Matrix Creator", Category = "Technology", Niche = "Gadgets", Followers = 30_000 })),
        Command<ChatWebhookRepository, int>("SaveAsync", [.. ApprovedSponsors, .. Influencers], _ => Task.FromResult(0), (r, _, a, _) => r.SaveAsync(a, "")),
        Command<ExportRepository, int>("StartAsync", ApprovedSponsors, _ => Task.FromResult(0), (r, _, a, _) => Done(r.StartAsync(a, ExportKind.MyCampaigns)), "my campaigns"),
        Command<ExportRepository, int>("StartAsync", [Caller.Admin], _ => Task.FromResult(0), (r, _, a, _) => Done(r.StartAsync(a, ExportKind.AllCampaigns)), "all campaigns"),
        Command<ApiTokenRepository, int>("CreateAsync", SignedIn, _ => Task.FromResult(0), (r, _, a, _) => Done(r.CreateAsync(a, new ApiTokenInput { Name = "matrix try" }))),
        Command<ApiTokenRepository, int>("RevokeAsync", [OwningSponsor], w => w.TokenAsync(), (r, _, a, id) => r.RevokeAsync(a, id)),
        Command<OutboxRepository, long>("RetryAsync", [Caller.Admin], w => w.FailedMessageAsync(), (r, _, a, id) => r.RetryAsync(a, id)),
        // These two answer nothing: what they did is read back (was the addressed influencer's notification marked read?).
        Effect<NotificationRepository, long>("MarkReadAsync", [AddressedInfluencer], w => w.UnreadNotificationAsync(),
            (r, _, a, id) => r.MarkReadAsync(a, id), (w, id) => w.IsReadAsync(id)),
        Effect<NotificationRepository, long>("MarkAllReadAsync", [AddressedInfluencer], w => w.UnreadNotificationAsync(),
            (r, _, a, _) => r.MarkAllReadAsync(a), (w, id) => w.IsReadAsync(id)),
    ];

    /// <summary>
    /// Public repository methods that take an Actor and only read: no row, but named here, so
    /// that every method reflection finds is either a command with a row or a read on this list.
    /// </summary>
    public static IReadOnlySet<string> Reads { get; } = new HashSet<string>
    {
        "AdRequestRepository.ListAsync", "AdRequestRepository.GetAsync",
        "CampaignRepository.ListOwnAsync", "CampaignRepository.ListOpenForRequestsAsync", "CampaignRepository.GetOwnAsync", "CampaignRepository.GetForEditAsync",
        "MonthlyReportRepository.ListOwnAsync", "MonthlyReportRepository.GetOwnAsync",
        "StatisticsRepository.GetAsync",
        "ModerationRepository.ListUsersAsync", "ModerationRepository.ListCampaignsAsync", "ModerationRepository.ListAuditAsync",
        "NotificationRepository.CountUnreadAsync", "NotificationRepository.ListAsync",
        "ChatWebhookRepository.GetOwnAsync",
        "InfluencerSearch.SearchAsync", "CampaignSearch.SearchAsync", "CampaignSearch.GetCampaignForInfluencerAsync",
        "OutboxRepository.ListAsync", "OutboxRepository.CountAsync",
        // Counts an approved sponsor's view (once a day); the pages and the API read it, and the
        // rows of /influencers/{Id} and /api/v1/influencers/{id} check who may.
        "InfluencerRepository.GetPublicProfileAsync",
        "InfluencerRepository.GetOwnProfileAsync", "InfluencerRepository.GetFiguresAsync", "InfluencerRepository.GetOwnProfileViewsAsync",
        "ExportRepository.ListOwnAsync", "ExportRepository.GetFileAsync",
        "ApiTokenRepository.ListAsync",
        "SponsorRepository.GetOwnProfileAsync", "SponsorRepository.GetFiguresAsync", "SponsorRepository.CountPendingAsync", "SponsorRepository.ListPendingAsync",
        "JobRunRepository.ListLatestAsync",
    };

    /// <summary>
    /// Endpoints without a row, and why: they are the framework's, or trying them would end the
    /// shared sessions. Every other endpoint needs a row.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Unchecked { get; } = new Dictionary<string, string>
    {
        ["POST /Account/Logout"] = "anyone may sign out (it would end the shared sessions here; its redirects are tested on their own)",
    };

    /// <summary>A page: the caller's session opens <paramref name="path"/> (the template itself when it has no parameters).</summary>
    private static Row Page(string template, Caller[] allowed, Func<AuthorizationWorld, string>? path = null, string? shows = null) =>
        new(Surface.Page, template, "", allowed.ToHashSet(), world => caller => OpenPageAsync(world, caller, path?.Invoke(world) ?? template, shows));

    private static Row Api(string endpoint, Caller[] allowed, Func<AuthorizationWorld, string> path) =>
        new(Surface.Endpoint, endpoint, "", allowed.ToHashSet(), world => async caller =>
            await AnswerAsync(await world.Client(caller).GetAsync(path(world))));

    private static Row ApiPost<T>(string endpoint, Caller[] allowed, Func<AuthorizationWorld, Task<T>> arrange,
        Func<AuthorizationWorld, T, (string Path, object Body)> request) =>
        new(Surface.Endpoint, endpoint, "", allowed.ToHashSet(), Fresh(arrange, async (world, target, caller) =>
        {
            var (path, body) = request(world, target);
            return await AnswerAsync(await world.Client(caller).PostAsync(path, body));
        }));

    private static Row Get(string endpoint, Caller[] allowed, Func<AuthorizationWorld, string> path) =>
        new(Surface.Endpoint, endpoint, "", allowed.ToHashSet(), world => async caller =>
        {
            var response = await world.Session(caller).GetAsync(path(world));
            return (int)response.StatusCode switch
            {
                200 => Outcome.In("200"),
                302 => Outcome.Out($"302 to {HttpSession.RedirectPath(response)}"),
                >= 400 and < 500 => Outcome.Out($"{(int)response.StatusCode}"),
                var status => Outcome.Broken($"{status}"),
            };
        });

    private static Row Command<TRepository, T>(string method, Caller[] allowed, Func<AuthorizationWorld, Task<T>> arrange,
        Func<TRepository, AuthorizationWorld, Actor, T, Task<CommandResult>> act, string variant = "") where TRepository : notnull =>
        new(Surface.Command, $"{typeof(TRepository).Name}.{method}", variant, allowed.ToHashSet(), Fresh(arrange, async (world, target, caller) =>
        {
            try
            {
                var result = await act(world.Get<TRepository>(), world, world.Actor(caller), target);
                return result.Succeeded ? Outcome.In("succeeded") : Outcome.Out($"refused: {result.Message}");
            }
            catch (ForbiddenException e)
            {
                return Outcome.Out($"forbidden: {e.Message}");
            }
            catch (Exception e)
            {
                return Outcome.Broken($"{e.GetType().Name}: {e.Message}");
            }
        }));

    /// <summary>A command that answers nothing: whether it had its effect is read back.</summary>
    private static Row Effect<TRepository, T>(string method, Caller[] allowed, Func<AuthorizationWorld, Task<T>> arrange,
        Func<TRepository, AuthorizationWorld, Actor, T, Task> act, Func<AuthorizationWorld, T, Task<bool>> changed) where TRepository : notnull =>
        new(Surface.Command, $"{typeof(TRepository).Name}.{method}", "", allowed.ToHashSet(), Fresh(arrange, async (world, target, caller) =>
        {
            try
            {
                await act(world.Get<TRepository>(), world, world.Actor(caller), target);
                return await changed(world, target) ? Outcome.In("changed it") : Outcome.Out("changed nothing");
            }
            catch (ForbiddenException e)
            {
                return Outcome.Out($"forbidden: {e.Message}");
            }
            catch (Exception e)
            {
                return Outcome.Broken($"{e.GetType().Name}: {e.Message}");
            }
        }));

    /// <summary>A command's answer without the value it carries.</summary>
    private static async Task<CommandResult> Done<T>(Task<CommandResult<T>> command) => await command;

    /// <summary>Every caller meets the same state: made when first needed, and made anew once a caller got through.</summary>
    private static Func<AuthorizationWorld, Func<Caller, Task<Outcome>>> Fresh<T>(Func<AuthorizationWorld, Task<T>> arrange,
        Func<AuthorizationWorld, T, Caller, Task<Outcome>> act) => world =>
    {
        var target = default(T);
        var ready = false;
        return async caller =>
        {
            if (!ready)
            {
                target = await arrange(world);
                ready = true;
            }

            var outcome = await act(world, target!, caller);
            ready = outcome.Allowed == false;
            return outcome;
        };
    };

    private static async Task<Outcome> OpenPageAsync(AuthorizationWorld world, Caller caller, string path, string? shows)
    {
        var response = await world.Session(caller).GetAsync(path);
        switch ((int)response.StatusCode)
        {
            case 302:
                var to = HttpSession.RedirectPath(response);
                var home = caller == Anonymous ? null : Roles.HomePath(world.Actor(caller).Role);
                return to == home ? Outcome.In($"sent to its home {to}") : Outcome.Out($"sent to {to}");
            case 200:
                var body = await response.Content.ReadAsStringAsync();
                return NotFound().IsMatch(body) ? Outcome.Out("200 saying not found")
                    : shows is not null && !body.Contains(WebUtility.HtmlEncode(shows), StringComparison.Ordinal) ? Outcome.Out($"200 without “{shows}”")
                    : Outcome.In("200");
            case 404:
                return Outcome.Out("404");
            default:
                return Outcome.Broken($"{(int)response.StatusCode}");
        }
    }

    private static async Task<Outcome> AnswerAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (response.IsSuccessStatusCode)
        {
            return Outcome.In($"{status}");
        }

        var text = await response.Content.ReadAsStringAsync();
        var detail = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
            && JsonDocument.Parse(text).RootElement.TryGetProperty("detail", out var d) ? $": {d}" : "";
        return status is >= 400 and < 500 ? Outcome.Out($"{status}{detail}") : Outcome.Broken($"{status}{detail}");
    }

    [GeneratedRegex("<h1>[^<]*not found</h1>|<p>[^<]*was not found\\.</p>")]
    private static partial Regex NotFound();
}
