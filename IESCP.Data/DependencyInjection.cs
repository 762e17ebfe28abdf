using IESCP.Data.AdRequests;
using IESCP.Data.Admin;
using IESCP.Data.ApiTokens;
using IESCP.Data.Caching;
using IESCP.Data.Campaigns;
using IESCP.Data.Database;
using IESCP.Data.Identity;
using IESCP.Data.Influencers;
using IESCP.Data.Live;
using IESCP.Data.Notifications;
using IESCP.Data.Search;
using IESCP.Data.Seeding;
using IESCP.Data.Sponsors;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace IESCP.Data;

public static class DependencyInjection
{
    public const string DefaultConnectionString = "Data Source=App_Data/iescp.db";

    /// <summary>The environment the test suite hosts the app in.</summary>
    public const string TestingEnvironment = "Testing";

    public static IHostApplicationBuilder AddIescpData(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var connectionString = SqliteConnectionStrings.Resolve(
            builder.Configuration.GetConnectionString("Iescp") ?? DefaultConnectionString,
            builder.Environment.ContentRootPath);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IInterceptor, AuditInterceptor>();
        services.AddDbContextFactory<IescpDbContext>((provider, options) => options
            .UseSqlite(connectionString)
            .AddInterceptors(provider.GetServices<IInterceptor>())
            // Migrations are written by hand (no model snapshot); a test proves they match the model.
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));

        services.AddDataProtection();
        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version2;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 8;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<IescpDbContext>()
            .AddSignInManager()
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
        services.TryAddSingleton<ILiveEvents, InProcessLiveEvents>();
        services.AddSingleton<SponsorRepository>();
        services.AddSingleton<InfluencerRepository>();
        services.AddSingleton<StatisticsRepository>();
        services.AddSingleton<ModerationRepository>();
        services.AddSingleton<NotificationRepository>();
        services.AddSingleton<AccountStates>();
        services.AddSingleton<ApiTokenRepository>();
        services.AddSingleton<CampaignRepository>();
        services.AddSingleton<AdRequestRepository>();
        services.AddMetrics();
        services.AddSingleton<SearchMetrics>();
        services.AddSingleton<InfluencerSearch>();
        services.AddSingleton<CampaignSearch>();
        services.AddScoped<AccountRegistration>();
        services.AddScoped<DataGenerator>();
        return builder;
    }
}
