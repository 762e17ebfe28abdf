using IESCP.Data.Outbox;
using IESCP.Data.Reminders;
using Microsoft.Extensions.Options;

namespace IESCP.Jobs.Reminders;

/// <summary>What one run of the reminders did.</summary>
public sealed record ReminderRunResult(int Reminded, int ChatMessages)
{
    public override string ToString() => $"{Reminded} reminded, {ChatMessages} chat messages";
}

/// <summary>
/// The daily reminders, batch by batch: who is due one today (<see cref="ReminderRepository"/>),
/// their email and chat message rendered, then written with the reminder in one transaction.
/// Safe to run twice, concurrently or after a stop mid-way: the data layer keeps it to one a day.
/// </summary>
public sealed class DailyReminders(ReminderRepository reminders, ReminderMessages messages, IOptions<ReminderOptions> options, TimeProvider clock)
{
    public async Task<ReminderRunResult> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        // The server's own date: the job runs at a local time, and "once a day" means its day.
        var day = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var policy = new ReminderPolicy(settings.AwayDays);
        var size = Math.Max(1, settings.BatchSize);
        var (reminded, chats) = (0, 0);
        // Two steps overlap: while one batch is written (the database takes one writer at a
        // time), the next is found and rendered. Batches are of different users, so neither
        // step changes what the other reads.
        var next = PrepareAsync(day, policy, after: "", size, cancellationToken);
        while (true)
        {
            var (due, batch) = await next;
            if (due.Count == 0)
            {
                return new ReminderRunResult(reminded, chats);
            }

            var writing = reminders.RecordAsync(day, batch, cancellationToken);
            next = PrepareAsync(day, policy, due[^1].UserId, size, cancellationToken);
            await Task.WhenAll(writing, next);
            var written = await writing;
            reminded += written.Count;
            chats += written.Count(r => r.ChatWebhookUrl is not null);
        }
    }

    /// <summary>The next users due a reminder after <paramref name="after"/>, with their messages rendered.</summary>
    private async Task<(IReadOnlyList<DueReminder> Due, List<(DueReminder, OutgoingEmail, OutgoingChat?)> Batch)> PrepareAsync(
        DateOnly day, ReminderPolicy policy, string after, int size, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var due = await reminders.ListDueAsync(day, policy, after, size, cancellationToken);
        var batch = new List<(DueReminder, OutgoingEmail, OutgoingChat?)>(due.Count);
        foreach (var reminder in due)
        {
            batch.Add((reminder, await messages.EmailAsync(reminder, day), messages.Chat(reminder, day)));
        }

        return (due, batch);
    }
}
