using IESCP.Data.Identity;
using IESCP.Jobs.Email;
using Microsoft.AspNetCore.Identity;

namespace IESCP.Web.Components.Account;

/// <summary>Identity's emails, queued in the outbox: the page never waits for (or fails with) the mail server.</summary>
internal sealed class IdentityEmailSender(AccountEmails emails) : IEmailSender<ApplicationUser>
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        emails.QueueConfirmationAsync(user.Id, user.DisplayName, email, confirmationLink);

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        emails.QueuePasswordResetAsync(user.Id, user.DisplayName, email, resetLink);

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        emails.QueuePasswordResetCodeAsync(user.Id, user.DisplayName, email, resetCode);
}
