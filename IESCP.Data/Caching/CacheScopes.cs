namespace IESCP.Data.Caching;

/// <summary>
/// What cached reads depend on. Every cached entry lives under one scope's current version stamp;
/// a write that changes what a scope's entries show bumps the stamp after it commits
/// (<see cref="ReadCache.BumpAsync"/>), so the next read finds no entry and loads the new data.
/// </summary>
public static class CacheScopes
{
    /// <summary>Influencer search results and public profiles: names, niches, followers, counters, ratings, reviews, listing.</summary>
    public const string Influencers = "influencers";

    /// <summary>Campaign search results and listed campaign pages: campaigns, their budgets left, their sponsors' standing.</summary>
    public const string Campaigns = "campaigns";

    /// <summary>The admin's platform statistics: any count of users, campaigns, requests or money.</summary>
    public const string Statistics = "statistics";

    public static readonly IReadOnlyList<string> All = [Influencers, Campaigns, Statistics];
}
