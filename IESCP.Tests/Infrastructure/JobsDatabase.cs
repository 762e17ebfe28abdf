using IESCP.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace IESCP.Tests.Infrastructure;

/// <summary>
/// The data layer and the jobs' services (renderer, outbox dispatcher, reminders, reports,
/// exports) on a test database and clock, sending to the real servers a test names. The
/// scheduler is registered but never started: tests call the jobs' services directly.
/// </summary>
public class JobsDatabase(IDictionary<string, string?>? settings = null) : TestDatabase
{
    public const string PublicBaseUrl = "https://iescp.example/";

    public string ExportFolder => Path.Combine(Folder, "exports");

    /// <summary>Jobs whose email goes to a real SMTP server.</summary>
    public static JobsDatabase SendingTo(SmtpServer smtp, Dictionary<string, string?>? more = null) => new(new Dictionary<string, string?>
    {
        ["Email:SmtpHost"] = "127.0.0.1",
        ["Email:SmtpPort"] = smtp.Port.ToString(),
    }.Concat(more ?? []).ToDictionary());

    protected override void ConfigureHost(HostApplicationBuilder builder)
    {
        var all = new Dictionary<string, string?>
        {
            ["App:PublicBaseUrl"] = PublicBaseUrl,
            ["Email:OutboxFolder"] = Path.Combine(Folder, "outbox"),
            ["Exports:Folder"] = ExportFolder,
            ["Chat:AllowLoopbackWebhooks"] = "true",
            // Quick retries wait real time (the receiver is real); keep them short.
            ["Outbox:QuickRetryDelay"] = "00:00:00.010",
            ["Outbox:SendTimeout"] = "00:00:01",
            ["Reports:PdfSharpLicense"] = "AGPL",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(all);
        builder.AddIescpJobs();
    }
}
