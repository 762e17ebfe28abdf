using System.Security.Cryptography;
using System.Text;
using IESCP.Data.Caching;
using IESCP.Data.Database;
using IESCP.Data.Identity;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.ApiTokens;

/// <summary>
/// A user's API tokens: made, listed and revoked by their owner only; and the lookup every API
/// call makes (cached by the token's hash; a revocation removes the entry at once). A token works
/// only while its account may sign in.
/// </summary>
public sealed class ApiTokenRepository(IDbContextFactory<IescpDbContext> contexts, ReadCache cache, AccountStates accounts, TimeProvider clock)
{
    public const int MaxActiveTokens = 20;

    private const string TokenPrefix = "iescp_";

    private static readonly TimeSpan LookupLifetime = TimeSpan.FromMinutes(5);

    public async Task<IReadOnlyList<ApiTokenView>> ListAsync(Actor actor)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.ApiTokens.Where(t => t.UserId == actor.UserId && t.RevokedAt == null)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Select(t => new ApiTokenView(t.Id, t.Name, t.Prefix, t.CreatedAt))
            .ToListAsync();
    }

    public async Task<CommandResult<NewApiToken>> CreateAsync(Actor actor, ApiTokenInput input)
    {
        if (CommandResult.Validate(input, clock) is { Succeeded: false } invalid)
        {
            return CommandResult<NewApiToken>.Failure(invalid);
        }

        if (await accounts.GetAsync(actor.UserId) is not { MaySignIn: true })
        {
            return CommandResult<NewApiToken>.Failure(CommandResult.Fail(AccountStanding.Suspended));
        }

        await using var db = await contexts.CreateDbContextAsync();
        if (await db.ApiTokens.CountAsync(t => t.UserId == actor.UserId && t.RevokedAt == null) >= MaxActiveTokens)
        {
            return CommandResult<NewApiToken>.Failure(CommandResult.Fail($"You have {MaxActiveTokens} tokens; revoke one you no longer use first."));
        }

        var secret = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            UserId = actor.UserId,
            Name = input.Name.Trim(),
            Hash = HashOf(secret),
            Prefix = secret[..(TokenPrefix.Length + 6)],
            CreatedAt = db.Now,
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync();
        return CommandResult<NewApiToken>.Success(new NewApiToken(token.Id, token.Name, secret));
    }

    /// <summary>Revokes one of the actor's own tokens; anyone else's reads as not found.</summary>
    public async Task<CommandResult> RevokeAsync(Actor actor, int tokenId)
    {
        await using var db = await contexts.CreateDbContextAsync();
        var hash = await db.ApiTokens.Where(t => t.Id == tokenId && t.UserId == actor.UserId && t.RevokedAt == null)
            .Select(t => t.Hash).FirstOrDefaultAsync();
        if (hash is null)
        {
            return CommandResult.Fail("That token was not found.");
        }

        await db.ApiTokens.Where(t => t.Id == tokenId).UpdateAsync(db, set => set.SetProperty(t => t.RevokedAt, db.Now));
        await cache.InvalidateAsync(LookupKey(hash));
        return CommandResult.Ok;
    }

    /// <summary>Who the token speaks for, or null: unknown, revoked, or its account suspended or removed.</summary>
    public async Task<ApiCaller?> AuthenticateAsync(string token)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }

        var hash = HashOf(token);
        var caller = await cache.GetOrCreateAsync(LookupKey(hash), LookupLifetime, async () =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            return await (
                    from t in db.ApiTokens
                    where t.Hash == hash && t.RevokedAt == null
                    from role in db.UserRoles.Where(r => r.UserId == t.UserId).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name)
                    select new ApiCaller(t.UserId, role!))
                .FirstOrDefaultAsync();
        });
        return caller is not null && await accounts.GetAsync(caller.UserId) is { MaySignIn: true } ? caller : null;
    }

    private static string LookupKey(string hash) => $"api-token:{hash}";

    private static string HashOf(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
