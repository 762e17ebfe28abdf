using System.Linq.Expressions;

namespace IESCP.Data.Campaigns;

/// <summary>What a campaign must be for new requests and commitments, each rule written once.</summary>
internal static class CampaignRules
{
    public const string FlaggedNoRequests = "This campaign is flagged for review; it can't take new requests.";

    /// <summary>Whether the campaign can hold <c>amount</c> cents more: live and with that much budget left.</summary>
    private static readonly RuleSet<Campaign, long> Commit = new(
        new((c, _) => c.DeletedAt == null, (_, _) => "The campaign was deleted; its requests can no longer be accepted."),
        new((c, _) => !c.IsFlagged, (_, _) => "This campaign is flagged for review; it can't take new commitments."),
        new((c, amount) => c.BudgetCents - c.CommittedCents >= amount,
            (c, _) => $"Not enough budget left: {Money.Format(c.BudgetCents - c.CommittedCents)} available."));

    public static Expression<Func<Campaign, bool>> CanCommit(long amount) => Commit.Guard(amount);

    public static string WhyNotCommitted(Campaign campaign, long amount) =>
        Commit.Refusal(campaign, amount) ?? "The campaign changed meanwhile; reload.";
}
