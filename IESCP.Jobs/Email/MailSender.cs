using System.Collections.Concurrent;
using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Security.Cryptography;
using System.Text;
using IESCP.Data.Outbox;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IESCP.Jobs.Email;

/// <summary>
/// Sends mail over SMTP, or drops it as .eml files into the outbox folder when no SMTP host is
/// configured (System.Net.Mail's pickup directory), so a fresh checkout needs no mail server.
/// Only the outbox dispatcher calls it: everything else queues its mail in the outbox.
/// </summary>
public sealed class MailSender(IOptions<EmailOptions> options, IHostEnvironment environment) : IDisposable
{
    // Idle clients, each used by one send at a time: a client keeps its SMTP connection open for
    // the next message, which saves a connection and greeting per message on a large run.
    private readonly ConcurrentBag<SmtpClient> idle = [];

    public string OutboxFolder => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.OutboxFolder));

    /// <summary>Whether mail goes to an SMTP server (rather than to files).</summary>
    public bool UsesSmtp => !string.IsNullOrWhiteSpace(options.Value.SmtpHost);

    /// <summary>Sends a queued email with its text and HTML parts and its attachment.</summary>
    public async Task SendAsync(OutboxDelivery email, CancellationToken cancellationToken = default)
    {
        using var message = new MailMessage(options.Value.From, email.Recipient) { Subject = email.Subject, SubjectEncoding = Encoding.UTF8 };
        // The outbox key travels as the Message-ID: a message sent again after a crash (between
        // the server's acceptance and our record of it) is recognisably the same message.
        message.Headers.Add("Message-ID", MessageId(email.Key, message.From!.Host));
        message.AlternateViews.Add(View(email.Text, MediaTypeNames.Text.Plain));
        if (email.Html is not null)
        {
            message.AlternateViews.Add(View(email.Html, MediaTypeNames.Text.Html));
        }

        if (email.Attachment is { } content)
        {
            message.Attachments.Add(new Attachment(new MemoryStream(content), email.AttachmentName ?? "attachment",
                Path.GetExtension(email.AttachmentName) == ".pdf" ? MediaTypeNames.Application.Pdf : MediaTypeNames.Application.Octet));
        }

        var client = idle.TryTake(out var reused) ? reused : CreateClient();
        try
        {
            await client.SendMailAsync(message, cancellationToken);
            // The connection exists once a message went (the first on it paid the delay once).
            SmtpNoDelay.Apply(client);
        }
        catch
        {
            // A client whose send failed may hold a broken connection: never reuse it.
            client.Dispose();
            throw;
        }

        idle.Add(client);
    }

    /// <summary>The clients waiting for the next message, each with the connection it keeps open.</summary>
    internal IEnumerable<SmtpClient> IdleClients => idle;

    public void Dispose()
    {
        while (idle.TryTake(out var client))
        {
            client.Dispose();
        }
    }

    public static string MessageId(string key, string domain) =>
        $"<{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32]}@{domain}>";

    private static AlternateView View(string content, string mediaType)
    {
        var view = AlternateView.CreateAlternateViewFromString(content, Encoding.UTF8, mediaType);
        // Readable as it travels (and in the .eml files), unlike base64.
        view.TransferEncoding = TransferEncoding.QuotedPrintable;
        return view;
    }

    private SmtpClient CreateClient()
    {
        var settings = options.Value;
        if (!UsesSmtp)
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
