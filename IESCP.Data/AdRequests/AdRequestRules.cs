using System.Linq.Expressions;

namespace IESCP.Data.AdRequests;

/// <summary>What a side may do to a request now; the UI shows these buttons, the server re-checks.</summary>
public enum AdRequestAction
{
    Edit = 0,
    Counter = 1,
    Accept = 2,
    Reject = 3,
    Withdraw = 4,
    Cancel = 5,
    Pay = 6,
    Deliver = 7,
    Complete = 8,
    Review = 9,
}

/// <summary>A request as a command finds it, read inside the command's transaction.</summary>
internal sealed record RequestState(
    int Id, int CampaignId, int SponsorId, int InfluencerId, string SponsorUserId, string InfluencerUserId,
    AdRequestStatus Status, Party InitiatedBy, Party LatestBy, int LatestRevision, long PaymentCents, string Requirements,
    DateTime? DeliveredAt)
{
    public static readonly Expression<Func<AdRequest, RequestState>> FromEntity = r => new RequestState(
        r.Id, r.CampaignId, r.Campaign!.SponsorId, r.InfluencerId, r.Campaign.Sponsor!.UserId, r.Influencer!.UserId,
        r.Status, r.InitiatedBy, r.LatestBy, r.LatestRevision, r.PaymentCents, r.Requirements, r.DeliveredAt);
}

/// <summary>
/// The state machine of an ad request as pure rules: each returns null when the side may act,
/// or the message that explains why not.
/// </summary>
internal static class AdRequestRules
{
    public const string ChangedMeanwhile = "The request changed meanwhile; reload.";

    public const string AlreadyReviewed = "You have already reviewed this request.";

    public static readonly AdRequestStatus[] Negotiable = [AdRequestStatus.Pending, AdRequestStatus.Negotiating];

    public static string? CanEdit(RequestState r, Party by) =>
        Only(Party.Sponsor, by, "edit this offer")
        ?? StatusIn(r.Status, "edited", AdRequestStatus.Pending)
        ?? (r.LatestBy == Party.Sponsor ? null : "The influencer has answered; make a counter-offer instead.");

    public static string? CanCounter(RequestState r, Party by, int expectedRevision) =>
        StatusIn(r.Status, "negotiated", Negotiable) ?? Fresh(r, expectedRevision) ?? Turn(r, by);

    public static string? CanAccept(RequestState r, Party by, int expectedRevision) =>
        StatusIn(r.Status, "accepted", Negotiable) ?? Fresh(r, expectedRevision) ?? Turn(r, by);

    public static string? CanReject(RequestState r, Party by) => StatusIn(r.Status, "rejected", Negotiable) ?? Turn(r, by);

    public static string? CanWithdraw(RequestState r, Party by) =>
        (r.InitiatedBy == by ? null : $"Only the {r.InitiatedBy.Noun()} who sent this request can withdraw it.")
        ?? StatusIn(r.Status, "withdrawn", Negotiable);

    public static string? CanCancel(RequestState r, Party by) =>
        Only(Party.Sponsor, by, "cancel this request") ?? StatusIn(r.Status, "cancelled", AdRequestStatus.Accepted);

    public static string? CanPay(RequestState r, Party by) =>
        Only(Party.Sponsor, by, "pay for this request") ?? StatusIn(r.Status, "paid", AdRequestStatus.Accepted);

    public static string? CanDeliver(RequestState r, Party by) =>
        Only(Party.Influencer, by, "deliver this request") ?? StatusIn(r.Status, "delivered", AdRequestStatus.Paid);

    public static string? CanComplete(RequestState r, Party by) =>
        Only(Party.Sponsor, by, "complete this request")
        ?? StatusIn(r.Status, "completed", AdRequestStatus.Paid)
        ?? (r.DeliveredAt is null ? "The influencer hasn't delivered yet." : null);

    public static string? CanReview(RequestState r, bool alreadyReviewed) =>
        StatusIn(r.Status, "reviewed", AdRequestStatus.Completed)
        ?? (alreadyReviewed ? AlreadyReviewed : null);

    /// <summary>Who the request waits for, or null when it is closed or done.</summary>
    public static Party? WaitingFor(AdRequestStatus status, Party latestBy, DateTime? deliveredAt) => status switch
    {
        AdRequestStatus.Pending or AdRequestStatus.Negotiating => latestBy.Other(),
        AdRequestStatus.Accepted => Party.Sponsor,
        AdRequestStatus.Paid => deliveredAt is null ? Party.Influencer : Party.Sponsor,
        _ => null,
    };

    public static IReadOnlySet<AdRequestAction> ActionsFor(RequestState r, Party by, bool reviewed)
    {
        var allowed = new HashSet<AdRequestAction>();
        void Add(AdRequestAction action, string? refusal)
        {
            if (refusal is null)
            {
                allowed.Add(action);
            }
        }

        Add(AdRequestAction.Edit, CanEdit(r, by));
        Add(AdRequestAction.Counter, CanCounter(r, by, r.LatestRevision));
        Add(AdRequestAction.Accept, CanAccept(r, by, r.LatestRevision));
        Add(AdRequestAction.Reject, CanReject(r, by));
        Add(AdRequestAction.Withdraw, CanWithdraw(r, by));
        Add(AdRequestAction.Cancel, CanCancel(r, by));
        Add(AdRequestAction.Pay, CanPay(r, by));
        Add(AdRequestAction.Deliver, CanDeliver(r, by));
        Add(AdRequestAction.Complete, CanComplete(r, by));
        Add(AdRequestAction.Review, CanReview(r, reviewed));
        return allowed;
    }


    private static string? Only(Party required, Party by, string action) =>
        by == required ? null : $"Only the {required.Noun()} can {action}.";

    private static string? Fresh(RequestState r, int expectedRevision) =>
        r.LatestRevision == expectedRevision ? null : ChangedMeanwhile;

    private static string? Turn(RequestState r, Party by) =>
        r.LatestBy != by ? null : $"The latest offer is yours; wait for the {by.Other().Noun()}'s answer.";

    private static string? StatusIn(AdRequestStatus status, string done, params AdRequestStatus[] allowed) =>
        allowed.Contains(status) ? null
        : Stage(status) < Stage(allowed[0]) ? $"This request is {status}; it can't be {done} yet."
        : $"This request is {status}; it can no longer be {done}.";

    /// <summary>How far along the happy path a status is; closed statuses are past every step.</summary>
    private static int Stage(AdRequestStatus status) => status switch
    {
        AdRequestStatus.Pending or AdRequestStatus.Negotiating => 0,
        AdRequestStatus.Accepted => 1,
        AdRequestStatus.Paid => 2,
        AdRequestStatus.Completed => 3,
        _ => int.MaxValue,
    };
}
