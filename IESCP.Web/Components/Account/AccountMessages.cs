using System.Text;
using IESCP.Data.Identity;
using IESCP.Jobs.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace IESCP.Web.Components.Account;

/// <summary>
/// The emails the account pages send, queued through the outbox. Links come from the configured
/// public address, never from a request's Host header: a visitor controls that, and a link to
/// their host would hand them the code. Each goes to the address the account has, whatever case
/// the visitor typed it in.
/// </summary>
internal sealed class AccountMessages(UserManager<ApplicationUser> users, AccountRegistration registration,
    IEmailSender<ApplicationUser> sender, AccountEmails emails, PublicLinks links)
{
    public async Task SendConfirmationAsync(ApplicationUser user)
    {
        var code = Encode(await registration.ConfirmationCodeAsync(user));
        var link = links.To($"Account/ConfirmEmail?userId={Uri.EscapeDataString(user.Id)}&code={Uri.EscapeDataString(code)}");
        await sender.SendConfirmationLinkAsync(user, user.Email!, link);
    }

    public async Task SendPasswordResetAsync(ApplicationUser user)
    {
        var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
        await sender.SendPasswordResetLinkAsync(user, user.Email!, links.To($"Account/ResetPassword?code={Uri.EscapeDataString(code)}"));
    }

    public Task SendSignUpAttemptAsync(ApplicationUser user) => emails.QueueSignUpAttemptAsync(user.Id, user.DisplayName, user.Email!);

    /// <summary>A code of an emailed link as it travels in the link (see <see cref="Decode"/>).</summary>
    private static string Encode(string code) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(code));

    /// <summary>The code a link carried, or "" when it was mangled.</summary>
    public static string Decode(string? code)
    {
        try
        {
            return code is null ? "" : Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return "";
        }
    }
}
