using IESCP.Data.AdRequests;
using IESCP.Tests.Infrastructure;

namespace IESCP.Tests.AdRequests;

/// <summary>The state machine as pure rules: every refused move and its message.</summary>
[Trait("Category", "Unit")]
public sealed class AdRequestRulesTests
{
    [Theory]
    [InlineData(AdRequestStatus.Withdrawn, Party.Sponsor, Party.Influencer, "accept", "This request is Withdrawn; it can no longer be accepted.")]
    [InlineData(AdRequestStatus.Rejected, Party.Sponsor, Party.Influencer, "accept", "This request is Rejected; it can no longer be accepted.")]
    [InlineData(AdRequestStatus.Accepted, Party.Sponsor, Party.Influencer, "accept", "This request is Accepted; it can no longer be accepted.")]
    [InlineData(AdRequestStatus.Pending, Party.Sponsor, Party.Sponsor, "accept", "The latest offer is yours; wait for the influencer's answer.")]
    [InlineData(AdRequestStatus.Negotiating, Party.Influencer, Party.Influencer, "accept", "The latest offer is yours; wait for the sponsor's answer.")]
    [InlineData(AdRequestStatus.Pending, Party.Sponsor, Party.Sponsor, "reject", "The latest offer is yours; wait for the influencer's answer.")]
    [InlineData(AdRequestStatus.Cancelled, Party.Sponsor, Party.Influencer, "reject", "This request is Cancelled; it can no longer be rejected.")]
    [InlineData(AdRequestStatus.Paid, Party.Sponsor, Party.Influencer, "counter", "This request is Paid; it can no longer be negotiated.")]
    [InlineData(AdRequestStatus.Pending, Party.Sponsor, Party.Sponsor, "counter", "The latest offer is yours; wait for the influencer's answer.")]
    [InlineData(AdRequestStatus.Pending, Party.Sponsor, Party.Influencer, "edit", "Only the sponsor can edit this offer.")]
    [InlineData(AdRequestStatus.Negotiating, Party.Influencer, Party.Sponsor, "edit", "This request is Negotiating; it can no longer be edited.")]
    [InlineData(AdRequestStatus.Pending, Party.Influencer, Party.Sponsor, "edit", "The influencer has answered; make a counter-offer instead.")]
    [InlineData(AdRequestStatus.Pending, Party.Sponsor, Party.Influencer, "withdraw", "Only the sponsor who sent this request can withdraw it.")]
    [InlineData(AdRequestStatus.Accepted, Party.Sponsor, Party.Sponsor, "withdraw", "This request is Accepted; it can no longer be withdrawn.")]
    [InlineData(AdRequestStatus.Accepted, Party.Sponsor, Party.Influencer, "cancel", "Only the sponsor can cancel this request.")]
    [InlineData(AdRequestStatus.Pending, Party.Sponsor, Party.Sponsor, "cancel", "This request is Pending; it can't be cancelled yet.")]
    [InlineData(AdRequestStatus.Paid, Party.Sponsor, Party.Sponsor, "cancel", "This request is Paid; it can no longer be cancelled.")]
    [InlineData(AdRequestStatus.Accepted, Party.Sponsor, Party.Influencer, "pay", "Only the sponsor can pay for this request.")]
    [InlineData(AdRequestStatus.Negotiating, Party.Sponsor, Party.Sponsor, "pay", "This request is Negotiating; it can't be paid yet.")]
    [InlineData(AdRequestStatus.Paid, Party.Sponsor, Party.Sponsor, "pay", "This request is Paid; it can no longer be paid.")]
    [InlineData(AdRequestStatus.Paid, Party.Sponsor, Party.Sponsor, "deliver", "Only the influencer can deliver this request.")]
    [InlineData(AdRequestStatus.Accepted, Party.Sponsor, Party.Influencer, "deliver", "This request is Accepted; it can't be delivered yet.")]
    [InlineData(AdRequestStatus.Paid, Party.Sponsor, Party.Influencer, "complete", "Only the sponsor can complete this request.")]
    [InlineData(AdRequestStatus.Paid, Party.Sponsor, Party.Sponsor, "complete", "The influencer hasn't delivered yet.")]
    [InlineData(AdRequestStatus.Completed, Party.Sponsor, Party.Sponsor, "complete", "This request is Completed; it can no longer be completed.")]
    [InlineData(AdRequestStatus.Paid, Party.Sponsor, Party.Sponsor, "review", "This request is Paid; it can't be reviewed yet.")]
    public void A_move_the_state_machine_does_not_allow_is_refused_with_its_reason(
        AdRequestStatus status, Party latestBy, Party by, string action, string expected)
    {
        var request = State(status, latestBy);

        Assert.Equal(expected, Check(action, request, by));
    }

    [Fact]
    public void An_answer_to_a_revision_that_is_no_longer_the_latest_is_refused()
    {
        var request = State(AdRequestStatus.Negotiating, Party.Sponsor);
        request.LatestRevision = 3;

        Assert.Equal("The request changed meanwhile; reload.", AdRequestRules.Accept.Refusal(request, new Move(Party.Influencer, SeenRevision: 2)));
        Assert.Equal("The request changed meanwhile; reload.", AdRequestRules.Counter.Refusal(request, new Move(Party.Influencer, SeenRevision: 2)));
        Assert.Null(AdRequestRules.Accept.Refusal(request, new Move(Party.Influencer, SeenRevision: 3)));
    }

    [Theory]
    [InlineData(AdRequestStatus.Pending, Party.Sponsor, Party.Influencer, new[] { AdRequestAction.Counter, AdRequestAction.Accept, AdRequestAction.Reject })]
    [InlineData(AdRequestStatus.Pending, Party.Sponsor, Party.Sponsor, new[] { AdRequestAction.Edit, AdRequestAction.Withdraw })]
    [InlineData(AdRequestStatus.Negotiating, Party.Influencer, Party.Sponsor, new[] { AdRequestAction.Counter, AdRequestAction.Accept, AdRequestAction.Reject, AdRequestAction.Withdraw })]
    [InlineData(AdRequestStatus.Accepted, Party.Influencer, Party.Sponsor, new[] { AdRequestAction.Cancel, AdRequestAction.Pay })]
    [InlineData(AdRequestStatus.Accepted, Party.Influencer, Party.Influencer, new AdRequestAction[0])]
    [InlineData(AdRequestStatus.Paid, Party.Influencer, Party.Influencer, new[] { AdRequestAction.Deliver })]
    [InlineData(AdRequestStatus.Completed, Party.Influencer, Party.Influencer, new[] { AdRequestAction.Review })]
    [InlineData(AdRequestStatus.Withdrawn, Party.Influencer, Party.Sponsor, new AdRequestAction[0])]
    public void The_actions_offered_to_a_side_are_exactly_those_the_rules_allow(
        AdRequestStatus status, Party latestBy, Party viewer, AdRequestAction[] expected)
    {
        Assert.Equal(expected.Order(), AdRequestRules.ActionsFor(State(status, latestBy), viewer, reviewed: false).Order());
    }

    [Theory]
    [InlineData(AdRequestStatus.Pending, Party.Sponsor, false, Party.Influencer)]
    [InlineData(AdRequestStatus.Negotiating, Party.Influencer, false, Party.Sponsor)]
    [InlineData(AdRequestStatus.Accepted, Party.Influencer, false, Party.Sponsor)]
    [InlineData(AdRequestStatus.Paid, Party.Sponsor, false, Party.Influencer)]
    [InlineData(AdRequestStatus.Paid, Party.Sponsor, true, Party.Sponsor)]
    [InlineData(AdRequestStatus.Completed, Party.Sponsor, true, null)]
    [InlineData(AdRequestStatus.Rejected, Party.Sponsor, false, null)]
    public void The_request_waits_for_the_side_that_must_act_next(AdRequestStatus status, Party latestBy, bool delivered, Party? expected)
    {
        Assert.Equal(expected, AdRequestRules.WaitingFor(status, latestBy, delivered ? TestClock.DefaultStart.UtcDateTime : null));
    }

    private static AdRequest State(AdRequestStatus status, Party latestBy) => new()
    {
        Id = 1,
        Status = status,
        InitiatedBy = Party.Sponsor,
        LatestBy = latestBy,
        LatestRevision = 1,
        PaymentCents = 10_000,
        Requirements = "One video",
    };

    private static string? Check(string action, AdRequest r, Party by)
    {
        var move = action switch
        {
            "accept" => AdRequestRules.Accept,
            "reject" => AdRequestRules.Reject,
            "counter" => AdRequestRules.Counter,
            "edit" => AdRequestRules.Edit,
            "withdraw" => AdRequestRules.Withdraw,
            "cancel" => AdRequestRules.Cancel,
            "pay" => AdRequestRules.Pay,
            "deliver" => AdRequestRules.Deliver,
            "complete" => AdRequestRules.Complete,
            "review" => AdRequestRules.Review,
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
        return move.Refusal(r, new Move(by, r.LatestRevision));
    }
}
