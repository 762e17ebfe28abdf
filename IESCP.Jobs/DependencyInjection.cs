using IESCP.Jobs.Email;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace IESCP.Jobs;

public static class DependencyInjection
{
    public static IHostApplicationBuilder AddIescpJobs(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailOptions>().Bind(builder.Configuration.GetSection(EmailOptions.Section));
        builder.Services.AddSingleton<MailSender>();

        // In-process scheduler with the RAM job store. Jobs and their cron triggers are added here.
        builder.Services.AddQuartz(quartz => quartz.UseInMemoryStore());
        builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return builder;
    }
}
