using System.Net;
using IESCP.Data.Identity;
using IESCP.Jobs.Email;
using Microsoft.AspNetCore.Identity;

namespace IESCP.Web.Components.Account;

internal sealed class IdentityEmailSender(MailSender mail) : IEmailSender<ApplicationUser>
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        mail.SendAsync(email, "Confirm your IESCP email",
            $"<p>Hello {WebUtility.HtmlEncode(user.DisplayName)},</p><p>Please confirm your account by <a href='{confirmationLink}'>clicking here</a>.</p>");

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        mail.SendAsync(email, "Reset your IESCP password",
            $"<p>Hello {WebUtility.HtmlEncode(user.DisplayName)},</p><p>Reset your password by <a href='{resetLink}'>clicking here</a>. If you did not ask for this, ignore this email.</p>");

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        mail.SendAsync(email, "Reset your IESCP password",
            $"<p>Reset your password with this code: {WebUtility.HtmlEncode(resetCode)}</p>");
}
