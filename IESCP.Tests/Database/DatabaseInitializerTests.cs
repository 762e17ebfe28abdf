using IESCP.Data;
using IESCP.Data.Database;
using IESCP.Data.Identity;
using IESCP.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Tests.Database;

[Trait("Category", "Integration")]
public sealed class DatabaseInitializerTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task The_database_file_is_in_wal_mode()
    {
        await using var context = await db.Get<IDbContextFactory<IescpDbContext>>().CreateDbContextAsync();
        var mode = await context.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
        Assert.Equal("wal", Assert.Single(mode));
    }

    [Fact]
    public async Task Starting_again_keeps_the_one_admin_and_its_roles()
    {
        var createdAgain = await db.Get<DatabaseInitializer>().InitializeAsync();

        Assert.False(createdAgain);
        await using var context = await db.Get<IDbContextFactory<IescpDbContext>>().CreateDbContextAsync();
        Assert.Equal(Roles.All.Order(), (await context.Roles.Select(r => r.Name!).ToListAsync()).Order());
        var adminRoleId = await context.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).SingleAsync();
        Assert.Equal(1, await context.UserRoles.CountAsync(ur => ur.RoleId == adminRoleId));
        Assert.True(await context.Users.AnyAsync(u => u.Email == "admin@iescp.test"));
    }
}
