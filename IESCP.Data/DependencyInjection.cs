using IESCP.Data.AdRequests;
using IESCP.Data.Admin;
using IESCP.Data.ApiTokens;
using IESCP.Data.Caching;
using IESCP.Data.Campaigns;
using IESCP.Data.ChatWebhooks;
using IESCP.Data.Database;
using IESCP.Data.Exports;
using IESCP.Data.Identity;
using IESCP.Data.Influencers;
using IESCP.Data.JobRuns;
using IESCP.Data.Live;
using IESCP.Data.Notifications;
using IESCP.Data.Outbox;
using IESCP.Data.Reminders;
using IESCP.Data.Reports;
using IESCP.Data.Search;
using IESCP.Data.Seeding;
using IESCP.Data.Sponsors;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace IESCP.Data;

public static class DependencyInjection
{
    public const string DefaultConnectionString = "Data Source=App_Data/iescp.db";

    /// <summary>The environment the test suite hosts the app in.</summary>
    public const string TestingEnvironment = "Testing";

    public static IHostApplicationBuilder AddIescpData(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var connectionString = builder.IescpConnectionString();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IInterceptor, AuditInterceptor>();
        services.AddSingleton<IInterceptor, SqliteMemoryMap>();
        services.AddDbContextFactory<IescpDbContext>((provider, options) => options
            .UseSqlite(connectionString)
            .AddInterceptors(provider.GetServices<IInterceptor>())
            // Migrations are written by hand (no model snapshot); a test proves they match the model.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));

        services.AddDataProtection().SetApplicationName("IESCP");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(options =>
            options.XmlRepository = new DatabaseXmlRepository(provider.GetRequiredService<IDbContextFactory<IescpDbContext>>())));
        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version2;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                // No account-wide lockout: anyone could use it to keep a known user out. Failed
                // sign-ins are held off per address and slowed per account instead (the web's SignInGuard).
                options.Lockout.AllowedForNewUsers = false;
                // Signing in needs a confirmed email: the emailed link proves the address belongs to
                // whoever signed up with it. Seeded accounts (the admin, generated data) are confirmed.
                options.SignIn.RequireConfirmedEmail = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<IescpDbContext>()
            .AddSignInManager<IescpSignInManager>()
            .AddDefaultTokenProviders();

        if (builder.Environment.IsEnvironment(TestingEnvironment))
        {
            // The suite signs up hundreds of accounts; 100,000 PBKDF2 rounds each would dominate its
            // run time. Only the test environment hashes this weakly.
            services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1);
        }

        services.AddIescpCache(builder.Configuration);
        services.AddSingleton<ReadCache>();
        services.AddOptions<AdminAccountOptions>().Bind(builder.Configuration.GetSection(AdminAccountOptions.Section));
        services.AddSingleton<DatabaseInitializer>();
        services.AddSingleton<DatabaseBackup>();
        services.TryAddSingleton<ILiveEvents, InProcessLiveEvents>();
        services.AddSingleton<SponsorRepository>();
        services.AddSingleton<InfluencerRepository>();
        services.AddSingleton<StatisticsRepository>();
        services.AddSingleton<ModerationRepository>();
        services.AddSingleton<NotificationRepository>();
        services.AddSingleton<AccountStates>();
        services.AddSingleton<UserActivity>();
        services.AddSingleton<ApiTokenRepository>();
        services.AddSingleton<CampaignRepository>();
        services.AddSingleton<AdRequestRepository>();
        services.AddMetrics();
        services.AddSingleton<SearchMetrics>();
        services.AddSingleton<InfluencerSearch>();
        services.AddSingleton<CampaignSearch>();
        services.AddIescpJobData(builder);
        services.AddScoped<AccountRegistration>();
        services.AddScoped<DataGenerator>();
        return builder;
    }

    /// <summary>The app database's connection string, with its file anchored to the app's folder (the scheduler's persistent store shares it).</summary>
    public static string IescpConnectionString(this IHostApplicationBuilder builder) => SqliteConnectionStrings.Resolve(
        builder.Configuration.GetConnectionString("Iescp") ?? DefaultConnectionString,
        builder.Environment.ContentRootPath);

    /// <summary>What the background jobs read and write: the outbox, reminders, exports, reports and job runs.</summary>
    private static void AddIescpJobData(this IServiceCollection services, IHostApplicationBuilder builder)
    {
        services.AddOptions<ChatWebhookOptions>().Bind(builder.Configuration.GetSection(ChatWebhookOptions.Section));
        services.AddOptions<ExportOptions>().Bind(builder.Configuration.GetSection(ExportOptions.Section));
        var contentRoot = builder.Environment.ContentRootPath;
        services.AddSingleton(provider => new ExportFiles(
            Path.GetFullPath(Path.Combine(contentRoot, provider.GetRequiredService<IOptions<ExportOptions>>().Value.Folder))));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxRepository>();
        services.AddSingleton<ChatWebhookRepository>();
        services.AddSingleton<ReminderRepository>();
        services.AddSingleton<ExportRepository>();
        services.AddSingleton<MonthlyReportRepository>();
        services.AddSingleton<JobRunRepository>();
    }
}
