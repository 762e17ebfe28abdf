using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IESCP.Jobs.Email;

/// <summary>
/// Sends mail over SMTP, or drops it as .eml files into the outbox folder when no SMTP host is
/// configured (System.Net.Mail's pickup directory), so a fresh checkout needs no mail server.
/// </summary>
public sealed class MailSender(IOptions<EmailOptions> options, IHostEnvironment environment)
{
    public string OutboxFolder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.OutboxFolder));

    public async Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default)
    {
        using var message = new MailMessage(options.Value.From, to, subject, htmlBody) { IsBodyHtml = true };
        await SendAsync(message, cancellationToken);
    }

    public async Task SendAsync(MailMessage message, CancellationToken cancellationToken = default)
    {
        using var client = CreateClient();
        await client.SendMailAsync(message, cancellationToken);
    }

    private SmtpClient CreateClient()
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.SmtpHost))
        {
            Directory.CreateDirectory(OutboxFolder);
            return new SmtpClient
            {
                DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory,
                PickupDirectoryLocation = OutboxFolder,
            };
        }

        var client = new SmtpClient(settings.SmtpHost, settings.SmtpPort) { EnableSsl = settings.SmtpEnableSsl };
        if (!string.IsNullOrEmpty(settings.SmtpUser))
        {
            client.Credentials = new NetworkCredential(settings.SmtpUser, settings.SmtpPassword);
        }

        return client;
    }
}
