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

/// <summary>Who makes a move, and the revision they answer (the latest, unless they saw an older one).</summary>
internal sealed record Move(Party By, int SeenRevision);

/// <summary>
/// The state machine of an ad request: each move is a list of rules (<see cref="Rule{TRow, TArg}"/>),
/// each written once and used both to explain a refusal and to guard the move's UPDATE.
/// </summary>
internal static class AdRequestRules
{
    public const string ChangedMeanwhile = "The request changed meanwhile; reload.";

    public const string AlreadyReviewed = "You have already reviewed this request.";

    /// <summary>Still being negotiated: an offer is on the table.</summary>
    public static readonly IReadOnlyList<AdRequestStatus> Negotiable = [AdRequestStatus.Pending, AdRequestStatus.Negotiating];

    /// <summary>Not closed: at most one such request per campaign and influencer.</summary>
    public static readonly IReadOnlyList<AdRequestStatus> Open =
        [AdRequestStatus.Pending, AdRequestStatus.Negotiating, AdRequestStatus.Accepted, AdRequestStatus.Paid];

    /// <summary>Their payment is held on the campaign's budget.</summary>
    public static readonly IReadOnlyList<AdRequestStatus> Committed = [AdRequestStatus.Accepted, AdRequestStatus.Paid, AdRequestStatus.Completed];

    public static readonly Expression<Func<AdRequest, bool>> IsOpen = r => Open.Contains(r.Status);

    private static readonly Expression<Func<AdRequest, bool>> SponsorsTurn = r =>
        (Negotiable.Contains(r.Status) && r.LatestBy == Party.Influencer)
        || r.Status == AdRequestStatus.Accepted
        || (r.Status == AdRequestStatus.Paid && r.DeliveredAt != null);

    private static readonly Expression<Func<AdRequest, bool>> InfluencersTurn = r =>
        (Negotiable.Contains(r.Status) && r.LatestBy == Party.Sponsor)
        || (r.Status == AdRequestStatus.Paid && r.DeliveredAt == null);

    private static readonly Func<AdRequest, bool> IsSponsorsTurn = SponsorsTurn.Compile();

    private static readonly Func<AdRequest, bool> IsInfluencersTurn = InfluencersTurn.Compile();

    // Declared before the moves that use them: static fields initialize in order.
    private static readonly Rule<AdRequest, Move> Unchanged = new((r, m) => r.LatestRevision == m.SeenRevision, (_, _) => ChangedMeanwhile);

    private static readonly Rule<AdRequest, Move> YourTurn =
        new((r, m) => r.LatestBy != m.By, (_, m) => $"The latest offer is yours; wait for the {m.By.Other().Noun()}'s answer.");

    public static readonly Transition Edit = new(AdRequestAction.Edit,
        OnlyThe(Party.Sponsor, "edit this offer"),
        StatusIs("edited", AdRequestStatus.Pending),
        new((r, _) => r.LatestBy == Party.Sponsor, (_, _) => "The influencer has answered; make a counter-offer instead."),
        Unchanged);

    public static readonly Transition Counter = new(AdRequestAction.Counter, StatusIs("negotiated", Negotiable), Unchanged, YourTurn);

    public static readonly Transition Accept = new(AdRequestAction.Accept, StatusIs("accepted", Negotiable), Unchanged, YourTurn);

    public static readonly Transition Reject = new(AdRequestAction.Reject, StatusIs("rejected", Negotiable), YourTurn);

    public static readonly Transition Withdraw = new(AdRequestAction.Withdraw,
        new((r, m) => r.InitiatedBy == m.By, (r, _) => $"Only the {r.InitiatedBy.Noun()} who sent this request can withdraw it."),
        StatusIs("withdrawn", Negotiable));

    public static readonly Transition Cancel = new(AdRequestAction.Cancel,
        OnlyThe(Party.Sponsor, "cancel this request"), StatusIs("cancelled", AdRequestStatus.Accepted));

    public static readonly Transition Pay = new(AdRequestAction.Pay,
        OnlyThe(Party.Sponsor, "pay for this request"), StatusIs("paid", AdRequestStatus.Accepted));

    /// <summary>The influencer may hand in a corrected link until the sponsor completes the request.</summary>
    public static readonly Transition Deliver = new(AdRequestAction.Deliver,
        OnlyThe(Party.Influencer, "deliver this request"), StatusIs("delivered", AdRequestStatus.Paid));

    public static readonly Transition Complete = new(AdRequestAction.Complete,
        OnlyThe(Party.Sponsor, "complete this request"),
        StatusIs("completed", AdRequestStatus.Paid),
        new((r, _) => r.DeliveredAt != null, (_, _) => "The influencer hasn't delivered yet."));

    /// <summary>Each side reviews once, which the reviews' unique index keeps; this is the request's part.</summary>
    public static readonly Transition Review = new(AdRequestAction.Review, StatusIs("reviewed", AdRequestStatus.Completed));

    private static readonly Transition[] All = [Edit, Counter, Accept, Reject, Withdraw, Cancel, Pay, Deliver, Complete, Review];

    /// <summary>The actions a side may take on the request as it is now.</summary>
    public static IReadOnlySet<AdRequestAction> ActionsFor(AdRequest request, Party by, bool reviewed)
    {
        var move = new Move(by, request.LatestRevision);
        return All.Where(t => t.Refusal(request, move) is null && (t.Action != AdRequestAction.Review || !reviewed))
            .Select(t => t.Action)
            .ToHashSet();
    }

    /// <summary>
    /// Whether the request waits for <paramref name="party"/> to move: while negotiating, the side
    /// that did not make the latest offer; the sponsor to pay an accepted request; the influencer
    /// to deliver a paid one, then the sponsor to confirm it. SQL filters by it; C# labels by it.
    /// </summary>
    public static Expression<Func<AdRequest, bool>> WaitsFor(Party party) => party == Party.Sponsor ? SponsorsTurn : InfluencersTurn;

    /// <summary>Who the request waits for, or null when it is closed or done (<see cref="WaitsFor"/>).</summary>
    public static Party? WaitingFor(AdRequestStatus status, Party latestBy, DateTime? deliveredAt)
    {
        var request = new AdRequest { Status = status, LatestBy = latestBy, DeliveredAt = deliveredAt };
        return IsSponsorsTurn(request) ? Party.Sponsor : IsInfluencersTurn(request) ? Party.Influencer : null;
    }

    private static Rule<AdRequest, Move> OnlyThe(Party party, string action) =>
        new((_, m) => m.By == party, (_, _) => $"Only the {party.Noun()} can {action}.");

    private static Rule<AdRequest, Move> StatusIs(string done, params IReadOnlyList<AdRequestStatus> allowed) =>
        new((r, _) => allowed.Contains(r.Status), (r, _) =>
            Stage(r.Status) < Stage(allowed[0]) ? $"This request is {r.Status}; it can't be {done} yet."
            : $"This request is {r.Status}; it can no longer be {done}.");

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

/// <summary>One move of the state machine: which action it is and the rules it must pass.</summary>
internal sealed class Transition(AdRequestAction action, params Rule<AdRequest, Move>[] rules)
{
    private readonly RuleSet<AdRequest, Move> all = new(rules);

    public AdRequestAction Action => action;

    /// <summary>Why the move is refused on the request as read, or null when it is allowed.</summary>
    public string? Refusal(AdRequest request, Move move) => all.Refusal(request, move);

    /// <summary>The same rules as the WHERE of the move's UPDATE.</summary>
    public Expression<Func<AdRequest, bool>> Guard(Move move) => all.Guard(move);
}
