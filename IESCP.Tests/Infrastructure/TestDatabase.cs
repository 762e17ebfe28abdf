using IESCP.Data;
using IESCP.Data.Database;
using IESCP.Data.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IESCP.Tests.Infrastructure;

/// <summary>
/// The data layer as the app composes it, on a fresh SQLite file of its own: for tests of
/// repositories and rules without a web server.
/// </summary>
public class TestDatabase : IAsyncLifetime
{
    public const string AdminPassword = "Admin#Test1";

    private readonly Dictionary<string, string?> settings;

    public TestDatabase() : this(new Dictionary<string, string?>())
    {
    }

    protected TestDatabase(IDictionary<string, string?> extraSettings)
    {
        Folder = TempFolder.Create("iescp-db-");
        settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Iescp"] = $"Data Source={Path.Combine(Folder, "iescp.db")}",
            ["Admin:Email"] = "admin@iescp.test",
            ["Admin:Password"] = AdminPassword,
        };
        foreach (var (key, value) in extraSettings)
        {
            settings[key] = value;
        }
    }

    public string Folder { get; }

    public IServiceProvider Services => host!.Services;

    private IHost? host;

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = "Testing",
            ContentRootPath = Folder,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddIescpData();
        host = builder.Build();
        await CreateSchemaAsync();
    }

    /// <summary>Migrates and seeds, as the app does at start.</summary>
    protected virtual Task CreateSchemaAsync() => Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public TestUsers Users => new(Services);

    public Task<Actor> AdminAsync() => Users.AdminAsync();

    public async Task<Actor> CreateSponsorAsync(string? name = null, bool approved = true, decimal budget = 50_000m) =>
        (await Users.SponsorAsync(name, approved, budget)).Actor;

    public async Task<Actor> CreateInfluencerAsync(string? name = null, string category = "Technology", string niche = "Gadgets", long followers = 25_000) =>
        (await Users.InfluencerAsync(name, category, niche, followers)).Actor;

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.StopAsync();
            host.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TempFolder.Delete(Folder);
    }
}
