using IESCP.Data.Identity;
using IESCP.Data.Search;

namespace IESCP.Data.Influencers;

public sealed class Influencer : IAuditable
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public ApplicationUser? User { get; set; }

    public string Name { get; set; } = "";

    public string Category { get; set; } = "";

    public string Niche { get; set; } = "";

    private long followers;

    /// <summary>Total followers across platforms: the influencer's reach. Setting it keeps <see cref="ReachScore"/> in step.</summary>
    public long Followers
    {
        get => followers;
        set
        {
            followers = value;
            ReachScore = Relevance.Reach(value);
        }
    }

    /// <summary>
    /// The reach part of relevance, computed here in C# and stored: a logarithm evaluated by SQLite
    /// differs between SQLite builds, so an index over it would not match what another tool computes.
    /// </summary>
    public double ReachScore { get; private set; }

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

    /// <summary>The Bayesian average rating, computed by the database so that sorting by rating reads an index.</summary>
    public double RatingScore { get; private set; }

    /// <summary>
    /// Whether search shows this influencer: false while its account is flagged or removed. Kept by
    /// database triggers on the account, so every writer (the admin's moderation, a hand-typed
    /// UPDATE) keeps it true; the application never writes it.
    /// </summary>
    public bool IsListed { get; private set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
