using System.Diagnostics;
using System.Globalization;
using IESCP.Data;
using IESCP.Data.Database;
using IESCP.Data.Exports;
using IESCP.Data.Identity;
using IESCP.Data.Reports;
using IESCP.Data.Sponsors;
using IESCP.Jobs;
using IESCP.Jobs.Exports;
using IESCP.Jobs.Outbox;
using IESCP.Jobs.Reminders;
using IESCP.Jobs.Reports;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Web.Commands;

/// <summary>
/// <c>bench-jobs [--small-export 2000]</c>: times the background jobs on a copy of the configured
/// (seeded) database, so the seed file itself is never changed: the daily reminders queued and
/// delivered into a real SMTP server (aiosmtpd, started here unless Email:SmtpHost is set), the
/// CSV export of a sponsor's 2,000 campaigns and of all campaigns, and the monthly reports with
/// PDF of every approved sponsor. Prints time, throughput and peak memory of each.
/// </summary>
internal static class BenchJobsCommand
{
    public static int ParseSmallExport(IReadOnlyList<string> args) =>
        CommandOptions.Parse(args, ["small-export"]).Int("small-export", 2000, min: 1);

    public static async Task<int> RunAsync(string[] args, int smallExport)
    {
        var probe = WebApplication.CreateBuilder(args);
        probe.AddRepositoryDevelopmentSettings();
        var source = new SqliteConnectionStringBuilder(probe.Configuration.GetConnectionString("Iescp") ?? IESCP.Data.DependencyInjection.DefaultConnectionString).DataSource;
        var work = Directory.CreateTempSubdirectory("iescp-bench-jobs-").FullName;
        await using var smtp = probe.Configuration["Email:SmtpHost"] is { Length: > 0 } ? null : await BenchSmtpServer.StartAsync(work);
        try
        {
            var copy = Path.Combine(work, "iescp.db");
            Console.WriteLine($"Copying {source} to {copy} (the seed file is never changed)…");
            CopyDatabase(Path.GetFullPath(source, probe.Environment.ContentRootPath), copy);
            string[] overrides =
            [
                $"--ConnectionStrings:Iescp=Data Source={copy}",
                $"--Exports:Folder={Path.Combine(work, "exports")}",
                .. smtp is null ? Array.Empty<string>() : [$"--Email:SmtpHost=127.0.0.1", $"--Email:SmtpPort={smtp.Port}"],
            ];
            var builder = WebApplication.CreateBuilder([.. args.Where(a => !a.StartsWith("--ConnectionStrings:Iescp", StringComparison.Ordinal)), .. overrides]);
            builder.AddRepositoryDevelopmentSettings();
            builder.AddIescpData();
            builder.AddIescpJobs();
            builder.AddIescpWeb();
            await using var app = builder.Build();
            await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
            var bench = new JobBench();
            await RemindersAsync(app.Services, bench, smtp);
            await ExportsAsync(app.Services, bench, smallExport);
            await ReportsAsync(app.Services, bench, smtp);
            bench.Print(Console.Out);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task RemindersAsync(IServiceProvider services, JobBench bench, BenchSmtpServer? smtp)
    {
        var queued = await bench.MeasureAsync("reminders: find, render, queue", async () =>
            (await services.GetRequiredService<DailyReminders>().RunAsync(CancellationToken.None)).Reminded);
        await bench.MeasureAsync($"reminders: deliver over SMTP{(smtp is null ? "" : " (aiosmtpd)")}", () => DeliverAllAsync(services), ServerLoad(smtp));
        Console.WriteLine($"  ({queued:N0} reminders)");
    }

    private static async Task ExportsAsync(IServiceProvider services, JobBench bench, int small)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<IescpDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync())
        {
            // One sponsor owns the first N campaigns of the copy: its "export my campaigns" is the N-row case.
            var sponsorId = await db.Sponsors.Where(s => s.Status == ApprovalStatus.Approved && !s.User!.IsFlagged).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
            var ids = await db.Campaigns.Where(c => c.DeletedAt == null).OrderBy(c => c.Id).Select(c => c.Id).Take(small).ToListAsync();
            await db.Campaigns.Where(c => ids.Contains(c.Id)).UpdateAsync(db, set => set.SetProperty(c => c.SponsorId, sponsorId));
        }

        var sponsor = await ActorAsync(contexts, Roles.Sponsor, db => db.Sponsors.Where(s => s.Status == ApprovalStatus.Approved && !s.User!.IsFlagged).OrderBy(s => s.Id).Select(s => s.UserId));
        var admin = await ActorAsync(contexts, Roles.Admin, db => db.UserRoles.Join(db.Roles.Where(r => r.Name == Roles.Admin), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId));
        await bench.MeasureAsync($"CSV export: one sponsor's {small:N0} campaigns", () => ExportAsync(services, sponsor, ExportKind.MyCampaigns));
        await bench.MeasureAsync("CSV export: all campaigns (admin)", () => ExportAsync(services, admin, ExportKind.AllCampaigns));
    }

    private static async Task ReportsAsync(IServiceProvider services, JobBench bench, BenchSmtpServer? smtp)
    {
        var month = ReportMonth.Before(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        await bench.MeasureAsync($"monthly reports + PDF, approved sponsors ({month.Name})", async () =>
            (await services.GetRequiredService<MonthlyReports>().RunAsync(month, CancellationToken.None, ReportAudience.Sponsor)).Sponsors);
        await bench.MeasureAsync("monthly reports: deliver over SMTP", () => DeliverAllAsync(services), ServerLoad(smtp));
    }

    /// <summary>
    /// What the SMTP server holds once a step ends, and how busy its process was meanwhile: a
    /// server at a full core is the limit of the step, whatever the sender does.
    /// </summary>
    private static Func<TimeSpan, string>? ServerLoad(BenchSmtpServer? smtp)
    {
        if (smtp is null)
        {
            return null;
        }

        var before = smtp.ProcessorTime();
        return elapsed => string.Create(CultureInfo.InvariantCulture,
            $"{smtp.Delivered():N0} messages in the server's Maildir; the server process used {(smtp.ProcessorTime() - before) / elapsed:P0} of a core");
    }

    private static async Task<int> ExportAsync(IServiceProvider services, Actor actor, ExportKind kind)
    {
        var started = await services.GetRequiredService<ExportRepository>().StartAsync(actor, kind);
        return started.Succeeded
            ? (await services.GetRequiredService<ExportRunner>().RunAsync(started.Value, CancellationToken.None))!.Rows
            : throw new InvalidOperationException(started.Message);
    }

    private static async Task<int> DeliverAllAsync(IServiceProvider services)
    {
        var result = await services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);
        return result.Retrying + result.Failed == 0 ? result.Sent : throw new InvalidOperationException($"Delivery incomplete: {result}");
    }

    private static async Task<Actor> ActorAsync(IDbContextFactory<IescpDbContext> contexts, string role, Func<IescpDbContext, IQueryable<string>> userIds)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return new Actor(await userIds(db).FirstAsync(), role);
    }

    /// <summary>A consistent copy even while another process has the file open (SQLite's online backup).</summary>
    private static void CopyDatabase(string source, string destination)
    {
        using var from = new SqliteConnection($"Data Source={source};Mode=ReadOnly;Pooling=False");
        using var to = new SqliteConnection($"Data Source={destination};Pooling=False");
        from.Open();
        to.Open();
        from.BackupDatabase(to);
    }
}

/// <summary>Sequential measurements of the jobs: wall time, throughput, and the process's peak memory during each.</summary>
internal sealed class JobBench
{
    private readonly List<(string Name, int Items, TimeSpan Elapsed, long PeakWorkingSet, long PeakManaged, string Detail)> rows = [];

    /// <summary>Runs <paramref name="work"/> (returning how many items it did); <paramref name="detail"/> describes the step once done, given its time.</summary>
    public async Task<int> MeasureAsync(string name, Func<Task<int>> work, Func<TimeSpan, string>? detail = null)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var sampler = new MemorySampler();
        var started = Stopwatch.GetTimestamp();
        var items = await work();
        var elapsed = Stopwatch.GetElapsedTime(started);
        var (workingSet, managed) = sampler.Stop();
        rows.Add((name, items, elapsed, workingSet, managed, detail?.Invoke(elapsed) ?? ""));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: {items:N0} in {elapsed.TotalSeconds:0.00} s"));
        return items;
    }

    public void Print(TextWriter output)
    {
        var width = rows.Max(r => r.Name.Length);
        output.WriteLine();
        output.WriteLine($"{"what".PadRight(width)} | {"items",8} | {"time s",8} | {"items/s",9} | {"peak WS MB",10} | {"peak heap after GC MB",22} | note");
        output.WriteLine($"{new string('-', width)}-|----------|----------|-----------|------------|------------------------|-----");
        foreach (var (name, items, elapsed, workingSet, managed, detail) in rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name.PadRight(width)} | {items,8:N0} | {elapsed.TotalSeconds,8:0.00} | {items / Math.Max(elapsed.TotalSeconds, 0.001),9:N0} | {workingSet / 1048576.0,10:0} | {managed / 1048576.0,22:0} | {detail}"));
        }
    }

    /// <summary>
    /// Samples the process's working set and its managed heap as the last collection left it (what
    /// was still held, not garbage waiting for the next one) every 20 ms until stopped.
    /// </summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly Task<(long, long)> sampling;

        public MemorySampler() => sampling = Task.Run(async () =>
        {
            using var process = Process.GetCurrentProcess();
            var (workingSet, managed) = (0L, 0L);
            while (true)
            {
                process.Refresh();
                (workingSet, managed) = (Math.Max(workingSet, process.WorkingSet64), Math.Max(managed, GC.GetGCMemoryInfo().HeapSizeBytes));
                if (stop.IsCancellationRequested)
                {
                    return (workingSet, managed);
                }

                await Task.Delay(20, CancellationToken.None);
            }
        });

        public (long WorkingSet, long Managed) Stop()
        {
            stop.Cancel();
            return sampling.GetAwaiter().GetResult();
        }

        public void Dispose() => stop.Dispose();
    }
}
