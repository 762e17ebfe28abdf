using IESCP.Jobs.AdRequests;
using IESCP.Jobs.Exports;
using IESCP.Jobs.Housekeeping;
using IESCP.Jobs.Outbox;
using IESCP.Jobs.Reminders;
using IESCP.Jobs.Reports;
using Quartz;

namespace IESCP.Jobs.Scheduling;

/// <summary>One background job: its key and type, how the admin's page names it, and its cron schedule (null: not on a cron).</summary>
public sealed record JobDefinition(JobKey Key, Type Type, string Title, string Description, Func<JobsOptions, string?> Cron, bool CanRunNow = true)
{
    public TriggerKey ScheduleKey => new(Key.Name + "-schedule");

    /// <summary>The cron expression in force, or null when the job is not scheduled.</summary>
    public string? CronOf(JobsOptions options) => Cron(options) is { } cron && !string.Equals(cron.Trim(), JobsOptions.Off, StringComparison.OrdinalIgnoreCase)
        && cron.Trim().Length > 0 ? cron.Trim() : null;
}

/// <summary>Every job of the app, in one place: what the scheduler registers and the Jobs page lists.</summary>
public static class JobCatalog
{
    public static readonly IReadOnlyList<JobDefinition> All =
    [
        new(DailyReminderJob.Key, typeof(DailyReminderJob), "Daily reminders",
            "Emails (and posts to Google Chat) what waits for influencers with offers to answer and for users away for a while; one a day each.",
            o => o.DailyReminders),
        new(MonthlyReportJob.Key, typeof(MonthlyReportJob), "Monthly reports",
            "Sends every approved sponsor, and every influencer active that month, a report on the month before, as HTML with a PDF.",
            o => o.MonthlyReports),
        new(OfferExpiryJob.Key, typeof(OfferExpiryJob), "Offer expiry",
            "Closes requests whose latest offer nobody answered in time and tells both sides.", o => o.OfferExpiry),
        new(CleanupJob.Key, typeof(CleanupJob), "Cleanup", "Deletes expired export files, old sent messages and old job runs.", o => o.Cleanup),
        new(OutboxDispatchJob.Key, typeof(OutboxDispatchJob), "Outbox dispatcher",
            "Sends queued emails and chat messages, retrying failures with growing delays.", _ => null),
        new(ExportJob.Key, typeof(ExportJob), "CSV exports", "Writes an export a user asked for, with live progress.", _ => null, CanRunNow: false),
    ];

    public static JobDefinition? Find(string name) => All.FirstOrDefault(j => j.Key.Name == name);
}
