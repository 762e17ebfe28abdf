using IESCP.Data.AdRequests;
using IESCP.Data.Sponsors;
using Microsoft.Extensions.Logging.Abstractions;

namespace IESCP.Tests.AdRequests;

[Trait("Category", "Unit")]
public sealed class AdRequestNotifierTests
{
    [Fact]
    public async Task A_failing_page_does_not_keep_the_others_from_hearing_of_a_change()
    {
        var notifier = new AdRequestNotifier(NullLogger<AdRequestNotifier>.Instance);
        var heard = new List<int>();
        notifier.Changed += _ => throw new InvalidOperationException("circuit gone");
        notifier.Changed += change =>
        {
            heard.Add(change.AdRequestId);
            return Task.CompletedTask;
        };

        await notifier.NotifyAsync(new AdRequestChange(7, "s", "i"));

        Assert.Equal([7], heard);
    }

    [Fact]
    public async Task A_failing_page_does_not_keep_other_sponsors_from_hearing_of_their_approval()
    {
        var notifier = new SponsorApprovalNotifier(NullLogger<SponsorApprovalNotifier>.Instance);
        var heard = new List<string>();
        notifier.Changed += (_, _) => Task.FromException(new ObjectDisposedException("page"));
        notifier.Changed += (userId, _) =>
        {
            heard.Add(userId);
            return Task.CompletedTask;
        };

        await notifier.NotifyAsync("sponsor-1", ApprovalStatus.Approved);

        Assert.Equal(["sponsor-1"], heard);
    }
}
