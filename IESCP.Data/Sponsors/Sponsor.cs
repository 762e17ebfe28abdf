using IESCP.Data.Identity;

namespace IESCP.Data.Sponsors;

public enum SponsorKind
{
    Company = 0,
    Individual = 1,
}

public enum ApprovalStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
}

public sealed class Sponsor : IAuditable
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public ApplicationUser? User { get; set; }

    public string Name { get; set; } = "";

    public SponsorKind Kind { get; set; }

    public string Industry { get; set; } = "";

    /// <summary>The sponsor's overall marketing budget, in cents.</summary>
    public long BudgetCents { get; set; }

    public ApprovalStatus Status { get; set; }

    public DateTime? DecidedAt { get; set; }

    /// <summary>Why an admin rejected the sign-up, shown to the sponsor.</summary>
    public string? DecisionReason { get; set; }

    /// <summary>Ratings influencers gave this sponsor, kept by the review command.</summary>
    public int RatingSum { get; set; }

    public int RatingCount { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
