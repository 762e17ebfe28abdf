using IESCP.Data;
using IESCP.Data.Database;
using IESCP.Data.Identity;
using IESCP.Data.Influencers;
using IESCP.Data.Sponsors;
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
        Folder = Directory.CreateTempSubdirectory("iescp-db-").FullName;
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

    public async Task<Actor> AdminAsync()
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ApplicationUser>>();
        var admin = (await users.GetUsersInRoleAsync(Roles.Admin)).Single();
        return new Actor(admin.Id, Roles.Admin);
    }

    /// <summary>Registers a sponsor through the real sign-up service, approved unless asked otherwise.</summary>
    public async Task<Actor> CreateSponsorAsync(string? name = null, bool approved = true, decimal budget = 50_000m)
    {
        var registration = new SponsorRegistration
        {
            Name = name ?? $"Sponsor {Guid.NewGuid():N}"[..20],
            Industry = "Retail",
            Budget = budget,
            Kind = SponsorKind.Company,
            Email = $"sponsor-{Guid.NewGuid():N}@iescp.test",
            Password = "Sponsor#1",
            ConfirmPassword = "Sponsor#1",
        };
        var actor = await RegisterAsync(registration, Roles.Sponsor, (r, input) => r.RegisterSponsorAsync((SponsorRegistration)input));
        if (approved)
        {
            var sponsorId = (await Get<SponsorRepository>().GetOwnProfileAsync(actor))!.Id;
            await Get<SponsorRepository>().DecideAsync(await AdminAsync(), sponsorId, ApprovalStatus.Approved);
        }

        return actor;
    }

    public Task<Actor> CreateInfluencerAsync(string? name = null, string category = "Technology", string niche = "Gadgets", long followers = 25_000) =>
        RegisterAsync(new InfluencerRegistration
        {
            Name = name ?? $"Influencer {Guid.NewGuid():N}"[..20],
            Category = category,
            Niche = niche,
            Followers = followers,
            Email = $"influencer-{Guid.NewGuid():N}@iescp.test",
            Password = "Influencer#1",
            ConfirmPassword = "Influencer#1",
        }, Roles.Influencer, (r, input) => r.RegisterInfluencerAsync((InfluencerRegistration)input));

    private async Task<Actor> RegisterAsync(Registration input, string role, Func<AccountRegistration, Registration, Task<RegistrationResult>> register)
    {
        using var scope = Services.CreateScope();
        var result = await register(scope.ServiceProvider.GetRequiredService<AccountRegistration>(), input);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return new Actor(result.User!.Id, role);
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.StopAsync();
            host.Dispose();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open elsewhere; the temp folder is cleaned by the OS.
        }
    }
}
