using IESCP.Data.Outbox;
using IESCP.Jobs.Email;
using IESCP.Tests.Infrastructure;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IESCP.Tests.Email;

[Trait("Category", "Integration")]
public sealed class MailSenderTests(SmtpServer smtp) : IClassFixture<SmtpServer>
{
    [Fact]
    public async Task Without_an_smtp_host_a_message_is_written_to_the_outbox_as_an_eml_file()
    {
        var folder = TempFolder.Create("iescp-outbox-");
        var sender = Sender(new EmailOptions { OutboxFolder = "outbox" }, folder);

        await sender.SendAsync(Message("nova@iescp.test", "Welcome", "<p>Hello <b>Nova</b></p>"));

        var file = Assert.Single(Directory.GetFiles(Path.Combine(folder, "outbox"), "*.eml"));
        var text = await File.ReadAllTextAsync(file);
        Assert.Contains("To: nova@iescp.test", text);
        Assert.Contains("Subject: Welcome", text);
        TempFolder.Delete(folder);
    }

    [Fact]
    public async Task With_an_smtp_host_the_message_reaches_the_real_server_with_both_parts_its_key_as_message_id_and_its_attachment()
    {
        var sender = Sender(new EmailOptions { SmtpHost = "127.0.0.1", SmtpPort = smtp.Port }, smtp.Folder);
        var message = Message("brand@iescp.test", "Your report", "<h1>Report</h1>") with
        {
            AttachmentName = "report.pdf",
            Attachment = "%PDF-1.7 test"u8.ToArray(),
        };

        await sender.SendAsync(message);

        var received = Assert.Single(smtp.Messages(), m => m.Contains("Subject: Your report"));
        Assert.Contains("brand@iescp.test", received);
        Assert.Contains("Content-Type: text/plain", received);
        Assert.Contains("Content-Type: text/html", received);
        Assert.Contains($"Message-ID: {MailSender.MessageId(message.Key, "iescp.local")}", received, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("application/pdf", received);
        Assert.Contains("report.pdf", received);
    }

    [Fact]
    public async Task The_connection_kept_for_the_next_message_is_reused_and_sends_without_waiting_for_acknowledgements()
    {
        using var sender = Sender(new EmailOptions { SmtpHost = "127.0.0.1", SmtpPort = smtp.Port }, smtp.Folder);
        var subject = $"Pooled {Guid.NewGuid():N}";

        await sender.SendAsync(Message("first@iescp.test", subject, "<p>One</p>"));
        var socket = SmtpNoDelay.Socket(Assert.Single(sender.IdleClients));
        await sender.SendAsync(Message("second@iescp.test", subject, "<p>Two</p>"));

        // Nagle's algorithm off: the end of a message does not wait for the server's delayed acknowledgement.
        Assert.NotNull(socket);
        Assert.True(socket.Connected);
        Assert.True(socket.NoDelay);
        Assert.Same(socket, SmtpNoDelay.Socket(Assert.Single(sender.IdleClients)));
        Assert.Equal(2, smtp.Messages().Count(m => m.Contains(subject)));
    }

    private static OutboxDelivery Message(string to, string subject, string html) =>
        new(1, $"test:{Guid.NewGuid():N}", OutboxChannel.Email, to, subject, HtmlText.From(html), html, null, null, 0);

    private static MailSender Sender(EmailOptions options, string contentRoot) =>
        new(Options.Create(options), new Environment(contentRoot));

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "IESCP";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
