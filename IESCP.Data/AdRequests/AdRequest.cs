using IESCP.Data.Campaigns;
using IESCP.Data.Influencers;
using IESCP.Data.Reviews;

namespace IESCP.Data.AdRequests;

/// <summary>The two sides of an ad request.</summary>
public enum Party
{
    Sponsor = 0,
    Influencer = 1,
}

public enum AdRequestStatus
{
    Pending = 0,
    Negotiating = 1,
    Accepted = 2,
    Rejected = 3,
    Withdrawn = 4,
    Cancelled = 5,
    Paid = 6,
    Completed = 7,

    /// <summary>Closed by the scheduler: the side whose turn it was did not answer in time (nothing was committed).</summary>
    Expired = 8,
}

public sealed class AdRequest : IAuditable
{
    public int Id { get; set; }

    public int CampaignId { get; set; }

    public Campaign? Campaign { get; set; }

    public int InfluencerId { get; set; }

    public Influencer? Influencer { get; set; }

    public Party InitiatedBy { get; set; }

    public AdRequestStatus Status { get; set; }

    /// <summary>The terms of the latest revision, copied here so lists need no join.</summary>
    public long PaymentCents { get; set; }

    public string Requirements { get; set; } = "";

    public int LatestRevision { get; set; }

    public Party LatestBy { get; set; }

    public string? DeliveryUrl { get; set; }

    public DateTime? DeliveredAt { get; set; }

    public DateTime? AcceptedAt { get; set; }

    public DateTime? PaidAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    /// <summary>Why a request was rejected or cancelled, shown to both sides.</summary>
    public string? ClosedReason { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<AdRequestRevision> Revisions { get; set; } = [];

    public Payment? Payment { get; set; }

    public List<Review> Reviews { get; set; } = [];
}
