using Microsoft.Extensions.Logging;

namespace IESCP.Data.AdRequests;

/// <summary>Which request changed and who takes part in it, so a page can ignore others' requests.</summary>
public sealed record AdRequestChange(int AdRequestId, string SponsorUserId, string InfluencerUserId);

/// <summary>
/// Tells open pages (inboxes, request threads, campaign ledgers) that an ad request changed,
/// after the change is committed.
/// </summary>
public sealed class AdRequestNotifier(ILogger<AdRequestNotifier> logger)
{
    public event Func<AdRequestChange, Task>? Changed;

    public Task NotifyAsync(AdRequestChange change) =>
        Notifications.RaiseAsync(Changed, handler => handler(change), logger);
}
