using IESCP.Data.AdRequests;

namespace IESCP.Data.Campaigns;

public enum CampaignPhase
{
    Upcoming = 0,
    Current = 1,
    Ended = 2,
}

public enum CampaignSort
{
    Created = 0,
    Name = 1,
    Start = 2,
    End = 3,
    Budget = 4,
}

/// <summary>Committed: accepted, paid and completed requests. Spent: paid and completed.</summary>
public sealed record CampaignLedger(decimal Budget, decimal Committed, decimal Spent)
{
    public decimal Available => Budget - Committed;

    internal static CampaignLedger FromCents(long budget, long committed, long spent) =>
        new(Money.FromCents(budget), Money.FromCents(committed), Money.FromCents(spent));
}

/// <summary>Filters, order and page of a sponsor's campaign list; every filter is optional.</summary>
public sealed record CampaignListQuery(
    string? Text = null,
    string? Niche = null,
    CampaignVisibility? Visibility = null,
    CampaignPhase? Phase = null,
    CampaignSort Sort = CampaignSort.Created,
    bool Descending = true,
    int Page = 1,
    int PageSize = 20);

public sealed record CampaignSummary(
    int Id, string Name, string Category, string Niche, DateOnly StartDate, DateOnly EndDate,
    CampaignVisibility Visibility, bool IsFlagged, CampaignPhase Phase, CampaignLedger Ledger, DateTime CreatedAt);

public sealed record CampaignDetail(
    int Id, string Name, string Description, string Category, string Niche, DateOnly StartDate, DateOnly EndDate,
    CampaignVisibility Visibility, string Goals, bool IsFlagged, string? FlagReason, CampaignPhase Phase, CampaignLedger Ledger,
    IReadOnlyList<CampaignRequest> Requests);

/// <summary>One ad request of a campaign, as its sponsor sees it in the campaign's page.</summary>
public sealed record CampaignRequest(
    int Id, int InfluencerId, string InfluencerName, AdRequestStatus Status, decimal Payment,
    int LatestRevision, Party LatestBy, Party InitiatedBy, DateTime UpdatedAt);

/// <summary>A campaign as a sponsor picks it from a list.</summary>
public sealed record CampaignChoice(int Id, string Name);
