using IESCP.Data.Campaigns;

namespace IESCP.Data.Search;

public enum CampaignSearchSort
{
    Newest = 0,
    EndingSoon = 1,
    Budget = 2,
}

/// <summary>An influencer's search of listed campaigns; budgets are in dollars as typed.</summary>
public sealed record CampaignSearchQuery
{
    public string? Text { get; init; }

    public string? Category { get; init; }

    public string? Niche { get; init; }

    public decimal? MinBudget { get; init; }

    public decimal? MaxBudget { get; init; }

    public CampaignSearchSort Sort { get; init; }

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;
}

public sealed record CampaignSearchItem(
    int Id,
    string Name,
    string SponsorName,
    string Category,
    string Niche,
    DateOnly StartDate,
    DateOnly EndDate,
    long BudgetCents,
    long AvailableCents);

public sealed record ListedCampaign(
    int Id,
    string Name,
    string Description,
    string Goals,
    string SponsorName,
    string Category,
    string Niche,
    DateOnly StartDate,
    DateOnly EndDate,
    long BudgetCents,
    long AvailableCents,
    CampaignVisibility Visibility);
