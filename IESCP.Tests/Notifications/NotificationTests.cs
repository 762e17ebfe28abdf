using IESCP.Data.AdRequests;
using IESCP.Data.Identity;
using IESCP.Data.Live;
using IESCP.Data.Notifications;
using IESCP.Data.Reviews;
using IESCP.Tests.Infrastructure;
using static IESCP.Tests.Infrastructure.Marketplace;

namespace IESCP.Tests.Notifications;

/// <summary>Every move tells the other party, in words and with a link; each user reads and clears only their own.</summary>
[Trait("Category", "Integration")]
public sealed class NotificationTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    private NotificationRepository Notifications => db.Get<NotificationRepository>();

    [Fact]
    public async Task Each_move_of_a_request_notifies_the_other_party_with_a_link_to_it()
    {
        var sponsor = await db.CreateSponsorAsync(name: "Northwind");
        var influencer = await db.CreateInfluencerAsync(name: "Lumen");
        var requests = db.Get<AdRequestRepository>();
        var campaignId = await db.CreateCampaignAsync(sponsor);

        var id = await db.SendAsync(sponsor, campaignId, influencer, 300m);
        Ok(await requests.CounterAsync(influencer, id, seenRevision: 1, Offer(400m)));
        Ok(await requests.AcceptAsync(sponsor, id, seenRevision: 2));
        Ok(await requests.PayAsync(sponsor, id, Card()));
        Ok(await requests.DeliverAsync(influencer, id, "https://video.example/1"));
        Ok(await requests.CompleteAsync(sponsor, id));
        Ok(await requests.ReviewAsync(sponsor, id, new ReviewInput { Rating = 5 }));
        Ok(await requests.ReviewAsync(influencer, id, new ReviewInput { Rating = 4 }));

        Assert.Equal(
        [
            "Northwind sent you an ad request for “Spring launch” ($300.00).",
            "Northwind accepted the offer for “Spring launch” ($400.00).",
            "Northwind paid $400.00 for “Spring launch”. Deliver the work and add its link.",
            "Northwind confirmed the work for “Spring launch” as complete.",
            "Northwind rated you 5 of 5 for “Spring launch”.",
        ], await TextsOldestFirstAsync(influencer));
        Assert.Equal(
        [
            "Lumen made a counter-offer on “Spring launch”: $400.00.",
            "Lumen delivered the work for “Spring launch”. Check it and confirm completion.",
            "Lumen rated you 4 of 5 for “Spring launch”.",
        ], await TextsOldestFirstAsync(sponsor));
        var all = (await Notifications.ListAsync(influencer, pageSize: 50)).Items;
        Assert.All(all, n => Assert.Equal(($"requests/{id}", NotificationKind.AdRequest), (n.Link, n.Kind)));
        Assert.Equal(5, await Notifications.CountUnreadAsync(influencer));
    }

    [Fact]
    public async Task A_refused_move_notifies_nobody()
    {
        var sponsor = await db.CreateSponsorAsync();
        var influencer = await db.CreateInfluencerAsync();
        var id = await db.SendAsync(sponsor, await db.CreateCampaignAsync(sponsor), influencer, 300m);
        var before = (await Notifications.CountUnreadAsync(sponsor), await Notifications.CountUnreadAsync(influencer));

        Refused(await db.Get<AdRequestRepository>().AcceptAsync(sponsor, id, seenRevision: 1), "The latest offer is yours; wait for the influencer's answer.");

        Assert.Equal(before, (await Notifications.CountUnreadAsync(sponsor), await Notifications.CountUnreadAsync(influencer)));
    }

    [Fact]
    public async Task Users_mark_only_their_own_notifications_read_and_their_pages_hear_of_it()
    {
        var sponsor = await db.CreateSponsorAsync();
        var influencer = await db.CreateInfluencerAsync();
        var other = await db.CreateInfluencerAsync();
        var campaignId = await db.CreateCampaignAsync(sponsor);
        await db.SendAsync(sponsor, campaignId, influencer, 100m);
        await db.SendAsync(sponsor, await db.CreateCampaignAsync(sponsor), influencer, 200m);
        var first = (await Notifications.ListAsync(influencer, pageSize: 50)).Items[^1];

        await Notifications.MarkReadAsync(other, first.Id);
        Assert.Equal(2, await Notifications.CountUnreadAsync(influencer));

        await Notifications.MarkReadAsync(influencer, first.Id);
        Assert.Equal(1, await Notifications.CountUnreadAsync(influencer));
        Assert.Equal([first.Id], (await Notifications.ListAsync(influencer, pageSize: 50)).Items.Where(n => n.IsRead).Select(n => n.Id));
        Assert.Single((await Notifications.ListAsync(influencer, unreadOnly: true)).Items);
        Assert.Contains(db.Events.Published, e => e is NotificationsChanged c && c.UserId == influencer.UserId);

        await Notifications.MarkAllReadAsync(influencer);
        Assert.Equal(0, await Notifications.CountUnreadAsync(influencer));
    }

    [Fact]
    public async Task A_new_sponsor_is_announced_to_the_admins_and_the_decision_to_the_sponsor()
    {
        var admin = await db.AdminAsync();
        var before = await Notifications.CountUnreadAsync(admin);
        var sponsor = await db.Users.SponsorAsync(name: "Fresh Brand", approved: false);

        Assert.Equal(before + 1, await Notifications.CountUnreadAsync(admin));
        var announcement = (await Notifications.ListAsync(admin, pageSize: 1)).Items.Single();
        Assert.Equal(("Fresh Brand (company, Retail) signed up as a sponsor and waits for approval.", "admin/sponsors"),
            (announcement.Text, announcement.Link));
        Assert.Contains(db.Events.Published, e => e is SponsorSignedUp);
    }

    private async Task<List<string>> TextsOldestFirstAsync(Actor user) =>
        [.. (await Notifications.ListAsync(user, pageSize: 50)).Items.Where(n => n.Kind == NotificationKind.AdRequest).Reverse().Select(n => n.Text)];
}
