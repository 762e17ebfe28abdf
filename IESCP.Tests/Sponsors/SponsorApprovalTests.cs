using IESCP.Data.Admin;
using IESCP.Data.Live;
using IESCP.Data.Notifications;
using IESCP.Data.Sponsors;
using IESCP.Tests.Infrastructure;
using static IESCP.Tests.Infrastructure.Marketplace;

namespace IESCP.Tests.Sponsors;

/// <summary>Admins decide on pending sponsors once, with a reason the sponsor sees when they reject.</summary>
[Trait("Category", "Integration")]
public sealed class SponsorApprovalTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private SponsorRepository Sponsors => db.Get<SponsorRepository>();

    [Fact]
    public async Task A_decision_another_admin_already_took_is_refused_and_not_applied_twice()
    {
        var sponsor = await db.CreateSponsorAsync(approved: false);
        var id = (await Sponsors.GetOwnProfileAsync(sponsor))!.Id;
        var first = await db.AdminAsync();

        Ok(await Sponsors.DecideAsync(first, id, ApprovalStatus.Approved));
        Refused(await Sponsors.DecideAsync(first, id, ApprovalStatus.Rejected, "Changed my mind."), "Another admin has already decided on this sponsor.");

        Assert.Equal(ApprovalStatus.Approved, await Sponsors.GetStatusAsync(sponsor.UserId));
        var log = await db.Get<ModerationRepository>().ListAuditAsync(first, new AuditQuery(Target: AuditTarget.Sponsor));
        Assert.Single(log.Items, a => a.TargetId == id.ToString());
        Assert.Single(db.Events.Published.OfType<SponsorDecided>(), e => e.SponsorId == id);
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_which_the_sponsor_then_sees()
    {
        var sponsor = await db.CreateSponsorAsync(approved: false);
        var id = (await Sponsors.GetOwnProfileAsync(sponsor))!.Id;
        var admin = await db.AdminAsync();

        Assert.Equal([("Reason", "Say why; the sponsor will see it.")], (await Sponsors.DecideAsync(admin, id, ApprovalStatus.Rejected)).Errors);
        Assert.Equal(ApprovalStatus.Pending, await Sponsors.GetStatusAsync(sponsor.UserId));

        Ok(await Sponsors.DecideAsync(admin, id, ApprovalStatus.Rejected, "  We could not verify the company.  "));

        var profile = await Sponsors.GetOwnProfileAsync(sponsor);
        Assert.Equal((ApprovalStatus.Rejected, "We could not verify the company."), (profile!.Status, profile.DecisionReason));
        var told = (await db.Get<NotificationRepository>().ListAsync(sponsor, pageSize: 1)).Items.Single();
        Assert.Equal("An admin did not approve your sponsor account: We could not verify the company.", told.Text);
    }

    [Fact]
    public async Task The_queue_lists_pending_sponsors_oldest_first_with_their_details()
    {
        var admin = await db.AdminAsync();
        var early = await db.CreateSponsorAsync(name: "Early Bird", approved: false, budget: 1_234m);
        db.Clock.Advance(TimeSpan.FromMinutes(5));
        var late = await db.CreateSponsorAsync(name: "Late Owl", approved: false);

        var queue = (await Sponsors.ListPendingAsync(admin)).Where(p => p.Name is "Early Bird" or "Late Owl").ToList();

        Assert.Equal(["Early Bird", "Late Owl"], queue.Select(p => p.Name));
        Assert.Equal((SponsorKind.Company, "Retail", 1_234m), (queue[0].Kind, queue[0].Industry, queue[0].Budget));
        Assert.Equal(TimeSpan.FromMinutes(5), queue[1].RegisteredAt - queue[0].RegisteredAt);
        Assert.Equal(await Sponsors.CountPendingAsync(admin), (await Sponsors.ListPendingAsync(admin)).Count);
    }
}
