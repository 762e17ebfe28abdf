using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using IESCP.Data.Exports;
using IESCP.Data.JobRuns;
using IESCP.Data.Outbox;
using IESCP.Data.Seeding;
using IESCP.Jobs.Email;
using IESCP.Jobs.Exports;
using IESCP.Jobs.Scheduling;
using IESCP.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IESCP.Tests.Scheduling;

/// <summary>
/// The app run as a process of its own, killed with SIGKILL in the middle of a job and started
/// again on the same database: nothing is lost, nothing is sent twice, and a half-written export
/// is never offered for download. The database and the mail server are real, as in production.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class KilledMidJobTests(HoldingSmtpServer smtp) : IClassFixture<HoldingSmtpServer>, IAsyncLifetime
{
    private const string MailDomain = "iescp.local";

    private readonly TestDatabase db = new();
    private readonly int port = Ports.Free();

    public Task InitializeAsync() => db.InitializeAsync();

    public Task DisposeAsync() => db.DisposeAsync();

    [Fact]
    public async Task Reminders_killed_mid_dispatch_are_each_delivered_exactly_once_after_the_restart()
    {
        await SeedAsync(campaigns: 20);
        const int before = 5;
        var maildirBefore = smtp.Messages().Count;
        smtp.Allow(maildirBefore + before);

        // The daily reminders fire every second; the dispatcher sends what they queue.
        using (var app = await AppProcess.StartAsync(port, Settings(("Jobs:DailyReminders", "* * * * * ?"))))
        {
            await Eventually.TrueAsync(async () => smtp.Messages().Count - maildirBefore == before && smtp.Held > 0 && await CountAsync(OutboxStatus.Sent) == before,
                $"the first {before} reminders delivered and recorded as sent, the next ones held by the mail server", TimeSpan.FromSeconds(60));
            await app.KillAsync();
        }

        var queued = await KeysAsync();
        Assert.True(queued.Count >= before + 20, $"Only {queued.Count} reminders were queued.");
        Assert.Equal(before, await CountAsync(OutboxStatus.Sent));
        await using (var context = await db.ContextAsync())
        {
            Assert.True(await context.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending && m.LockedBy != null) > 0,
                "The killed dispatcher held messages it had not sent.");
        }

        smtp.Release();
        using (await AppProcess.StartAsync(port, Settings(("Jobs:DailyReminders", "off"))))
        {
            await Eventually.TrueAsync(async () => await CountAsync(OutboxStatus.Sent) == queued.Count,
                $"all {queued.Count} reminders sent after the restart", TimeSpan.FromSeconds(60));
        }

        var received = smtp.Messages().Skip(maildirBefore).Select(MessageIdOf).ToList();
        var expected = queued.Select(key => MailSender.MessageId(key, MailDomain)).ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), received.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_export_killed_mid_way_is_never_offered_half_written_and_is_made_again_in_full_after_the_restart()
    {
        // Enough rows for the export (one row per step) to be caught mid-way: it had written a
        // handful when first seen, so a couple of thousand leave a wide margin; more only slow the seeding.
        await SeedAsync(campaigns: 2_000);
        var admin = await db.AdminAsync();
        var exportId = (await db.Get<ExportRepository>().StartAsync(admin, ExportKind.AllCampaigns)).Value;
        var exports = Path.Combine(db.Folder, "exports");
        var files = new ExportFiles(exports);
        int campaigns;
        await using (var context = await db.ContextAsync())
        {
            campaigns = await context.Campaigns.CountAsync();
        }

        // One row per step: the export takes long enough to be caught mid-way. It starts with the
        // app (an export still queued at start is made then).
        using (var app = await AppProcess.StartAsync(port, Settings(("Exports:ChunkSize", "1"))))
        {
            using var session = await HttpSession.SignedInAsync(new Uri($"http://127.0.0.1:{port}/"), DatabaseTemplate.AdminEmail, DatabaseTemplate.AdminPassword, "/admin");
            await Eventually.TrueAsync(async () => (await ExportAsync(exportId)).RowsDone > 0, "the export under way", TimeSpan.FromSeconds(60));

            // Holding the database's write lock stops the export at its next step, mid-file.
            await using var writeLock = new SqliteConnection($"Data Source={db.DatabaseFile};Pooling=False");
            await writeLock.OpenAsync();
            await using (var begin = writeLock.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE";
                await begin.ExecuteNonQueryAsync();
            }

            var midway = await ExportAsync(exportId);
            Assert.Equal(ExportStatus.Running, midway.Status);
            Assert.InRange(midway.RowsDone, 1, campaigns - 1);
            Assert.True(File.Exists(files.PartialPathOf(exportId)), "The file is written under its partial name.");
            Assert.False(File.Exists(files.PathOf(exportId)));
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await session.GetAsync($"/exports/{exportId}/download")).StatusCode);

            await app.KillAsync();
        }

        var killed = await ExportAsync(exportId);
        Assert.Equal(ExportStatus.Running, killed.Status);
        Assert.True(killed.RowsDone < campaigns, $"The export was killed after {killed.RowsDone} of {campaigns} rows.");

        using (await AppProcess.StartAsync(port, Settings(("Exports:ChunkSize", "1000"))))
        {
            using var session = await HttpSession.SignedInAsync(new Uri($"http://127.0.0.1:{port}/"), DatabaseTemplate.AdminEmail, DatabaseTemplate.AdminPassword, "/admin");
            await Eventually.TrueAsync(async () => (await ExportAsync(exportId)).Status == ExportStatus.Done, "the export made again", TimeSpan.FromSeconds(60));

            using var download = await session.GetAsync($"/exports/{exportId}/download");
            Assert.Equal(System.Net.HttpStatusCode.OK, download.StatusCode);
            var downloaded = Path.Combine(db.Folder, "downloaded.csv");
            await File.WriteAllBytesAsync(downloaded, await download.Content.ReadAsByteArrayAsync());
            var ids = new List<int>();
            using (var csv = CsvReader.FromFile(downloaded))
            {
                while (csv.Read())
                {
                    Assert.Equal("Id", csv.Headers[0]);
                    ids.Add(int.Parse(csv.GetString(0)!, CultureInfo.InvariantCulture));
                }
            }

            Assert.Equal(campaigns, ids.Count);
            Assert.Equal(campaigns, ids.Distinct().Count());
            // The run is recorded after the export it made is marked done: wait for it while the app still runs.
            await Eventually.TrueAsync(async () =>
            {
                await using var context = await db.ContextAsync();
                return await context.JobRuns.AnyAsync(r => r.Job == ExportJob.Key.Name && r.Trigger == JobTriggers.Resumed && r.Outcome == JobOutcome.Succeeded);
            }, "the resumed export's run recorded as succeeded");
        }

        Assert.Equal((ExportStatus.Done, campaigns), ((await ExportAsync(exportId)).Status, (await ExportAsync(exportId)).RowsDone));
        Assert.False(File.Exists(files.PartialPathOf(exportId)), "No partial file is left behind.");
    }

    /// <summary>Generated users, campaigns and requests: every generated user is due a reminder (the data is weeks old).</summary>
    private async Task SeedAsync(int campaigns)
    {
        using var scope = db.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DataGenerator>()
            .GenerateAsync(new GeneratorOptions(Influencers: 40, Sponsors: 8, Campaigns: campaigns, Requests: 60), _ => { });
    }

    private Dictionary<string, string?> Settings(params (string Key, string Value)[] more)
    {
        var settings = DatabaseTemplate.Settings(db.DatabaseFile);
        settings["Email:SmtpHost"] = "127.0.0.1";
        settings["Email:SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        settings["Email:From"] = $"IESCP <no-reply@{MailDomain}>";
        settings["Email:OutboxFolder"] = Path.Combine(db.Folder, "outbox");
        settings["Exports:Folder"] = Path.Combine(db.Folder, "exports");
        settings["App:PublicBaseUrl"] = $"http://127.0.0.1:{port}/";
        settings["RateLimits:AccountFormsPerMinute"] = "100000";
        // A dead dispatcher's hold on its messages ends soon, and the next run looks every second.
        settings["Outbox:Lease"] = "00:00:03";
        settings["Outbox:PollInterval"] = "00:00:01";
        foreach (var job in new[] { "DailyReminders", "MonthlyReports", "OfferExpiry", "Cleanup" })
        {
            settings[$"Jobs:{job}"] = "off";
        }

        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    private async Task<int> CountAsync(OutboxStatus status)
    {
        await using var context = await db.ContextAsync();
        return await context.OutboxMessages.CountAsync(m => m.Status == status);
    }

    private async Task<List<string>> KeysAsync()
    {
        await using var context = await db.ContextAsync();
        return await context.OutboxMessages.Where(m => m.Channel == OutboxChannel.Email).Select(m => m.Key).ToListAsync();
    }

    private async Task<Export> ExportAsync(Guid id)
    {
        await using var context = await db.ContextAsync();
        return await context.Exports.AsNoTracking().SingleAsync(e => e.Id == id);
    }

    private static string MessageIdOf(string message) =>
        MessageIdHeader().Match(message) is { Success: true } header ? header.Groups[1].Value.Trim() : throw new Xunit.Sdk.XunitException("A message without a Message-ID.");

    [GeneratedRegex(@"^Message-ID:\s*(\S+)\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex MessageIdHeader();
}
