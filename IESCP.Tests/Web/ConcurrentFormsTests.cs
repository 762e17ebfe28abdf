using System.Net;
using IESCP.Data;
using IESCP.Data.Database;
using IESCP.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Tests.Web;

/// <summary>
/// Many people signing up at once: every form post passes its antiforgery check, because the
/// key ring exists before the first request and lives in the database, not in each process.
/// </summary>
[Trait("Category", "Integration")]
[Collection(AppCollection.Name)]
public sealed class ConcurrentFormsTests(IescpApp app)
{
    private const int People = 100;

    [Fact]
    public async Task A_hundred_sign_ups_posted_at_once_all_pass_their_antiforgery_check()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var responses = await Task.WhenAll(Enumerable.Range(0, People).Select(i => Task.Run(async () =>
        {
            using var session = new HttpSession(app.BaseAddress);
            return await session.PostFormAsync("/Account/Register/Influencer", "register-influencer", new()
            {
                ["Input.Name"] = $"Crowd {tag} {i}",
                ["Input.Category"] = "Travel",
                ["Input.Niche"] = "Adventure",
                ["Input.Followers"] = "1000",
                ["Input.Email"] = $"crowd-{tag}-{i}@iescp.test",
                ["Input.Password"] = "Crowd#2026x",
                ["Input.ConfirmPassword"] = "Crowd#2026x",
            });
        })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        await using var db = await app.Get<IDbContextFactory<IescpDbContext>>().CreateDbContextAsync();
        Assert.Equal(People, await db.Influencers.CountAsync(i => i.Name.StartsWith($"Crowd {tag}")));
    }
}

/// <summary>The key ring is made by the start-up initializer, before anything could ask for it.</summary>
[Trait("Category", "Integration")]
public sealed class KeyRingTests : IAsyncLifetime
{
    private readonly EmptyDatabase db = new();

    public Task InitializeAsync() => db.InitializeAsync();

    public Task DisposeAsync() => db.DisposeAsync();

    [Fact]
    public async Task A_new_installation_has_exactly_one_key_once_initialized_and_keeps_it_on_restart()
    {
        await using var context = await db.ContextAsync();
        var keys = await context.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
        Assert.Single(keys);

        await db.Get<DatabaseInitializer>().InitializeAsync();
        Assert.Equal(keys, await context.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
    }

    /// <summary>An empty file migrated and seeded by the initializer, as at a first start.</summary>
    private sealed class EmptyDatabase : TestDatabase
    {
        protected override Task CreateSchemaAsync() => Get<DatabaseInitializer>().InitializeAsync();
    }
}
