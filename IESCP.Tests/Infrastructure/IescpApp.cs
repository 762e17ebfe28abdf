using IESCP.Data.Database;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IESCP.Tests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel server bound to a free loopback port, with a fresh SQLite file
/// and outbox folder of its own. Shared by the tests of a collection.
/// </summary>
public class IescpApp : IAsyncLifetime
{
    public const string AdminEmail = "admin@iescp.test";
    public const string AdminPassword = "Admin#Test1";

    private readonly Factory factory;

    public IescpApp() : this(new Dictionary<string, string?>())
    {
    }

    protected IescpApp(IDictionary<string, string?> extraSettings)
    {
        Folder = TempFolder.Create("iescp-app-");
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Iescp"] = $"Data Source={Path.Combine(Folder, "iescp.db")}",
            ["Admin:Email"] = AdminEmail,
            ["Admin:Password"] = AdminPassword,
            ["Email:OutboxFolder"] = Path.Combine(Folder, "outbox"),
        };
        foreach (var (key, value) in extraSettings)
        {
            settings[key] = value;
        }

        factory = new Factory(settings);
    }

    public string Folder { get; }

    /// <summary>The server's root address, ending with a slash.</summary>
    public Uri BaseAddress { get; private set; } = default!;

    public IServiceProvider Services => factory.Services;

    public string OutboxFolder => Path.Combine(Folder, "outbox");

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public TestUsers Users => new(Services);

    public virtual Task InitializeAsync()
    {
        factory.UseKestrel(0);
        factory.StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1").TrimEnd('/') + "/");
        return Task.CompletedTask;
    }

    public virtual async Task DisposeAsync()
    {
        await factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TempFolder.Delete(Folder);
    }

    private sealed class Factory(IDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            // Serve package assets (Radzen's CSS and JS) from the build output, as Development does.
            builder.UseStaticWebAssets();
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
