using System.Globalization;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace IESCP.Web.Security;

/// <summary>Configuration section "SignIn": how failed sign-ins are slowed down.</summary>
public sealed class SignInGuardOptions
{
    public const string Section = "SignIn";

    /// <summary>Failures from one address on one account before that address is held off that account.</summary>
    public int FailuresPerAddress { get; set; } = 5;

    /// <summary>How long an address stays held off, and how long failures are remembered.</summary>
    public TimeSpan HoldOff { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failures on one account, from anywhere, after which every further attempt waits.</summary>
    public int FailuresBeforeDelay { get; set; } = 10;

    /// <summary>The longest such wait; it doubles from one second with each failure past the threshold.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(8);
}

/// <summary>
/// Guards sign-in without letting anyone lock another person out. Failures are counted per
/// account and address: an address that keeps failing is held off that account for a while,
/// but the owner, from anywhere else, signs in as usual. Failures on an account from everywhere
/// together slow every attempt down (doubling waits), so guessing from many addresses stays
/// slow. Unknown emails are counted just like known ones, so the answers reveal nothing.
/// Counts live in the distributed cache, shared by every instance.
/// </summary>
public sealed class SignInGuard(IDistributedCache cache, IOptions<SignInGuardOptions> options, ILogger<SignInGuard> logger)
{
    private SignInGuardOptions Options => options.Value;

    /// <summary>Whether this address may try this account now.</summary>
    public async Task<bool> IsHeldOffAsync(string email, string address) =>
        await CountAsync(PairKey(email, address)) >= Options.FailuresPerAddress;

    /// <summary>How long an attempt on this account waits before it is checked (zero until many failures).</summary>
    public async Task<TimeSpan> DelayAsync(string email)
    {
        var beyond = await CountAsync(AccountKey(email)) - Options.FailuresBeforeDelay;
        return beyond < 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Min(Math.Pow(2, beyond), Options.MaxDelay.TotalSeconds));
    }

    public async Task FailedAsync(string email, string address)
    {
        await IncrementAsync(PairKey(email, address));
        await IncrementAsync(AccountKey(email));
    }

    /// <summary>A success from this address clears its own failures (others' stay: they may be an attacker's).</summary>
    public Task SucceededAsync(string email, string address) => SafelyAsync(() => cache.RemoveAsync(PairKey(email, address)));

    private async Task<int> CountAsync(string key)
    {
        try
        {
            var stored = await cache.GetStringAsync(key);
            return int.TryParse(stored, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : 0;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Sign-in failure counts are unavailable; allowing the attempt");
            return 0;
        }
    }

    // Read-then-write can lose a count when two failures race; a lost count only delays the
    // hold-off by one attempt, which an exact counter would not be worth.
    private Task IncrementAsync(string key) => SafelyAsync(async () =>
        await cache.SetStringAsync(key, (await CountAsync(key) + 1).ToString(CultureInfo.InvariantCulture),
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = Options.HoldOff }));

    private async Task SafelyAsync(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not record a sign-in outcome");
        }
    }

    private static string PairKey(string email, string address) => $"signin:{Normalize(email)}:{address}";

    private static string AccountKey(string email) => $"signin:{Normalize(email)}";

    private static string Normalize(string email) => email.Trim().ToUpperInvariant();
}
