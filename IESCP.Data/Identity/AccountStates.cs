using IESCP.Data.Caching;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.Identity;

/// <summary>What decides whether a signed-in session may go on: the security stamp it was issued under, a flag, a removal.</summary>
public sealed record AccountState(string SecurityStamp, bool IsFlagged, bool IsDeleted)
{
    public bool MaySignIn => !IsFlagged && !IsDeleted;
}

/// <summary>
/// Read on every request and every open page's check, hence cached; every change that ends
/// sessions (a flag, a removal, a new password) invalidates it at once.
/// </summary>
public sealed class AccountStates(IDbContextFactory<IescpDbContext> contexts, ReadCache cache)
{
    private static string Key(string userId) => $"account:{userId}";

    /// <summary>The account's state, or null when no such account exists.</summary>
    public Task<AccountState?> GetAsync(string userId) =>
        cache.GetOrCreateAsync(Key(userId), TimeSpan.FromMinutes(5), async () =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            return await db.Users.Where(u => u.Id == userId)
                .Select(u => new AccountState(u.SecurityStamp ?? "", u.IsFlagged, u.DeletedAt != null))
                .FirstOrDefaultAsync();
        });

    public Task InvalidateAsync(string userId) => cache.InvalidateAsync(Key(userId));
}
