using IESCP.Data;
using IESCP.Data.Database;
using IESCP.Data.Identity;
using IESCP.Data.Live;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IESCP.Tests.Infrastructure;

/// <summary>
/// The data layer as the app composes it, on a SQLite file of its own (a copy of the migrated
/// template) and with a clock the test controls: for tests of repositories and rules without a
/// web server.
/// </summary>
public class TestDatabase : IAsyncLifetime
{
    public const string AdminPassword = DatabaseTemplate.AdminPassword;

    private IHost? host;

    public string Folder { get; } = TempFolder.Create("iescp-db-");

    public string DatabaseFile => Path.Combine(Folder, "iescp.db");

    public TestClock Clock { get; } = new();

    /// <summary>Every live event the data layer published, in order.</summary>
    public RecordingLiveEvents Events { get; } = new();

    /// <summary>Lets a test change a row between a command's read and its update.</summary>
    public RaceInterceptor Race { get; } = new();

    public IServiceProvider Services => host!.Services;

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = DependencyInjection.TestingEnvironment,
            ContentRootPath = Folder,
        });
        builder.Configuration.AddInMemoryCollection(DatabaseTemplate.Settings(DatabaseFile));
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.AddSingleton<ILiveEvents>(Events);
        builder.Services.AddSingleton<IInterceptor>(Race);
        ConfigureServices(builder.Services);
        builder.AddIescpData();
        ConfigureHost(builder);
        host = builder.Build();
        await CreateSchemaAsync();
    }

    /// <summary>Test-only services (an interceptor, say), added before the app's own.</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    /// <summary>More of the app on top of the data layer (the jobs' services, say), with their settings.</summary>
    protected virtual void ConfigureHost(HostApplicationBuilder builder)
    {
    }

    /// <summary>Starts from the migrated template and runs the start-up initializer on it, as the app does.</summary>
    protected virtual async Task CreateSchemaAsync()
    {
        await DatabaseTemplate.CopyToAsync(DatabaseFile);
        await Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }

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
            await DatabaseTemplate.ClosePooledConnectionsAsync(Services);
            await host.StopAsync();
            host.Dispose();
        }

        TempFolder.Delete(Folder);
    }
}
