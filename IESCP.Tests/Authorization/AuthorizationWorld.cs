using System.Collections.Concurrent;
using System.Text.Json;
using IESCP.Data;
using IESCP.Data.Admin;
using IESCP.Data.AdRequests;
using IESCP.Data.ApiTokens;
using IESCP.Data.Campaigns;
using IESCP.Data.Exports;
using IESCP.Data.Identity;
using IESCP.Data.Influencers;
using IESCP.Data.Outbox;
using IESCP.Data.Reports;
using IESCP.Data.Sponsors;
using IESCP.Jobs.Exports;
using IESCP.Tests.Api;
using IESCP.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Tests.Authorization;

/// <summary>The kinds of caller every row of the authorization table is tried as.</summary>
public enum Caller
{
    Anonymous,
    Admin,

    /// <summary>An approved sponsor who owns the world's campaign, request, report and export.</summary>
    OwningSponsor,

    /// <summary>An approved sponsor who owns none of them.</summary>
    OtherSponsor,

    /// <summary>A sponsor an admin has not approved yet.</summary>
    PendingSponsor,

    /// <summary>The influencer the world's request (and report) is addressed to.</summary>
    AddressedInfluencer,

    OtherInfluencer,

    /// <summary>An influencer an admin flagged after it signed in and made an API token.</summary>
    FlaggedUser,
}

/// <summary>
/// One set of users (one per kind of caller), their signed-in sessions and API tokens, and the
/// things they own, made once per app and shared by every row of the authorization table. Rows
/// that change something ask for fresh things of their own (a new request, a new campaign) so
/// that every caller meets the same state.
/// </summary>
public sealed class AuthorizationWorld
{
    public const string CampaignName = "Matrix Launch Campaign";
    public const string SponsorReportMarker = "Matrix Report Campaign";
    public const string InfluencerReportMarker = "Matrix Report Work";

    private static readonly ConcurrentDictionary<IescpApp, Lazy<Task<AuthorizationWorld>>> Worlds = new();

    private readonly Dictionary<Caller, HttpSession> sessions = [];
    private readonly Dictionary<Caller, ApiClient> clients = [];
    private readonly Dictionary<Caller, Actor> actors = [];
    private int serial;

    private AuthorizationWorld(IescpApp app) => App = app;

    public IescpApp App { get; }

    public TestUser OwningSponsor { get; private set; } = default!;

    public TestUser AddressedInfluencer { get; private set; } = default!;

    public int AddressedInfluencerId { get; private set; }

    /// <summary>The owning sponsor's public campaign, listed in search.</summary>
    public int CampaignId { get; private set; }

    /// <summary>The owning sponsor's request to the addressed influencer on <see cref="CampaignId"/>, waiting for the influencer.</summary>
    public int RequestId { get; private set; }

    public int SponsorReportId { get; private set; }

    public int InfluencerReportId { get; private set; }

    public Guid ExportId { get; private set; }

    public static Task<AuthorizationWorld> OfAsync(IescpApp app) =>
        Worlds.GetOrAdd(app, a => new Lazy<Task<AuthorizationWorld>>(() => CreateAsync(a))).Value;

    public T Get<T>() where T : notnull => App.Get<T>();

    public HttpSession Session(Caller caller) => sessions[caller];

    public ApiClient Client(Caller caller) => clients[caller];

    /// <summary>Who the caller is to a repository. The anonymous caller is an actor of no account and no role.</summary>
    public Actor Actor(Caller caller) => actors[caller];

    private static async Task<AuthorizationWorld> CreateAsync(IescpApp app)
    {
        var world = new AuthorizationWorld(app);
        await world.BuildAsync();
        return world;
    }

    private async Task BuildAsync()
    {
        var users = App.Users;
        var admin = await users.AdminAsync();
        OwningSponsor = await users.SponsorAsync(name: "Matrix Owner");
        var otherSponsor = await users.SponsorAsync(name: "Matrix Rival");
        var pendingSponsor = await users.SponsorAsync(name: "Matrix Pending", approved: false);
        AddressedInfluencer = await users.InfluencerAsync(name: "Matrix Addressee");
        var otherInfluencer = await users.InfluencerAsync(name: "Matrix Outsider");
        var flagged = await users.InfluencerAsync(name: "Matrix Flagged");
        AddressedInfluencerId = (await Get<InfluencerRepository>().GetOwnProfileAsync(AddressedInfluencer.Actor))!.Id;

        CampaignId = await NewCampaignAsync(CampaignName);
        RequestId = await SendAsync(CampaignId);
        SponsorReportId = await AddReportAsync(OwningSponsor.UserId, ReportAudience.Sponsor, month => new SponsorReport(OwningSponsor.Name, month,
            [new CampaignMonth(CampaignId, SponsorReportMarker, 1, 1, 0, 0, 10_000, 0, 100_000, 90_000, [])]));
        InfluencerReportId = await AddReportAsync(AddressedInfluencer.UserId, ReportAudience.Influencer, month => new InfluencerReport(
            AddressedInfluencer.Name, month, 10_000, 1, 1, 1, [new CompletedWork(InfluencerReportMarker, OwningSponsor.Name, 10_000, DateTime.UtcNow)], 0, null, null));
        ExportId = await ExportAsync();

        actors[Caller.Anonymous] = new Actor("no-such-account", "");
        actors[Caller.Admin] = admin;
        var people = new (Caller Caller, TestUser User)[]
        {
            (Caller.OwningSponsor, OwningSponsor), (Caller.OtherSponsor, otherSponsor), (Caller.PendingSponsor, pendingSponsor),
            (Caller.AddressedInfluencer, AddressedInfluencer), (Caller.OtherInfluencer, otherInfluencer), (Caller.FlaggedUser, flagged),
        };
        sessions[Caller.Anonymous] = new HttpSession(App.BaseAddress);
        clients[Caller.Anonymous] = new ApiClient(App.BaseAddress, null);
        sessions[Caller.Admin] = await HttpSession.SignedInAsync(App.BaseAddress, IescpApp.AdminEmail, IescpApp.AdminPassword, "/admin");
        clients[Caller.Admin] = new ApiClient(App.BaseAddress, (await Get<ApiTokenRepository>().CreateAsync(admin, new ApiTokenInput { Name = "matrix" })).Value!.Token);
        foreach (var (caller, user) in people)
        {
            actors[caller] = user.Actor;
            sessions[caller] = await HttpSession.SignedInAsync(App.BaseAddress, user.Email, user.Password, Roles.HomePath(user.Actor.Role));
            clients[caller] = (await ApiClient.ForAsync(App, user, "matrix")).Client;
        }

        // Flagged after signing in and making a token: both must stop working at once.
        Ok(await Get<ModerationRepository>().FlagUserAsync(admin, flagged.UserId, new ReasonInput { Reason = "Matrix: spam." }));
    }

    /// <summary>A new public campaign of the owning sponsor, running from today for a month, with room for many payments.</summary>
    public async Task<int> NewCampaignAsync(string? name = null)
    {
        var input = Marketplace.Campaign(budget: 1_000_000m, name: name ?? $"Matrix campaign {Interlocked.Increment(ref serial)}",
            start: DateOnly.FromDateTime(DateTime.UtcNow));
        var created = await Get<CampaignRepository>().CreateAsync(OwningSponsor.Actor, input);
        Ok(created);
        return created.Value;
    }

    /// <summary>The owning sponsor's opening offer to the addressed influencer on a new campaign (or the given one); it waits for the influencer.</summary>
    public async Task<int> SendAsync(int? campaignId = null)
    {
        var sent = await Get<AdRequestRepository>().SendAsync(OwningSponsor.Actor, campaignId ?? await NewCampaignAsync(), AddressedInfluencerId,
            Marketplace.Offer(100m));
        Ok(sent);
        return sent.Value;
    }

    /// <summary>A request the influencer accepted: the sponsor may pay or cancel it.</summary>
    public async Task<int> AcceptedAsync()
    {
        var id = await SendAsync();
        Ok(await Get<AdRequestRepository>().AcceptAsync(AddressedInfluencer.Actor, id, seenRevision: 1));
        return id;
    }

    /// <summary>A paid request: the influencer may deliver it.</summary>
    public async Task<int> PaidAsync()
    {
        var id = await AcceptedAsync();
        Ok(await Get<AdRequestRepository>().PayAsync(OwningSponsor.Actor, id, Marketplace.Card()));
        return id;
    }

    /// <summary>A delivered request: the sponsor may complete it.</summary>
    public async Task<int> DeliveredAsync()
    {
        var id = await PaidAsync();
        Ok(await Get<AdRequestRepository>().DeliverAsync(AddressedInfluencer.Actor, id, "https://video.example/matrix"));
        return id;
    }

    /// <summary>A completed request: each side may review the other once.</summary>
    public async Task<int> CompletedAsync()
    {
        var id = await DeliveredAsync();
        Ok(await Get<AdRequestRepository>().CompleteAsync(OwningSponsor.Actor, id));
        return id;
    }

    /// <summary>An influencer no row's caller is: a target for the admin's decisions on users.</summary>
    public async Task<string> BystanderAsync(bool flagged = false)
    {
        var user = await App.Users.InfluencerAsync();
        if (flagged)
        {
            Ok(await Get<ModerationRepository>().FlagUserAsync(actors[Caller.Admin], user.UserId, new ReasonInput { Reason = "Matrix: flagged." }));
        }

        return user.UserId;
    }

    public async Task<int> FlaggedCampaignAsync()
    {
        var id = await NewCampaignAsync();
        Ok(await Get<ModerationRepository>().FlagCampaignAsync(actors[Caller.Admin], id, new ReasonInput { Reason = "Matrix: flagged." }));
        return id;
    }

    /// <summary>A sponsor waiting for approval (not the pending caller, who must stay pending); returns its sponsor id.</summary>
    public async Task<int> PendingSponsorIdAsync()
    {
        var sponsor = await App.Users.SponsorAsync(approved: false);
        return (await Get<SponsorRepository>().GetOwnProfileAsync(sponsor.Actor))!.Id;
    }

    /// <summary>An unread notification of the addressed influencer (a new request tells it).</summary>
    public async Task<long> UnreadNotificationAsync()
    {
        await SendAsync();
        return (await Get<Data.Notifications.NotificationRepository>().ListAsync(AddressedInfluencer.Actor, unreadOnly: true)).Items[0].Id;
    }

    public async Task<bool> IsReadAsync(long notificationId)
    {
        await using var db = await ContextAsync();
        return await db.Notifications.AnyAsync(n => n.Id == notificationId && n.ReadAt != null);
    }

    /// <summary>An email that failed for good, as the admin's Retry finds one.</summary>
    public async Task<long> FailedMessageAsync()
    {
        await using var db = await ContextAsync();
        var message = new OutboxMessage
        {
            Key = $"matrix:{Guid.NewGuid():N}",
            Channel = OutboxChannel.Email,
            Recipient = "nobody@iescp.test",
            Subject = "Matrix",
            Text = "Matrix",
            Status = OutboxStatus.Failed,
            Attempts = 5,
            NextAttemptAt = DateTime.UtcNow,
            CreatedAt = DateTime.UtcNow,
            LastError = "Matrix: refused.",
        };
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    /// <summary>One of the owning sponsor's API tokens.</summary>
    public async Task<int> TokenAsync()
    {
        var created = await Get<ApiTokenRepository>().CreateAsync(OwningSponsor.Actor, new ApiTokenInput { Name = "matrix spare" });
        Ok(created);
        return created.Value!.Id;
    }

    public static void Ok(CommandResult result) => Assert.True(result.Succeeded, result.Message);

    private Task<IescpDbContext> ContextAsync() => Get<IDbContextFactory<IescpDbContext>>().CreateDbContextAsync();

    private async Task<int> AddReportAsync(string userId, ReportAudience audience, Func<DateOnly, object> report)
    {
        var month = new DateOnly(2026, 10, 1);
        await using var db = await ContextAsync();
        var row = new MonthlyReport
        {
            UserId = userId, Audience = audience, Month = month, Data = JsonSerializer.Serialize(report(month), report(month).GetType()), CreatedAt = DateTime.UtcNow,
        };
        db.MonthlyReports.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    private async Task<Guid> ExportAsync()
    {
        var started = await Get<ExportQueue>().StartAsync(OwningSponsor.Actor, ExportKind.MyCampaigns);
        Ok(started);
        await Eventually.TrueAsync(async () =>
            (await Get<ExportRepository>().ListOwnAsync(OwningSponsor.Actor)).Any(e => e.Id == started.Value && e.Status == ExportStatus.Done), "the export");
        return started.Value;
    }
}
