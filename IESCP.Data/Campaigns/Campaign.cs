using IESCP.Data.Sponsors;

namespace IESCP.Data.Campaigns;

public enum CampaignVisibility
{
    Public = 0,
    Private = 1,
}

public sealed class Campaign : IAuditable
{
    public int Id { get; set; }

    public int SponsorId { get; set; }

    public Sponsor? Sponsor { get; set; }

    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public string Category { get; set; } = "";

    public string Niche { get; set; } = "";

    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    public long BudgetCents { get; set; }

    public CampaignVisibility Visibility { get; set; }

    public string Goals { get; set; } = "";

    /// <summary>Set by an admin; a flagged campaign is hidden from search and takes no new requests or acceptances.</summary>
    public bool IsFlagged { get; set; }

    /// <summary>Why an admin flagged it, shown to its sponsor.</summary>
    public string? FlagReason { get; set; }

    /// <summary>Campaigns are never removed: their requests, payments and reviews stay readable.</summary>
    public DateTime? DeletedAt { get; set; }

    /// <summary>
    /// Sum of the payments of its Accepted, Paid and Completed requests, kept in the same
    /// transaction as each change so a conditional update can refuse to overspend.
    /// </summary>
    public long CommittedCents { get; set; }

    /// <summary>Sum of the payments of its Paid and Completed requests.</summary>
    public long SpentCents { get; set; }

    /// <summary>
    /// Whether influencers can find it: public, not flagged or deleted, from an approved sponsor whose
    /// account is neither flagged nor removed. Kept by database triggers on the campaign, its sponsor
    /// and the sponsor's account, so every writer keeps it true; the application never writes it.
    /// </summary>
    public bool IsListed { get; private set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
