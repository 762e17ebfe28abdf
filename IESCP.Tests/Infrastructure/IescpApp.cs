using IESCP.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IESCP.Tests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel server bound to a free loopback port, with a SQLite file (a
/// copy of the migrated template) and an outbox folder of its own. Shared by the tests of a collection.
/// </summary>
public class IescpApp : IAsyncLifetime
{
    public const string AdminEmail = DatabaseTemplate.AdminEmail;
    public const string AdminPassword = DatabaseTemplate.AdminPassword;

    private readonly Factory factory;
    private readonly int port = Ports.Free();

    public IescpApp() : this(new Dictionary<string, string?>())
    {
    }

    protected IescpApp(IDictionary<string, string?> extraSettings)
    {
        var settings = DatabaseTemplate.Settings(DatabaseFile);
        settings["Email:OutboxFolder"] = OutboxFolder;
        // The suite signs in hundreds of times from one address; the rate-limit tests set their own limit.
        settings["RateLimits:AccountFormsPerMinute"] = "100000";
        // Emailed links point at the configured public address: this server's own.
        settings["App:PublicBaseUrl"] = $"http://127.0.0.1:{port}/";
        // No job on its real-time schedule (a reminder at 18:00 mid-run would add mail to the tests'); they run when a test says.
        foreach (var job in new[] { "DailyReminders", "MonthlyReports", "OfferExpiry", "Cleanup" })
        {
            settings[$"Jobs:{job}"] = "off";
        }

        foreach (var (key, value) in extraSettings)
        {
            settings[key] = value;
        }

        factory = new Factory(settings, ConfigureServices, Log);
    }

    /// <summary>What the app logged at warning level and above (see <see cref="AppLog.ReportTo"/>).</summary>
    public AppLog Log { get; } = new();

    public string Folder { get; } = TempFolder.Create("iescp-app-");

    public string DatabaseFile => Path.Combine(Folder, "iescp.db");

    /// <summary>The server's root address, ending with a slash.</summary>
    public Uri BaseAddress { get; private set; } = default!;

    public IServiceProvider Services => factory.Services;

    public string OutboxFolder => Path.Combine(Folder, "outbox");

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public TestUsers Users => new(Services);

    public virtual async Task InitializeAsync()
    {
        await DatabaseTemplate.CopyToAsync(DatabaseFile);
        await BeforeStartAsync();
        factory.UseKestrel(port);
        factory.StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1").TrimEnd('/') + "/");
    }

    /// <summary>Test-only services (an interceptor, say), added after the app's own.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>Runs on the database file before the app starts (to leave what a previous run would have left).</summary>
    protected virtual Task BeforeStartAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        await DatabaseTemplate.ClosePooledConnectionsAsync(Services);
        await factory.DisposeAsync();
        TempFolder.Delete(Folder);
    }

    private sealed class Factory(IDictionary<string, string?> settings, Action<IServiceCollection> configureServices, AppLog log)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(DependencyInjection.TestingEnvironment);
            builder.ConfigureTestServices(configureServices);
            // Serve package assets (Radzen's CSS and JS) from the build output, as Development does.
            builder.UseStaticWebAssets();
            builder.ConfigureLogging(logging => logging.AddProvider(log));
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}

/// <summary>The HTTP tests share one app: each creates users of its own, so they cannot disturb each other.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<IescpApp>
{
    public const string Name = "App";
}
