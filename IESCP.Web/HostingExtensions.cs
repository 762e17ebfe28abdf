using System.Globalization;
using IESCP.Data.Database;
using IESCP.Data.Identity;
using IESCP.Jobs.Email;
using IESCP.Web.Api;
using IESCP.Web.Authorization;
using IESCP.Web.Components;
using IESCP.Web.Components.Account;
using IESCP.Web.Health;
using IESCP.Web.Downloads;
using IESCP.Web.Live;
using IESCP.Web.Security;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Options;
using Radzen;

namespace IESCP.Web;

internal static class HostingExtensions
{
    private static readonly CultureInfo AppCulture = CultureInfo.GetCultureInfo("en-US");

    /// <summary>In Development the repository's own appsettings.Development.json is layered on top.</summary>
    public static void AddRepositoryDevelopmentSettings(this WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment())
        {
            var path = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, "..", "appsettings.Development.json"));
            var sources = builder.Configuration.Sources;
            // Right after the project's own JSON files, so environment variables and arguments still win.
            var position = sources.Select((source, index) => (source, index))
                .LastOrDefault(s => s.source is JsonConfigurationSource).index + 1;
            var repositorySettings = new JsonConfigurationSource { Path = path, Optional = true, ReloadOnChange = false };
            repositorySettings.ResolveFileProvider();
            sources.Insert(position, repositorySettings);
        }
    }

    public static void AddIescpWeb(this WebApplicationBuilder builder)
    {
        // Amounts are US dollars and dates read the same for everyone, whatever the server's locale.
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = AppCulture;
        var services = builder.Services;
        services.AddRequestLocalization(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(AppCulture);
            options.SupportedCultures = options.SupportedUICultures = [AppCulture];
        });
        services.AddRazorComponents().AddInteractiveServerComponents(CircuitSettings.Apply);
        services.AddRadzenComponents();

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<LiveCircuit>();
        services.AddScoped<CircuitHandler>(provider => provider.GetRequiredService<LiveCircuit>());
        services.AddSingleton<IEmailSender<ApplicationUser>, IdentityEmailSender>();
        services.AddScoped<AccountMessages>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = "iescp.auth";
            options.Cookie.SecurePolicy = SecureCookies(builder.Environment);
            options.Events.OnValidatePrincipal = SessionValidation.ValidatePrincipalAsync;
        });

        services.AddAntiforgery(options => options.Cookie.SecurePolicy = SecureCookies(builder.Environment));
        builder.WebHost.ConfigureKestrel(options => options.AddServerHeader = false);
        services.AddAuthorizationBuilder().AddIescpPolicies();
        builder.AddIescpHealthChecks();
        builder.AddAccountRateLimits();
        services.AddOptions<SignInGuardOptions>().Bind(builder.Configuration.GetSection(SignInGuardOptions.Section));
        services.AddSingleton<SignInGuard>();
        services.AddSingleton<IAuthorizationHandler, ApprovedSponsorHandler>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, PendingSponsorRedirect>();
        builder.AddIescpApi();
    }

    /// <summary>Cookies travel over HTTPS only, except on a developer's machine and in the test suite (plain loopback HTTP).</summary>
    private static CookieSecurePolicy SecureCookies(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment(IESCP.Data.DependencyInjection.TestingEnvironment)
            ? CookieSecurePolicy.SameAsRequest
            : CookieSecurePolicy.Always;

    public static void UseIescpWeb(this WebApplication app)
    {
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseRateLimiter();
        app.UseRequestLocalization();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseApiProblemPages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseApiBodyChecks();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapIdentityEndpoints();
        app.MapIescpHealthChecks();
        app.MapDownloads();
        app.MapIescpApi();
    }

    /// <summary>Migrates and seeds the database, then tells a developer where to go and how to sign in.</summary>
    public static async Task InitializeIescpAsync(this WebApplication app)
    {
        var createdAdmin = await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        if (!app.Environment.IsDevelopment())
        {
            return;
        }

        var admin = app.Services.GetRequiredService<IOptions<AdminAccountOptions>>().Value;
        var outbox = app.Services.GetRequiredService<MailSender>().OutboxFolder;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var url = addresses.FirstOrDefault() ?? "(no address)";
            Console.WriteLine();
            Console.WriteLine($"  IESCP is running at {url}");
            Console.WriteLine($"  Admin login: {admin.Email} / {admin.Password}{(createdAdmin ? "  (account created now)" : "")}");
            Console.WriteLine($"  Emails are written to {outbox}");
            Console.WriteLine();
        });
    }
}
