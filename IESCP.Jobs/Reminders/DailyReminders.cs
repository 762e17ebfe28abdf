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
        var (reminded, chats, after) = (0, 0, "");
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var due = await reminders.ListDueAsync(day, policy, after, Math.Max(1, settings.BatchSize), cancellationToken);
            if (due.Count == 0)
            {
                return new ReminderRunResult(reminded, chats);
            }

            var batch = new List<(DueReminder, OutgoingEmail, OutgoingChat?)>(due.Count);
            foreach (var reminder in due)
            {
                batch.Add((reminder, await messages.EmailAsync(reminder, day), messages.Chat(reminder, day)));
            }

            var written = await reminders.RecordAsync(day, batch, cancellationToken);
            reminded += written.Count;
            chats += written.Count(r => r.ChatWebhookUrl is not null);
            after = due[^1].UserId;
        }
    }
}
