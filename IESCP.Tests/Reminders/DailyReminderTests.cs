using IESCP.Data.AdRequests;
using IESCP.Data.ChatWebhooks;
using IESCP.Data.Identity;
using IESCP.Data.Reminders;
using IESCP.Jobs.Outbox;
using IESCP.Jobs.Reminders;
using IESCP.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Tests.Reminders;

/// <summary>
/// The daily reminders, delivered through the outbox into a real SMTP server and a stand-in for
/// Google Chat: exactly the right people, once a day, however often the job runs.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DailyReminderTests(SmtpServer smtp) : IClassFixture<SmtpServer>, IAsyncLifetime
{
    private readonly JobsDatabase db = JobsDatabase.SendingTo(smtp, new() { ["Reminders:AwayDays"] = "14" });

    private readonly ChatReceiver chat = new();

    public async Task InitializeAsync()
    {
        await db.InitializeAsync();
        await chat.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await chat.DisposeAsync();
        await db.DisposeAsync();
    }

    [Fact]
    public async Task Influencers_with_offers_to_answer_and_people_away_get_one_reminder_each_and_nobody_else()
    {
        var world = await WorldAsync();

        var run = await RunAndDeliverAsync();

        Assert.Equal((2, 1), (run.Reminded, run.ChatMessages));
        var offered = Assert.Single(MessagesTo(world.Offered));
        Assert.Contains($"{JobsDatabase.PublicBaseUrl}requests/{world.OfferId}", offered);
        Assert.Contains("Gadget week", offered);
        var away = Assert.Single(MessagesTo(world.Away));
        Assert.Contains($"{JobsDatabase.PublicBaseUrl}influencer/campaigns", away);
        foreach (var nobody in new[] { world.Sponsor, world.Countered, world.Flagged, world.PendingSponsor })
        {
            Assert.Empty(MessagesTo(nobody));
        }

        var posted = Assert.Single(chat.MessagesTo("offered"));
        Assert.Contains($"<{JobsDatabase.PublicBaseUrl}requests/{world.OfferId}|", posted.Text);
    }

    [Fact]
    public async Task Running_the_job_again_the_same_day_sends_nothing_more()
    {
        var world = await WorldAsync();
        await RunAndDeliverAsync();

        var again = await RunAndDeliverAsync();

        Assert.Equal(0, again.Reminded);
        Assert.Single(MessagesTo(world.Offered));
        Assert.Single(MessagesTo(world.Away));
        Assert.Single(chat.MessagesTo("offered"));
    }

    [Fact]
    public async Task Two_runs_at_once_still_remind_each_user_once()
    {
        var world = await WorldAsync();
        var reminders = db.Get<DailyReminders>();

        var runs = await Task.WhenAll(reminders.RunAsync(CancellationToken.None), reminders.RunAsync(CancellationToken.None));
        await db.Get<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

        Assert.Equal(2, runs.Sum(r => r.Reminded));
        Assert.Single(MessagesTo(world.Offered));
        Assert.Single(MessagesTo(world.Away));
    }

    [Fact]
    public async Task A_run_stopped_after_its_first_batch_is_completed_by_the_next_run_without_reminding_anyone_twice()
    {
        var world = await WorldAsync();
        var day = DateOnly.FromDateTime(db.Clock.GetLocalNow().DateTime);
        var repository = db.Get<ReminderRepository>();
        var messages = db.Get<ReminderMessages>();
        // What a run does for its first batch (of one) before the app stops.
        var first = Assert.Single(await repository.ListDueAsync(day, new ReminderPolicy(14), "", 1));
        await repository.RecordAsync(day, [(first, await messages.EmailAsync(first, day), messages.Chat(first, day))]);

        var rest = await RunAndDeliverAsync();

        Assert.Equal(1, rest.Reminded);
        Assert.Single(MessagesTo(world.Offered));
        Assert.Single(MessagesTo(world.Away));
    }

    [Fact]
    public async Task The_next_day_offers_still_waiting_are_reminded_again_while_people_away_wait_out_the_away_period()
    {
        var world = await WorldAsync();
        await RunAndDeliverAsync();

        db.Clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await RunAndDeliverAsync();

        Assert.Equal(1, nextDay.Reminded);
        Assert.Equal(2, MessagesTo(world.Offered).Count);
        Assert.Single(MessagesTo(world.Away));
    }

    [Fact]
    public async Task A_sponsor_away_is_reminded_of_the_answers_that_wait_for_it()
    {
        var sponsor = await db.Users.SponsorAsync(name: "Quiet Brand");
        var influencer = await db.Users.InfluencerAsync();
        var campaignId = await db.AddCampaignAsync(sponsor.Actor);
        var offer = await db.SendAsync(sponsor.Actor, campaignId, influencer.Actor, 200m);
        Marketplace.Ok(await db.Get<AdRequestRepository>().CounterAsync(influencer.Actor, offer, 1, Marketplace.Offer(260m)));
        await SetLastSeenAsync(sponsor.Actor, TimeSpan.FromDays(20));

        await RunAndDeliverAsync();

        var email = Assert.Single(MessagesTo(sponsor));
        Assert.Contains($"{JobsDatabase.PublicBaseUrl}requests/{offer}", email);
        Assert.Contains("your move", email);
    }

    private async Task<World> WorldAsync()
    {
        var sponsor = await db.Users.SponsorAsync();
        var campaignId = await db.AddCampaignAsync(sponsor.Actor);
        var offered = await db.Users.InfluencerAsync();
        var offerId = await db.SendAsync(sponsor.Actor, campaignId, offered.Actor, 150m);
        Assert.True((await db.Get<ChatWebhookRepository>().SaveAsync(offered.Actor, chat.WebhookUrl("offered"))).Succeeded);

        var countered = await db.Users.InfluencerAsync();
        var counteredId = await db.SendAsync(sponsor.Actor, campaignId, countered.Actor, 150m);
        Marketplace.Ok(await db.Get<AdRequestRepository>().CounterAsync(countered.Actor, counteredId, 1, Marketplace.Offer(180m)));

        var flagged = await db.Users.InfluencerAsync();
        await db.SendAsync(sponsor.Actor, campaignId, flagged.Actor, 150m);
        await db.FlagAsync(flagged.Actor);

        var away = await db.Users.InfluencerAsync();
        await SetLastSeenAsync(away.Actor, TimeSpan.FromDays(20));
        var pendingSponsor = await db.Users.SponsorAsync(approved: false);
        await SetLastSeenAsync(pendingSponsor.Actor, TimeSpan.FromDays(20));
        // Everyone else was seen just now.
        await SetLastSeenAsync(sponsor.Actor, TimeSpan.Zero);
        return new World(sponsor, offered, offerId, countered, flagged, away, pendingSponsor);
    }

    private async Task SetLastSeenAsync(Actor user, TimeSpan ago)
    {
        var at = db.Clock.GetUtcNow().UtcDateTime - ago;
        await using var context = await db.ContextAsync();
        await context.Users.Where(u => u.Id == user.UserId).ExecuteUpdateAsync(set => set.SetProperty(u => u.LastSeenAt, at));
    }

    private async Task<ReminderRunResult> RunAndDeliverAsync()
    {
        var run = await db.Get<DailyReminders>().RunAsync(CancellationToken.None);
        await db.Get<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);
        return run;
    }

    private IReadOnlyList<string> MessagesTo(TestUser user) =>
        [.. smtp.Messages().Select(Mime.Decode).Where(m => m.Contains($"To: {user.Email}", StringComparison.OrdinalIgnoreCase))];

    private sealed record World(TestUser Sponsor, TestUser Offered, int OfferId, TestUser Countered, TestUser Flagged, TestUser Away, TestUser PendingSponsor);
}
