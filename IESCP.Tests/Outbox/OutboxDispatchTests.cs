using IESCP.Data;
using IESCP.Data.Identity;
using IESCP.Data.Outbox;
using IESCP.Jobs.Email;
using IESCP.Jobs.Outbox;
using IESCP.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Tests.Outbox;

/// <summary>
/// The outbox against a real SMTP server and a real HTTP receiver standing in for Google Chat:
/// nothing is lost while a receiver is down, nothing is sent twice, failures are retried later.
/// </summary>
[Trait("Category", "Integration")]
public sealed class OutboxDispatchTests(SmtpServer smtp) : IClassFixture<SmtpServer>, IAsyncLifetime
{
    private readonly JobsDatabase db = JobsDatabase.SendingTo(smtp);

    private readonly ChatReceiver chat = new();

    public async Task InitializeAsync()
    {
        await db.InitializeAsync();
        await chat.InitializeAsync();
        if (!await SmtpIsUpAsync())
        {
            await smtp.StartAsync();
        }
    }

    public async Task DisposeAsync()
    {
        await chat.DisposeAsync();
        await db.DisposeAsync();
    }

    private OutboxDispatcher Dispatcher => db.Get<OutboxDispatcher>();

    [Fact]
    public async Task A_queued_email_is_sent_once_and_marked_sent()
    {
        var to = Address();
        await QueueEmailAsync(to);

        var first = await Dispatcher.DispatchDueAsync(CancellationToken.None);
        var second = await Dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal((1, 0, 0), (first.Sent, first.Retrying, first.Failed));
        Assert.True(second.Idle);
        Assert.Single(MessagesTo(to));
        var row = await RowAsync(to);
        Assert.Equal((OutboxStatus.Sent, 1, db.Clock.GetUtcNow().UtcDateTime), (row.Status, row.Attempts, row.SentAt));
    }

    [Fact]
    public async Task With_smtp_down_nothing_is_lost_and_each_message_goes_out_once_the_server_is_back()
    {
        var recipients = Enumerable.Range(0, 3).Select(_ => Address()).ToList();
        foreach (var to in recipients)
        {
            await QueueEmailAsync(to);
        }

        smtp.Stop();
        var down = await Dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Equal((0, 3), (down.Sent, down.Retrying));
        foreach (var to in recipients)
        {
            var row = await RowAsync(to);
            Assert.Equal(OutboxStatus.Pending, row.Status);
            Assert.NotNull(row.LastError);
            Assert.True(row.NextAttemptAt > db.Clock.GetUtcNow().UtcDateTime, "A failed message waits before its next attempt.");
        }

        await smtp.StartAsync();
        Assert.True((await Dispatcher.DispatchDueAsync(CancellationToken.None)).Idle, "Nothing is retried before its back-off ends.");
        db.Clock.Advance(TimeSpan.FromMinutes(2));
        var back = await Dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(3, back.Sent);
        Assert.All(recipients, to => Assert.Single(MessagesTo(to)));
        Assert.True((await Dispatcher.DispatchDueAsync(CancellationToken.None)).Idle);
    }

    [Fact]
    public async Task The_back_off_doubles_after_each_failure_and_a_message_fails_for_good_after_the_last_attempt()
    {
        var options = new OutboxOptions { FirstRetryDelay = TimeSpan.FromMinutes(1), MaxRetryDelay = TimeSpan.FromMinutes(10), MaxAttempts = 5 };
        var now = db.Clock.GetUtcNow().UtcDateTime;

        Assert.Equal(
            [now.AddMinutes(1), now.AddMinutes(2), now.AddMinutes(4), now.AddMinutes(8), null],
            Enumerable.Range(1, 5).Select(attempt => options.RetryAt(attempt, now)).ToList());
        Assert.Equal(now.AddMinutes(10), new OutboxOptions { FirstRetryDelay = TimeSpan.FromMinutes(1), MaxRetryDelay = TimeSpan.FromMinutes(10) }.RetryAt(6, now));
    }

    [Fact]
    public async Task A_webhook_answering_500_once_is_retried_at_once_and_delivered_once()
    {
        await QueueChatAsync("retry-500");
        chat.FailNext(1, ChatAnswer.ServerError);

        var result = await Dispatcher.DispatchDueAsync(CancellationToken.None);

        Assert.Equal(1, result.Sent);
        Assert.Equal(2, chat.Requests);
        Assert.Single(chat.MessagesTo("retry-500"));
    }

    [Fact]
    public async Task A_webhook_that_keeps_failing_waits_and_is_delivered_when_it_answers_again()
    {
        var key = await QueueChatAsync("down");
        chat.Answer = ChatAnswer.ServerError;

        var failing = await Dispatcher.DispatchDueAsync(CancellationToken.None);
        var row = await RowByKeyAsync(key);
        Assert.Equal((0, 1), (failing.Sent, failing.Retrying));
        Assert.Contains("500", row.LastError);

        chat.Answer = ChatAnswer.Ok;
        db.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, (await Dispatcher.DispatchDueAsync(CancellationToken.None)).Sent);
        Assert.Single(chat.MessagesTo("down"));
        Assert.Equal((OutboxStatus.Sent, 2), ((await RowByKeyAsync(key)).Status, (await RowByKeyAsync(key)).Attempts));
    }

    [Fact]
    public async Task A_webhook_that_hangs_times_out_and_the_message_is_delivered_later()
    {
        var key = await QueueChatAsync("hang");
        chat.Answer = ChatAnswer.Hang;

        var hanging = await Dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Equal((0, 1), (hanging.Sent, hanging.Retrying));
        Assert.Contains("timeout", (await RowByKeyAsync(key)).LastError, StringComparison.OrdinalIgnoreCase);

        chat.Answer = ChatAnswer.Ok;
        db.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, (await Dispatcher.DispatchDueAsync(CancellationToken.None)).Sent);
        Assert.Single(chat.MessagesTo("hang"));
    }

    [Fact]
    public async Task A_webhook_that_is_gone_fails_for_good_without_retries_and_an_admin_can_retry_it()
    {
        var key = await QueueChatAsync("gone");
        chat.Answer = ChatAnswer.NotFound;

        var result = await Dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Equal((0, 0, 1), (result.Sent, result.Retrying, result.Failed));
        Assert.Equal(1, chat.Requests);
        Assert.Equal((OutboxStatus.Failed, 1), ((await RowByKeyAsync(key)).Status, (await RowByKeyAsync(key)).Attempts));

        chat.Answer = ChatAnswer.Ok;
        var admin = await db.AdminAsync();
        Assert.True((await db.Get<OutboxRepository>().RetryAsync(admin, (await RowByKeyAsync(key)).Id)).Succeeded);
        Assert.Equal(1, (await Dispatcher.DispatchDueAsync(CancellationToken.None)).Sent);
        Assert.Single(chat.MessagesTo("gone"));
    }

    [Fact]
    public async Task A_chat_message_sent_again_after_a_crash_is_recognised_by_its_id()
    {
        var key = await QueueChatAsync("crash");
        Assert.Equal(1, (await Dispatcher.DispatchDueAsync(CancellationToken.None)).Sent);
        // As if the app had died after Chat accepted it but before the outbox recorded it.
        await using (var context = await db.ContextAsync())
        {
            await context.OutboxMessages.Where(m => m.Key == key).ExecuteUpdateAsync(set => set.SetProperty(m => m.Status, OutboxStatus.Pending));
        }

        Assert.Equal(1, (await Dispatcher.DispatchDueAsync(CancellationToken.None)).Sent);

        Assert.Equal(2, chat.Requests);
        var message = Assert.Single(chat.MessagesTo("crash"));
        Assert.Equal(ChatSender.MessageId(key), message.MessageId);
    }

    [Fact]
    public async Task Two_dispatchers_running_at_once_send_every_message_exactly_once()
    {
        var recipients = Enumerable.Range(0, 40).Select(_ => Address()).ToList();
        foreach (var to in recipients)
        {
            await QueueEmailAsync(to);
        }

        var results = await Task.WhenAll(Dispatcher.DispatchDueAsync(CancellationToken.None), Dispatcher.DispatchDueAsync(CancellationToken.None));

        Assert.Equal(40, results.Sum(r => r.Sent));
        Assert.All(recipients, to => Assert.Single(MessagesTo(to)));
    }

    [Fact]
    public async Task The_admin_sees_each_message_with_its_status_and_a_webhook_without_its_secret()
    {
        await QueueChatAsync("secret");
        var admin = await db.AdminAsync();
        var outbox = db.Get<OutboxRepository>();

        var pending = await outbox.ListAsync(admin, OutboxStatus.Pending);
        var row = Assert.Single(pending.Items);
        Assert.DoesNotContain("token", row.Recipient);
        Assert.Equal(1, (await outbox.CountAsync(admin))[OutboxStatus.Pending]);
        await Assert.ThrowsAsync<ForbiddenException>(() => outbox.ListAsync(new Actor(admin.UserId, Roles.Sponsor), null));
    }

    private static string Address() => $"to-{Guid.NewGuid():N}@iescp.test";

    private async Task QueueEmailAsync(string to)
    {
        var email = await db.Get<EmailRenderer>().EmailAsync<AccountEmail>($"test:{to}", null, to, "Outbox test",
            new AccountEmails.Message("Nova", "A test message.", "Open", "settings", null, ""));
        await db.Get<OutboxRepository>().EnqueueAsync(email);
    }

    private async Task<string> QueueChatAsync(string space)
    {
        var key = $"test-chat:{space}:{Guid.NewGuid():N}";
        await using var context = await db.ContextAsync();
        context.OutboxMessages.Add(new OutboxMessage
        {
            Key = key, Channel = OutboxChannel.GoogleChat, Recipient = chat.WebhookUrl(space), Text = "*Hello*",
            NextAttemptAt = db.Clock.GetUtcNow().UtcDateTime, CreatedAt = db.Clock.GetUtcNow().UtcDateTime,
        });
        await context.SaveChangesAsync();
        return key;
    }

    private IReadOnlyList<string> MessagesTo(string to) => [.. smtp.Messages().Where(m => m.Contains($"To: {to}", StringComparison.OrdinalIgnoreCase))];

    private async Task<OutboxMessage> RowAsync(string to)
    {
        await using var context = await db.ContextAsync();
        return await context.OutboxMessages.AsNoTracking().SingleAsync(m => m.Recipient == to);
    }

    private async Task<OutboxMessage> RowByKeyAsync(string key)
    {
        await using var context = await db.ContextAsync();
        return await context.OutboxMessages.AsNoTracking().SingleAsync(m => m.Key == key);
    }

    private async Task<bool> SmtpIsUpAsync()
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            await client.ConnectAsync(System.Net.IPAddress.Loopback, smtp.Port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
