using System.Net.Sockets;

namespace IESCP.Tests.Infrastructure;

/// <summary>aiosmtpd from Debian, storing every message it receives as a file in a Maildir.</summary>
public class SmtpServer : ExternalServer
{
    // Debian's own python3, which has the python3-aiosmtpd package (another python3 may come first on PATH).
    protected override string Program => "/usr/bin/python3";

    protected override IEnumerable<string> Arguments =>
        ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir];

    public string Maildir => Path.Combine(Folder, "maildir");

    public override Task InitializeAsync()
    {
        foreach (var sub in new[] { "tmp", "new", "cur" })
        {
            Directory.CreateDirectory(Path.Combine(Maildir, sub));
        }

        return base.InitializeAsync();
    }

    public IReadOnlyList<string> Messages() =>
        [.. Directory.GetFiles(Path.Combine(Maildir, "new")).Select(File.ReadAllText)];

    /// <summary>Ready once it greets with 220 and answers NOOP with 250.</summary>
    protected override async Task<bool> AnswersAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        if (!(await ReadLineAsync(stream, cancellationToken)).StartsWith("220", StringComparison.Ordinal))
        {
            return false;
        }

        await stream.WriteAsync("NOOP\r\n"u8.ToArray(), cancellationToken);
        var ready = (await ReadLineAsync(stream, cancellationToken)).StartsWith("250", StringComparison.Ordinal);
        await stream.WriteAsync("QUIT\r\n"u8.ToArray(), cancellationToken);
        return ready;
    }
}

/// <summary>
/// The same SMTP server with a handler that can hold senders: after <see cref="Allow"/> messages
/// it keeps every further sender waiting at MAIL FROM (before any of its message is sent) until
/// <see cref="Release"/>, so a test can stop a client at a known point of its sending.
/// </summary>
public sealed class HoldingSmtpServer : SmtpServer
{
    private const string Module = "holding_mailbox";

    // Mailbox from aiosmtpd, plus the hold. The control folder holds "allow" (how many messages
    // to take; no file: no limit), written by the test, and "held" (senders waiting), written here.
    private const string Handler = """
        import asyncio
        import os
        from aiosmtpd.handlers import Mailbox


        class HoldingMailbox(Mailbox):
            def __init__(self, maildir, control):
                super().__init__(maildir)
                self.control = control
                self.started = 0
                self.held = 0

            def limit(self):
                try:
                    with open(os.path.join(self.control, 'allow')) as f:
                        return int(f.read().strip())
                except FileNotFoundError:
                    return None

            def report(self, change):
                self.held += change
                path = os.path.join(self.control, 'held')
                with open(path + '.tmp', 'w') as f:
                    f.write(str(self.held))
                os.replace(path + '.tmp', path)

            async def handle_MAIL(self, server, session, envelope, address, mail_options):
                limit = self.limit()
                if limit is not None and self.started >= limit:
                    self.report(1)
                    try:
                        while (limit := self.limit()) is not None and self.started >= limit:
                            await asyncio.sleep(0.02)
                    finally:
                        self.report(-1)
                self.started += 1
                envelope.mail_from = address
                envelope.mail_options.extend(mail_options)
                return '250 OK'

            @classmethod
            def from_cli(cls, parser, *args):
                return cls(args[0], args[1])
        """;

    protected override IEnumerable<string> Arguments =>
        ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", $"{Module}.HoldingMailbox", Maildir, Folder];

    public override Task InitializeAsync()
    {
        // `python3 -m` looks for modules in its working folder, the server's folder.
        File.WriteAllText(Path.Combine(Folder, Module + ".py"), Handler);
        return base.InitializeAsync();
    }

    /// <summary>Takes <paramref name="messages"/> messages in all (counted from its start), then holds every further sender.</summary>
    public void Allow(int messages) => File.WriteAllText(Path.Combine(Folder, "allow"), messages.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Lets every held sender go on, and holds nobody from now on.</summary>
    public void Release() => File.Delete(Path.Combine(Folder, "allow"));

    /// <summary>How many senders wait at MAIL FROM now.</summary>
    public int Held => File.Exists(Path.Combine(Folder, "held")) && int.TryParse(File.ReadAllText(Path.Combine(Folder, "held")), out var held) ? held : 0;
}
