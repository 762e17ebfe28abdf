using IESCP.Data.AdRequests;
using IESCP.Data.Admin;
using IESCP.Data.Campaigns;
using IESCP.Data.Identity;
using IESCP.Data.Influencers;
using IESCP.Data.Live;
using IESCP.Data.Notifications;
using IESCP.Data.Search;
using IESCP.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static IESCP.Tests.Infrastructure.Marketplace;

namespace IESCP.Tests.Admin;

/// <summary>Flags, unflags and removals: what each changes for the owner, for the other side, and in the audit log.</summary>
[Trait("Category", "Integration")]
public sealed class ModerationTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private ModerationRepository Moderation => db.Get<ModerationRepository>();

    [Fact]
    public async Task A_flagged_user_can_no_longer_act_or_sign_in_and_an_unflag_gives_it_back()
    {
        var admin = await db.AdminAsync();
        var sponsor = await db.CreateSponsorAsync();
        var influencer = await db.CreateInfluencerAsync();
        var campaignId = await db.CreateCampaignAsync(sponsor);
        var id = await db.SendAsync(sponsor, campaignId, influencer, 100m);
        var stampBefore = (await db.Get<AccountStates>().GetAsync(influencer.UserId))!.SecurityStamp;

        Ok(await Moderation.FlagUserAsync(admin, influencer.UserId, Reason("Fake followers.")));

        Refused(await db.Get<AdRequestRepository>().AcceptAsync(influencer, id, seenRevision: 1), "Your account is suspended; it can't do this.");
        Refused(await db.Get<InfluencerRepository>().UpdateOwnProfileAsync(influencer, new ProfileInput
        {
            Name = "New name", Category = "Technology", Niche = "AI", Followers = 10,
        }), "Your account is suspended; it can't do this.");
        var state = await db.Get<AccountStates>().GetAsync(influencer.UserId);
        Assert.False(state!.MaySignIn);
        Assert.NotEqual(stampBefore, state.SecurityStamp);
        Assert.Contains(db.Events.Published, e => e is AccountChanged { Change: AccountChange.Flagged, EndsSessions: true } c && c.UserId == influencer.UserId);
        Assert.Equal("An admin suspended your account: Fake followers.", (await LatestNotificationAsync(influencer)).Text);

        Ok(await Moderation.UnflagUserAsync(admin, influencer.UserId));
        Ok(await db.Get<AdRequestRepository>().AcceptAsync(influencer, id, seenRevision: 1));
        Assert.True((await db.Get<AccountStates>().GetAsync(influencer.UserId))!.MaySignIn);
    }

    [Fact]
    public async Task A_flagged_campaign_leaves_search_takes_no_request_or_acceptance_and_its_sponsor_sees_why()
    {
        var admin = await db.AdminAsync();
        var sponsor = await db.CreateSponsorAsync();
        var influencer = await db.CreateInfluencerAsync();
        var campaignId = await db.CreateCampaignAsync(sponsor);
        var id = await db.SendAsync(sponsor, campaignId, influencer, 100m);
        var other = await db.CreateInfluencerAsync();

        Ok(await Moderation.FlagCampaignAsync(admin, campaignId, Reason("Misleading claims.")));

        var search = await db.Get<CampaignSearch>().SearchAsync(influencer, new CampaignSearchQuery { PageSize = 50 });
        Assert.DoesNotContain(search.Items, c => c.Id == campaignId);
        Refused(await db.Get<AdRequestRepository>().AcceptAsync(influencer, id, seenRevision: 1),
            "This campaign is flagged for review; it can't take new commitments.");
        var send = await db.Get<AdRequestRepository>().SendAsync(sponsor, campaignId, await db.InfluencerIdAsync(other), Offer(50m));
        Refused(send, "This campaign is flagged for review; it can't take new requests.");
        var own = await db.Get<CampaignRepository>().GetOwnAsync(sponsor, campaignId);
        Assert.Equal((true, "Misleading claims."), (own!.IsFlagged, own.FlagReason));
        Assert.Equal($"An admin flagged your campaign “Spring launch”: Misleading claims.", (await LatestNotificationAsync(sponsor)).Text);

        Ok(await Moderation.UnflagCampaignAsync(admin, campaignId));
        Ok(await db.Get<AdRequestRepository>().AcceptAsync(influencer, id, seenRevision: 1));
    }

    [Fact]
    public async Task Removing_an_influencer_erases_its_data_cancels_its_open_work_releases_the_money_and_keeps_paid_history()
    {
        var admin = await db.AdminAsync();
        var sponsor = await db.CreateSponsorAsync();
        var influencer = await db.CreateInfluencerAsync(name: "Gone Soon");
        var campaignId = await db.CreateCampaignAsync(sponsor, budget: 1_000m);
        var accepted = await db.AcceptedAsync(sponsor, campaignId, influencer, 300m);
        var secondCampaign = await db.CreateCampaignAsync(sponsor, budget: 1_000m);
        var paid = await db.AcceptedAsync(sponsor, secondCampaign, influencer, 200m);
        Ok(await db.Get<AdRequestRepository>().PayAsync(sponsor, paid, Card()));

        Ok(await Moderation.DeleteUserAsync(admin, influencer.UserId, Reason("Asked to leave.")));

        var cancelled = await db.RequestAsync(sponsor, accepted);
        Assert.Equal((AdRequestStatus.Cancelled, "Removed account", "The influencer's account was removed."),
            (cancelled.Summary.Status, cancelled.Summary.InfluencerName, cancelled.ClosedReason));
        Assert.Equal(new CampaignLedger(1_000m, 0m, 0m), await db.LedgerAsync(sponsor, campaignId));
        Assert.Equal(AdRequestStatus.Paid, (await db.RequestAsync(sponsor, paid)).Summary.Status);
        Assert.Equal(new CampaignLedger(1_000m, 200m, 200m), await db.LedgerAsync(sponsor, secondCampaign));

        await using var context = await db.ContextAsync();
        var user = await context.Users.SingleAsync(u => u.Id == influencer.UserId);
        Assert.Equal(("Removed account", $"removed-{influencer.UserId}@removed.invalid", null), (user.DisplayName, user.Email, user.PasswordHash));
        Assert.False((await db.Get<AccountStates>().GetAsync(influencer.UserId))!.MaySignIn);
        Assert.Null(await db.Get<InfluencerRepository>().GetPublicProfileAsync(sponsor, await db.InfluencerIdAsync(influencer)));
        Assert.Empty(await context.Database.SqlQueryRaw<string>("SELECT \"table\" AS \"Value\" FROM pragma_foreign_key_check").ToListAsync());
        Assert.Contains("Gone Soon left IESCP; the request for “Spring launch” was cancelled.",
            (await db.Get<NotificationRepository>().ListAsync(sponsor, pageSize: 50)).Items.Select(n => n.Text));
    }

    [Fact]
    public async Task Removing_a_sponsor_deletes_its_campaigns_and_tells_each_influencer_once()
    {
        var admin = await db.AdminAsync();
        var sponsor = await db.CreateSponsorAsync(name: "Leaving Brand");
        var influencer = await db.CreateInfluencerAsync();
        var first = await db.CreateCampaignAsync(sponsor);
        var second = await db.CreateCampaignAsync(sponsor);
        var openId = await db.SendAsync(sponsor, first, influencer, 100m);
        var acceptedId = await db.AcceptedAsync(sponsor, second, influencer, 100m);

        Ok(await Moderation.DeleteUserAsync(admin, sponsor.UserId, Reason("Fraud.")));

        Assert.Equal(AdRequestStatus.Cancelled, (await db.RequestAsync(influencer, openId)).Summary.Status);
        var detail = await db.RequestAsync(influencer, acceptedId);
        Assert.Equal((AdRequestStatus.Cancelled, "Removed account", true), (detail.Summary.Status, detail.Summary.SponsorName, detail.CampaignDeleted));
        var bulk = db.Events.Published.OfType<CampaignsChanged>().Where(e => e.UserId == influencer.UserId).ToList();
        Assert.Equal([[first, second]], bulk.Select(e => e.CampaignIds.Order().ToList()));
    }

    [Fact]
    public async Task Every_decision_is_in_the_audit_log_which_nobody_can_change()
    {
        var admin = await db.AdminAsync();
        var influencer = await db.CreateInfluencerAsync(name: "Audited One");
        Ok(await Moderation.FlagUserAsync(admin, influencer.UserId, Reason("Spam.")));
        Ok(await Moderation.UnflagUserAsync(admin, influencer.UserId));

        var log = await Moderation.ListAuditAsync(admin, new AuditQuery(Text: "Audited One"));
        Assert.Equal([(AuditAction.Unflag, null), (AuditAction.Flag, "Spam.")], log.Items.Select(a => (a.Action, a.Reason)));
        Assert.All(log.Items, a => Assert.Equal(("IESCP Admin", AuditTarget.User, influencer.UserId), (a.ActorName, a.Target, a.TargetId)));
        Assert.Single((await Moderation.ListAuditAsync(admin, new AuditQuery(Action: AuditAction.Flag, Text: "Audited One"))).Items);

        await using var context = await db.ContextAsync();
        var update = await Assert.ThrowsAnyAsync<Exception>(() => context.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Reason\" = 'rewritten'"));
        Assert.Contains("Audit entries are never changed.", update.Message);
        var delete = await Assert.ThrowsAnyAsync<Exception>(() => context.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));
        Assert.Contains("Audit entries are never deleted.", delete.Message);
    }

    [Fact]
    public async Task A_flag_needs_a_reason_and_admins_are_out_of_reach()
    {
        var admin = await db.AdminAsync();
        var influencer = await db.CreateInfluencerAsync();

        Assert.Equal([("Reason", "Say why; the owner will see it.")], (await Moderation.FlagUserAsync(admin, influencer.UserId, Reason(" "))).Errors);
        Assert.True((await db.Get<AccountStates>().GetAsync(influencer.UserId))!.MaySignIn);
        Refused(await Moderation.FlagUserAsync(admin, admin.UserId, Reason("Testing.")), "Admin accounts can't be flagged or removed here.");
    }

    [Fact]
    public async Task Only_an_admin_may_moderate()
    {
        var sponsor = await db.CreateSponsorAsync();
        var influencer = await db.CreateInfluencerAsync();
        var campaignId = await db.CreateCampaignAsync(sponsor);

        foreach (var caller in new[] { sponsor, influencer })
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => Moderation.FlagUserAsync(caller, influencer.UserId, Reason("x")));
            await Assert.ThrowsAsync<ForbiddenException>(() => Moderation.UnflagUserAsync(caller, influencer.UserId));
            await Assert.ThrowsAsync<ForbiddenException>(() => Moderation.DeleteUserAsync(caller, influencer.UserId, Reason("x")));
            await Assert.ThrowsAsync<ForbiddenException>(() => Moderation.FlagCampaignAsync(caller, campaignId, Reason("x")));
            await Assert.ThrowsAsync<ForbiddenException>(() => Moderation.UnflagCampaignAsync(caller, campaignId));
            await Assert.ThrowsAsync<ForbiddenException>(() => Moderation.DeleteCampaignAsync(caller, campaignId, Reason("x")));
            await Assert.ThrowsAsync<ForbiddenException>(() => Moderation.ListUsersAsync(caller, new UserListQuery()));
            await Assert.ThrowsAsync<ForbiddenException>(() => Moderation.ListCampaignsAsync(caller, new CampaignModerationQuery()));
            await Assert.ThrowsAsync<ForbiddenException>(() => Moderation.ListAuditAsync(caller, new AuditQuery()));
            await Assert.ThrowsAsync<ForbiddenException>(() => db.Get<StatisticsRepository>().GetAsync(caller));
        }

        Assert.True((await db.Get<AccountStates>().GetAsync(influencer.UserId))!.MaySignIn);
    }

    [Fact]
    public async Task The_user_list_filters_by_text_role_and_status_and_pages()
    {
        var admin = await db.AdminAsync();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var flagged = await db.CreateInfluencerAsync(name: $"Zed {tag}");
        await db.CreateInfluencerAsync(name: $"Amy {tag}");
        var pending = await db.CreateSponsorAsync(name: $"Brand {tag}", approved: false);
        Ok(await Moderation.FlagUserAsync(admin, flagged.UserId, Reason("Spam.")));

        var all = await Moderation.ListUsersAsync(admin, new UserListQuery(Text: tag, Sort: UserSort.Name, Descending: false));
        Assert.Equal([$"Amy {tag}", $"Brand {tag}", $"Zed {tag}"], all.Items.Select(u => u.Name));
        Assert.Equal([(AccountStatus.Active, Roles.Influencer), (AccountStatus.Pending, Roles.Sponsor), (AccountStatus.Flagged, Roles.Influencer)],
            all.Items.Select(u => (u.Status, u.Role)));
        Assert.Equal([pending.UserId], (await Moderation.ListUsersAsync(admin, new UserListQuery(Text: tag, Role: Roles.Sponsor))).Items.Select(u => u.Id));
        Assert.Equal([flagged.UserId], (await Moderation.ListUsersAsync(admin, new UserListQuery(Text: tag, Status: AccountStatus.Flagged))).Items.Select(u => u.Id));
        var second = await Moderation.ListUsersAsync(admin, new UserListQuery(Text: tag, Sort: UserSort.Name, Descending: false, Page: 2, PageSize: 2));
        Assert.Equal(3, second.TotalCount);
        Assert.Equal([$"Zed {tag}"], second.Items.Select(u => u.Name));
    }

    private static ReasonInput Reason(string text) => new() { Reason = text };

    private async Task<NotificationView> LatestNotificationAsync(Actor user) =>
        (await db.Get<NotificationRepository>().ListAsync(user, pageSize: 1)).Items.Single();
}
