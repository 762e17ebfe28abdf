using System.Globalization;

namespace IESCP.Data.Search;

/// <summary>An influencer's relevance to one search, in the parts a sponsor is shown.</summary>
public sealed record ScoreBreakdown(double NicheMatch, double Reach, double TrackRecord, double Rating)
{
    public double Total => NicheMatch + Reach + TrackRecord + Rating;

    public string Explain() => string.Create(CultureInfo.InvariantCulture,
        $"Niche match {NicheMatch:0} · Reach {Reach:0.0} · Track record {TrackRecord:0.0} · Rating {Rating:0.0}");
}

/// <summary>
/// The relevance formula. Reach, track record and rating do not depend on the search, so their
/// sum is kept as the computed column Influencers.ProfileScore (<see cref="ProfileScoreSql"/>)
/// and only the niche match is added per query.
/// </summary>
public static class Relevance
{
    public const double NicheMatchPoints = 40;
    public const double CategoryMatchPoints = 20;
    public const double ReachPoints = 25;
    public const double TrackRecordPoints = 20;
    public const double RatingPoints = 15;

    // Full reach at 10^7 followers; log-scaled so 10k vs 100k matters as much as 1M vs 10M.
    private const double FullReachDigits = 7;

    // Each rate starts as if it had 5 earlier outcomes at 50 %, so 1 of 1 (58 %) ranks below 95 of 100 (93 %).
    private const double PriorOutcomes = 5;
    private const double PriorRate = 0.5;

    // A Bayesian average: 5 phantom ratings of 3 stars pull thin records to the middle.
    private const double PriorRatings = 5;
    private const double PriorStars = 3;

    /// <summary>
    /// The same sum as <see cref="ProfileScore"/>, evaluated by SQLite for every row. A virtual column
    /// with an index: SQLite keeps the index current on every insert and counter update, so the
    /// ad request and review commands need not know about ranking, and an unfiltered relevance
    /// sort reads the index in order instead of scoring and sorting every influencer per page.
    /// Only exactly rounded arithmetic (+, *, /) is left to SQLite, so every SQLite build computes
    /// the same value and agrees with the index; the logarithm of reach is computed once in C#
    /// and stored (Influencers.ReachScore). A test proves it equals the C# formula.
    /// </summary>
    public const string ProfileScoreSql =
        "\"ReachScore\""
        + " + 10.0 * (\"RequestsAccepted\" + 2.5) / (\"RequestsReceived\" + 5.0)"
        + " + 10.0 * (\"RequestsCompleted\" + 2.5) / (\"RequestsAccepted\" + 5.0)"
        + " + 15.0 * ((\"RatingSum\" + 15.0) / (\"RatingCount\" + 5.0) - 1.0) / 4.0";

    /// <summary>The Bayesian average rating (<see cref="BayesianRating"/>) as SQL, for the indexed column Influencers.RatingScore.</summary>
    public const string RatingScoreSql = "(\"RatingSum\" + 15.0) / (\"RatingCount\" + 5.0)";

    public static double Reach(long followers) =>
        ReachPoints * Math.Min(1.0, Math.Log10(followers + 1) / FullReachDigits);

    public static double TrackRecord(int received, int accepted, int completed) =>
        TrackRecordPoints / 2 * WithPrior(accepted, received) + TrackRecordPoints / 2 * WithPrior(completed, accepted);

    public static double Rating(int ratingSum, int ratingCount) =>
        RatingPoints * ((ratingSum + PriorRatings * PriorStars) / (ratingCount + PriorRatings) - 1.0) / 4.0;

    public static double ProfileScore(long followers, int received, int accepted, int completed, int ratingSum, int ratingCount) =>
        Reach(followers) + TrackRecord(received, accepted, completed) + Rating(ratingSum, ratingCount);

    /// <summary>The rating part before scaling (what <see cref="RatingScoreSql"/> computes), for sorting by rating.</summary>
    public static double BayesianRating(int ratingSum, int ratingCount) =>
        (ratingSum + PriorRatings * PriorStars) / (ratingCount + PriorRatings);

    public static double NicheMatch(string niche, string category, string? searchedNiche, string? searchedCategory) =>
        searchedNiche is not null && niche == searchedNiche ? NicheMatchPoints
        : searchedCategory is not null && category == searchedCategory ? CategoryMatchPoints
        : 0;

    private static double WithPrior(int successes, int trials) =>
        (successes + PriorOutcomes * PriorRate) / (trials + PriorOutcomes);
}
