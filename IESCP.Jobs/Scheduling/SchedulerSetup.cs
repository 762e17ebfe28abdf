using Quartz;

namespace IESCP.Jobs.Scheduling;

/// <summary>The in-process Quartz scheduler: its store, every job of the catalog and their triggers, and the run history.</summary>
internal static class SchedulerSetup
{
    public static void Configure(IQuartzBuilder quartz, JobsOptions jobs, TimeSpan outboxPollInterval, string connectionString)
    {
        if (jobs.Store == JobStore.Database)
        {
            quartz.UsePersistentStore(store =>
            {
                store.UseSqlite(connectionString);
                store.UseSystemTextJsonSerializer();
                // Quartz's own tables (QRTZ_*), created in the app's database on first start.
                store.ProvisionSchema();
            });
        }
        else
        {
            quartz.UseInMemoryStore();
        }

        // A trigger declared again at start keeps its firing history, so the persistent store
        // knows what was missed while the app was down (and fires it once, below).
        quartz.ConfigureOptions<QuartzOptions>(options => options.Scheduling.ScheduleTriggerRelativeToReplacedTrigger = true);
        quartz.AddJobListener<JobRunListener>([]);

        foreach (var job in JobCatalog.All)
        {
            quartz.AddJob(job.Type, j => j.WithIdentity(job.Key).WithDescription(job.Description).StoreDurably());
            if (job.CronOf(jobs) is { } cron)
            {
                quartz.AddTrigger(t => t.ForJob(job.Key).WithIdentity(job.ScheduleKey).WithDescription(cron)
                    .WithSchedule(CronScheduleBuilder.Create(cron).InTimeZone(TimeZoneInfo.Local)
                        .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
            }
        }

        quartz.AddTrigger(t => t.ForJob(Outbox.OutboxDispatchJob.Key).WithIdentity("outbox-dispatch-poll").StartNow()
            .WithSchedule(SimpleScheduleBuilder.Create().WithInterval(outboxPollInterval).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
    }
}
