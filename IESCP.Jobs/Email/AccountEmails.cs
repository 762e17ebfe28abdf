using IESCP.Data.Outbox;

namespace IESCP.Jobs.Email;

/// <summary>
/// Account emails (a password reset, an address to confirm) go through the outbox like every
/// other message: the page that asks for one answers the same whether or not the mail server is
/// up, and the message leaves once it is. Links point at the configured public address only.
/// </summary>
public sealed class AccountEmails(EmailRenderer renderer, OutboxRepository outbox)
{
    private const string NotYou = "If you did not ask for this, ignore this email: nothing changes.";

    public sealed record Message(string Name, string Intro, string Action, string? Path, string? Code, string Outro);

    /// <summary>Queues a reset link. Whatever host <paramref name="resetLink"/> names, the email links to the same page at the public address.</summary>
    public Task QueuePasswordResetAsync(string userId, string name, string email, string resetLink) =>
        QueueAsync("password-reset", userId, email, "Reset your IESCP password",
            new Message(name, "Someone (we hope you) asked to reset the password of your IESCP account.", "Choose a new password", PathOf(resetLink), null, NotYou));

    public Task QueuePasswordResetCodeAsync(string userId, string name, string email, string code) =>
        QueueAsync("password-reset", userId, email, "Reset your IESCP password",
            new Message(name, "Someone (we hope you) asked to reset the password of your IESCP account.", "", null, code, NotYou));

    public Task QueueConfirmationAsync(string userId, string name, string email, string confirmationLink) =>
        QueueAsync("confirm-email", userId, email, "Confirm your IESCP email",
            new Message(name, "Please confirm this email address for your IESCP account.", "Confirm my email", PathOf(confirmationLink), null, NotYou));

    /// <summary>Only the path and query of a link are kept: the host comes from the configuration.</summary>
    private static string PathOf(string link) => Uri.TryCreate(link, UriKind.Absolute, out var uri) ? uri.PathAndQuery : link;

    private async Task QueueAsync(string kind, string userId, string email, string subject, Message message) =>
        await outbox.EnqueueAsync(await renderer.EmailAsync<AccountEmail>($"{kind}:{userId}:{Guid.NewGuid():N}", userId, email, subject, message));
}
