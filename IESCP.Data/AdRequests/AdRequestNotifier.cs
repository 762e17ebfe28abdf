using IESCP.Data.Identity;
using Microsoft.Extensions.Logging;

namespace IESCP.Data.AdRequests;

/// <summary>Which request changed and who takes part in it, so a page can ignore others' requests.</summary>
public sealed record AdRequestChange(int AdRequestId, string SponsorUserId, string InfluencerUserId)
{
    /// <summary>Whether the actor is one of the request's two parties.</summary>
    public bool Concerns(Actor actor) => actor.UserId == SponsorUserId || actor.UserId == InfluencerUserId;
}

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
