using Microsoft.Extensions.Logging;

namespace IESCP.Data.Sponsors;

/// <summary>
/// Tells open pages that a sponsor's approval changed, so a waiting sponsor's page moves on at once.
/// </summary>
public sealed class SponsorApprovalNotifier(ILogger<SponsorApprovalNotifier> logger)
{
    public event Func<string, ApprovalStatus, Task>? Changed;

    public Task NotifyAsync(string sponsorUserId, ApprovalStatus status) =>
        Notifications.RaiseAsync(Changed, handler => handler(sponsorUserId, status), logger);
}
