using IESCP.Data.Outbox;
using IESCP.Data.Reminders;
using IESCP.Jobs.Email;

namespace IESCP.Jobs.Reminders;

/// <summary>A reminder as an email and, where the user set a webhook, as a Google Chat message.</summary>
public sealed class ReminderMessages(EmailRenderer renderer, PublicLinks links)
{
    public static string Subject(DueReminder reminder)
    {
        var count = reminder.Items.Count + reminder.More;
        return reminder.Away && count <= 1 ? "What's new for you on IESCP" : count == 1 ? "1 thing waits for you on IESCP" : $"{count} things wait for you on IESCP";
    }

    public Task<OutgoingEmail> EmailAsync(DueReminder reminder, DateOnly day) =>
        renderer.EmailAsync<ReminderEmail>(ReminderRepository.Key(reminder.UserId, day, "email"), reminder.UserId, reminder.Email, Subject(reminder), reminder);

    public OutgoingChat? Chat(DueReminder reminder, DateOnly day)
    {
        if (reminder.ChatWebhookUrl is null)
        {
            return null;
        }

        // Chat's own markup: *bold*, and <url|label> links (a label may not hold < > or |).
        var lines = reminder.Items.Select(item => $"• <{links.To(item.Link)}|{Label(item.Text)}>").ToList();
        if (reminder.More > 0)
        {
            lines.Add($"• <{links.To(reminder.MoreLink)}|… and {reminder.More} more>");
        }

        var text = $"*{Subject(reminder)}*\n{string.Join("\n", lines)}";
        return new OutgoingChat(ReminderRepository.Key(reminder.UserId, day, "chat"), reminder.UserId, reminder.ChatWebhookUrl, text);
    }

    private static string Label(string text) => text.Replace('<', '‹').Replace('>', '›').Replace('|', '/');
}
