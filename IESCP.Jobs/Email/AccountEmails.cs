using IESCP.Data.Outbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IESCP.Jobs.Email;

/// <summary>
/// Account emails (a password reset, an address to confirm, a sign-up with an email that already
/// has an account) go through the outbox like every other message: the page that asks for one
/// answers the same whether or not the mail server is up, and the message leaves once it is.
/// Links point at the configured public address only. Anyone can make the public forms send
/// these, so each account gets a few an hour at most (<see cref="EmailOptions.AccountEmailsPerHour"/>);
/// beyond that they are dropped, and the forms answer as usual.
/// </summary>
public sealed class AccountEmails(EmailRenderer renderer, OutboxRepository outbox, IOptions<EmailOptions> options, ILogger<AccountEmails> logger)
{
    /// <summary>Every account email's key starts with this: the family counted by the hourly limit.</summary>
    public const string KeyFamily = "account:";

    private const string NotYou = "If you did not ask for this, ignore this email: nothing changes.";

    public sealed record Message(string Name, string Intro, string Action, string? Path, string? Code, string Outro,
        string? OtherAction = null, string? OtherPath = null);

    /// <summary>Queues a reset link. Whatever host <paramref name="resetLink"/> names, the email links to the same page at the public address.</summary>
    public Task QueuePasswordResetAsync(string userId, string name, string email, string resetLink) =>
        QueueAsync("password-reset", userId, email, "Reset your IESCP password",
            new Message(name, "Someone (we hope you) asked to reset the password of your IESCP account.", "Choose a new password", PathOf(resetLink), null, NotYou));

    public Task QueuePasswordResetCodeAsync(string userId, string name, string email, string code) =>
        QueueAsync("password-reset", userId, email, "Reset your IESCP password",
            new Message(name, "Someone (we hope you) asked to reset the password of your IESCP account.", "", null, code, NotYou));

    public Task QueueConfirmationAsync(string userId, string name, string email, string confirmationLink) =>
        QueueAsync("confirm-email", userId, email, "Confirm your IESCP email",
            new Message(name, "Please confirm this email address to finish setting up your IESCP account. The link works for a day.",
                "Confirm my email", PathOf(confirmationLink), null,
                "If you did not sign up, ignore this email: the account stays unconfirmed and nobody can sign in to it."));

    /// <summary>
    /// Someone signed up with an email that already has an account: its owner hears of it (the
    /// sign-up page said only "check your email"), with the way in if it was them.
    /// </summary>
    public Task QueueSignUpAttemptAsync(string userId, string name, string email) =>
        QueueAsync("sign-up-attempt", userId, email, "Your IESCP account",
            new Message(name, "Someone (perhaps you) tried to create an IESCP account with this email address, which already has one. "
                    + "No new account was made. If it was you, sign in instead; if you forgot your password, choose a new one.",
                "Sign in", "Account/Login", null, "If it was not you, ignore this email: your account is unchanged.",
                "Forgot your password?", "Account/ForgotPassword"));

    /// <summary>Only the path and query of a link are kept: the host comes from the configuration.</summary>
    private static string PathOf(string link) => Uri.TryCreate(link, UriKind.Absolute, out var uri) ? uri.PathAndQuery : link;

    private async Task QueueAsync(string kind, string userId, string email, string subject, Message message)
    {
        var limit = new SendingLimit(KeyFamily, options.Value.AccountEmailsPerHour, TimeSpan.FromHours(1));
        var rendered = await renderer.EmailAsync<AccountEmail>($"{KeyFamily}{kind}:{userId}:{Guid.NewGuid():N}", userId, email, subject, message);
        if (!await outbox.EnqueueAsync(rendered, limit))
        {
            logger.LogWarning("Not sending a {Kind} email to user {UserId}: {Count} account emails within the hour already", kind, userId, limit.Count);
        }
    }
}
