using IESCP.Data;
using IESCP.Jobs.AdRequests;
using IESCP.Jobs.Email;
using IESCP.Jobs.Exports;
using IESCP.Jobs.Outbox;
using IESCP.Jobs.Reminders;
using IESCP.Jobs.Reports;
using IESCP.Jobs.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace IESCP.Jobs;

public static class DependencyInjection
{
    public static IHostApplicationBuilder AddIescpJobs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section));
        services.AddOptions<AppOptions>().Bind(configuration.GetSection(AppOptions.Section));
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.Section));
        services.AddOptions<ReminderOptions>().Bind(configuration.GetSection(ReminderOptions.Section));
        services.AddOptions<OfferExpiryOptions>().Bind(configuration.GetSection(OfferExpiryOptions.Section));
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.Section));

        services.AddSingleton<PublicLinks>();
        services.AddSingleton<EmailRenderer>();
        services.AddSingleton<MailSender>();
        services.AddSingleton<AccountEmails>();
        // Polly sets each attempt's time limit, so the client itself waits without one.
        services.AddHttpClient(ChatSender.Client, http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.AddSingleton<ChatSender>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<OutboxWakeUp>();
        services.AddSingleton<ReminderMessages>();
        services.AddSingleton<DailyReminders>();
        services.AddOptions<ReportOptions>().Bind(configuration.GetSection(ReportOptions.Section));
        services.AddSingleton<ReportPdf>();
        services.AddSingleton<MonthlyReports>();
        services.AddSingleton<ExportRunner>();
        services.AddSingleton<ExportQueue>();
        services.AddSingleton<JobsDashboard>();
        services.AddSingleton<JobRunListener>();

        var jobs = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        var poll = configuration.GetSection(OutboxOptions.Section).Get<OutboxOptions>()?.PollInterval ?? new OutboxOptions().PollInterval;
        services.AddQuartz(quartz => SchedulerSetup.Configure(quartz, jobs, poll, builder.IescpConnectionString()));
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        services.AddHostedService(provider => provider.GetRequiredService<OutboxWakeUp>());
        services.AddHostedService<ResumeAtStart>();
        return builder;
    }
}
