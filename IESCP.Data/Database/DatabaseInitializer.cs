using IESCP.Data.Identity;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IESCP.Data.Database;

/// <summary>Migrates the database and seeds the roles and the admin account at start.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<IescpDbContext> contexts,
    IDataProtectionProvider dataProtection,
    IServiceScopeFactory scopes,
    IOptions<AdminAccountOptions> adminOptions,
    TimeProvider clock,
    IHostEnvironment environment,
    ILogger<DatabaseInitializer> logger)
{
    /// <returns>True when this start created the admin account (a new database).</returns>
    public async Task<bool> InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                // WAL lets readers go on while one writer commits; the setting is stored in the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
                // Refreshes the planner's statistics where they are missing or stale (cheap, bounded).
                await db.Database.ExecuteSqlRawAsync("PRAGMA optimize=0x10002;", cancellationToken);
            }
        }

        // The key ring is made now, once, not by whichever of the first requests gets there:
        // concurrent first requests would otherwise each make a key, and tokens signed with one
        // would fail against another.
        dataProtection.CreateProtector("IESCP.KeyRing").Protect("ready");

        await using var scope = scopes.CreateAsyncScope();
        await SeedRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        return await SeedAdminAsync(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>());
    }

    private static async Task SeedRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                EnsureSucceeded(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }
    }

    private async Task<bool> SeedAdminAsync(UserManager<ApplicationUser> users)
    {
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return false;
        }

        var options = adminOptions.Value;
        if (string.IsNullOrWhiteSpace(options.Email) || string.IsNullOrWhiteSpace(options.Password))
        {
            throw new StartupProblemException(
                "The database is new and needs an admin account: set Admin:Email and Admin:Password "
                + "(for example the environment variables Admin__Email and Admin__Password).");
        }

        if (!environment.IsDevelopment() && !environment.IsEnvironment(DependencyInjection.TestingEnvironment)
            && options.Password == AdminAccountOptions.RepositoryPassword)
        {
            throw new StartupProblemException(
                $"Admin:Password is the development password published with the source code; in the {environment.EnvironmentName} "
                + "environment set a password of your own (for example the environment variable Admin__Password).");
        }

        var admin = new ApplicationUser
        {
            UserName = options.Email,
            Email = options.Email,
            EmailConfirmed = true,
            DisplayName = options.Name,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        EnsureSucceeded(await users.CreateAsync(admin, options.Password), "create the admin account");
        EnsureSucceeded(await users.AddToRoleAsync(admin, Roles.Admin), "give the admin its role");
        logger.LogInformation("Created the admin account {Email}", options.Email);
        return true;
    }

    private static void EnsureSucceeded(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}

/// <summary>The app cannot start as configured; the message says what to set.</summary>
public sealed class StartupProblemException(string message) : Exception(message);
