using IESCP.Data.Identity;

namespace IESCP.Data.Influencers;

public sealed class Influencer : IAuditable
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public ApplicationUser? User { get; set; }

    public string Name { get; set; } = "";

    public string Category { get; set; } = "";

    public string Niche { get; set; } = "";

    /// <summary>Total followers across platforms: the influencer's reach.</summary>
    public long Followers { get; set; }

    public string Platforms { get; set; } = "";

    public string Bio { get; set; } = "";

    // Kept by the ad request and review commands in the same transactions, for relevance ranking:
    // every request the influencer takes part in (either side opened it), how many of those
    // reached Accepted and Completed, and the ratings sponsors gave.
    public int RequestsReceived { get; set; }

    public int RequestsAccepted { get; set; }

    public int RequestsCompleted { get; set; }

    public int RatingSum { get; set; }

    public int RatingCount { get; set; }

    /// <summary>Reach, track record and rating: the part of search relevance that is the same for every search; computed by the database.</summary>
    public double ProfileScore { get; private set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
