using IESCP.Data.Identity;
using IESCP.Data.JobRuns;
using IESCP.Jobs.Scheduling;
using IESCP.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace IESCP.Tests.Scheduling;

/// <summary>
/// The Quartz wiring in the real app: every job with the cron schedule its settings give, "Run
/// now", the database as persistent store, and runs a stop cut short started again at start.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SchedulerWiringTests
{
    [Fact]
    public async Task Each_job_has_its_configured_cron_trigger_in_the_server_time_zone_and_run_now_runs_it()
    {
        await WithAppAsync(new ScheduledApp(), async app =>
        {
            var admin = await app.Users.AdminAsync();
            var dashboard = app.Get<JobsDashboard>();

            var jobs = (await dashboard.ListAsync(admin)).ToDictionary(j => j.Name);

            Assert.Equal($"cron 0 0 18 * * ? ({TimeZoneInfo.Local.Id})", jobs["daily-reminders"].Schedule);
            Assert.Equal($"cron 0 0 6 1 * ? ({TimeZoneInfo.Local.Id})", jobs["monthly-reports"].Schedule);
            Assert.Equal($"cron 0 30 2 * * ? ({TimeZoneInfo.Local.Id})", jobs["offer-expiry"].Schedule);
            Assert.Equal($"cron 0 5 * * * ? ({TimeZoneInfo.Local.Id})", jobs["cleanup"].Schedule);
            Assert.Equal(18, jobs["daily-reminders"].NextRun!.Value.ToLocalTime().Hour);
            Assert.Equal(1, jobs["monthly-reports"].NextRun!.Value.ToLocalTime().Day);
            Assert.NotNull(jobs["outbox-dispatch"].NextRun);
            Assert.False(jobs["csv-export"].CanRunNow);

            Assert.True((await dashboard.RunNowAsync(admin, "cleanup")).Succeeded);
            var run = await WaitForRunAsync(app, admin, "cleanup", JobTriggers.Manual);
            Assert.Equal(JobOutcome.Succeeded, run.Outcome);
            Assert.Contains("exports", run.Summary);
            Assert.False((await dashboard.RunNowAsync(admin, "csv-export")).Succeeded);
        });
    }

    [Fact]
    public async Task A_schedule_set_off_has_no_trigger_but_can_still_run_by_hand()
    {
        await WithAppAsync(new IescpApp(), async app =>
        {
            var admin = await app.Users.AdminAsync();

            var reminders = (await app.Get<JobsDashboard>().ListAsync(admin)).Single(j => j.Name == "daily-reminders");

            Assert.Equal("not scheduled (run it by hand)", reminders.Schedule);
            Assert.Null(reminders.NextRun);
            Assert.True(reminders.CanRunNow);
        });
    }

    [Fact]
    public async Task With_the_database_as_store_the_schedules_live_in_the_apps_database_and_jobs_run()
    {
        await WithAppAsync(new ScheduledApp(new() { ["Jobs:Store"] = "Database" }), async app =>
        {
            var admin = await app.Users.AdminAsync();

            await using (var connection = new SqliteConnection($"Data Source={app.DatabaseFile}"))
            {
                await connection.OpenAsync();
                await using var query = connection.CreateCommand();
                query.CommandText = "SELECT CRON_EXPRESSION FROM QRTZ_CRON_TRIGGERS WHERE TRIGGER_NAME = 'daily-reminders-schedule'";
                Assert.Equal("0 0 18 * * ?", await query.ExecuteScalarAsync());
            }

            Assert.True((await app.Get<JobsDashboard>().RunNowAsync(admin, "offer-expiry")).Succeeded);
            Assert.Equal(JobOutcome.Succeeded, (await WaitForRunAsync(app, admin, "offer-expiry", JobTriggers.Manual)).Outcome);
        });
    }

    [Fact]
    public async Task A_run_a_stop_cut_short_is_marked_interrupted_and_run_again_at_start()
    {
        await WithAppAsync(new InterruptedApp(), async app =>
        {
            var admin = await app.Users.AdminAsync();

            var resumed = await WaitForRunAsync(app, admin, "cleanup", JobTriggers.Resumed);

            Assert.Equal(JobOutcome.Succeeded, resumed.Outcome);
            var runs = await app.Get<JobRunRepository>().ListLatestAsync(admin);
            Assert.Contains(runs, r => r.Job == "cleanup" && r.Outcome == JobOutcome.Interrupted);
        });
    }

    private static async Task WithAppAsync(IescpApp app, Func<IescpApp, Task> test)
    {
        await app.InitializeAsync();
        try
        {
            await test(app);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    private static Task<JobRunView> WaitForRunAsync(IescpApp app, Actor admin, string job, string trigger) => Eventually.ValueAsync(
        async () => (await app.Get<JobRunRepository>().ListLatestAsync(admin)).FirstOrDefault(r => r.Job == job && r.Trigger == trigger && r.Outcome != JobOutcome.Running),
        $"a finished {trigger} run of {job}");

    /// <summary>The app with its schedules as configured by default (the suite's apps turn them off).</summary>
    private sealed class ScheduledApp(Dictionary<string, string?>? more = null) : IescpApp(new Dictionary<string, string?>
    {
        ["Jobs:DailyReminders"] = "0 0 18 * * ?",
        ["Jobs:MonthlyReports"] = "0 0 6 1 * ?",
        ["Jobs:OfferExpiry"] = "0 30 2 * * ?",
        ["Jobs:Cleanup"] = "0 5 * * * ?",
    }.Concat(more ?? []).ToDictionary());

    /// <summary>Starts on a database whose last cleanup run was cut short by a stop.</summary>
    private sealed class InterruptedApp : IescpApp
    {
        protected override async Task BeforeStartAsync()
        {
            await using var connection = new SqliteConnection($"Data Source={DatabaseFile};Pooling=False");
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO "JobRuns" ("Job", "Trigger", "StartedAt", "DurationMs", "Outcome")
                VALUES ('cleanup', 'schedule', '2026-11-01 10:00:00', 0, 0)
                """;
            await insert.ExecuteNonQueryAsync();
        }
    }
}
