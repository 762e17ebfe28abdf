using IESCP.Data;
using IESCP.Data.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IESCP.Tests.Infrastructure;

/// <summary>
/// One database migrated and seeded (roles, admin) once per test run; every test database and
/// app starts from a copy of its file instead of migrating its own.
/// </summary>
public static class DatabaseTemplate
{
    public const string AdminEmail = "admin@iescp.test";
    public const string AdminPassword = "Admin#Test1";

    private static readonly Lazy<Task<string>> File = new(CreateAsync);

    /// <summary>Copies the template to <paramref name="path"/>.</summary>
    public static async Task CopyToAsync(string path) => System.IO.File.Copy(await File.Value, path);

    /// <summary>The settings of the data layer every test fixture shares, on the given database file.</summary>
    public static Dictionary<string, string?> Settings(string databaseFile) => new()
    {
        ["ConnectionStrings:Iescp"] = $"Data Source={databaseFile}",
        ["Admin:Email"] = AdminEmail,
        ["Admin:Password"] = AdminPassword,
    };

    /// <summary>
    /// Closes the pooled connections of the database these services use (only its own: other
    /// tests run alongside), so its folder can be deleted.
    /// </summary>
    public static async Task ClosePooledConnectionsAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<IescpDbContext>>().CreateDbContextAsync();
        await using var connection = new SqliteConnection(db.Database.GetConnectionString());
        SqliteConnection.ClearPool(connection);
    }

    private static async Task<string> CreateAsync()
    {
        var folder = TempFolder.Create("iescp-template-");
        var path = Path.Combine(folder, "iescp.db");
        var settings = Settings(path);
        // No pooling: once the host is gone, nothing holds the file open and the WAL is folded in.
        settings["ConnectionStrings:Iescp"] += ";Pooling=False";
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = DependencyInjection.TestingEnvironment,
            ContentRootPath = folder,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddIescpData();
        using (var host = builder.Build())
        {
            await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        }

        await using (var connection = new SqliteConnection(settings["ConnectionStrings:Iescp"]))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }

        return path;
    }
}
