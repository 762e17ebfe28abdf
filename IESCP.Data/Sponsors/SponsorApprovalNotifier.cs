namespace IESCP.Data.Sponsors;

/// <summary>
/// Tells open pages that a sponsor's approval changed, so a waiting sponsor's page moves on at once.
/// </summary>
public sealed class SponsorApprovalNotifier
{
    public event Func<string, ApprovalStatus, Task>? Changed;

    public async Task NotifyAsync(string sponsorUserId, ApprovalStatus status)
    {
        if (Changed is { } handlers)
        {
            foreach (var handler in handlers.GetInvocationList().Cast<Func<string, ApprovalStatus, Task>>())
            {
                await handler(sponsorUserId, status);
            }
        }
    }
}
