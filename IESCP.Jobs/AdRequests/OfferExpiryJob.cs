using IESCP.Data.AdRequests;
using IESCP.Jobs.Scheduling;
using Microsoft.Extensions.Options;
using Quartz;

namespace IESCP.Jobs.AdRequests;

/// <summary>Expires requests whose latest offer nobody answered in time; both sides are told.</summary>
[DisallowConcurrentExecution]
public sealed class OfferExpiryJob(AdRequestRepository requests, IOptions<OfferExpiryOptions> options) : IJob
{
    public static readonly JobKey Key = new("offer-expiry");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var expired = await requests.ExpireUnansweredAsync(options.Value.ExpireAfterDays, cancellationToken);
        context.Result = new JobReport($"{expired} requests expired");
    }
}
