using System.Globalization;
using IESCP.Data.Catalog;

namespace IESCP.Web.Commands;

/// <summary>
/// The searches the bench sends. "Varying" ones never repeat (a follower minimum or a budget
/// maximum that differs in every request), so none is answered from the cache: they measure the
/// queries. "Warm" ones cycle through a small set that is read once before the run.
/// </summary>
internal static class BenchWorkloads
{
    public const int WarmSetSize = 32;

    // Words of the generated campaigns' names and descriptions.
    private static readonly string[] CampaignWords =
    [
        "summer", "winter", "launch", "holiday", "series", "giveaway", "community", "sign-ups", "awareness", "product line",
        "peak", "nova", "atlas", "harbor", "pixel", "echo", "showcase", "challenge", "real people", "new audiences",
    ];

    /// <summary>Influencer search by niche and a minimum of followers, as the API takes it.</summary>
    public static string InfluencerApi(int n) => string.Create(CultureInfo.InvariantCulture,
        $"/api/v1/influencers?niche={Uri.EscapeDataString(Niche(n))}&minFollowers={Followers(n)}&page={n % 3 + 1}");

    /// <summary>The same search as a page (its query names differ: min, not minFollowers).</summary>
    public static string InfluencerPage(int n) => string.Create(CultureInfo.InvariantCulture,
        $"/sponsor/influencers?niche={Uri.EscapeDataString(Niche(n))}&min={Followers(n)}&page={n % 3 + 1}");

    /// <summary>Campaign search by text and a maximum budget.</summary>
    public static string CampaignApi(int n) => string.Create(CultureInfo.InvariantCulture,
        $"/api/v1/campaigns?q={Uri.EscapeDataString(Word(n))}&maxBudget={Budget(n)}&page={n % 2 + 1}");

    public static string CampaignPage(int n) => string.Create(CultureInfo.InvariantCulture,
        $"/influencer/campaigns?q={Uri.EscapeDataString(Word(n))}&maxBudget={Budget(n)}&page={n % 2 + 1}");

    /// <summary>Request n of a warm run: one of the first <see cref="WarmSetSize"/> of a workload, over and over.</summary>
    public static Func<int, string> Warm(Func<int, string> workload) => n => workload(n % WarmSetSize);

    /// <summary>
    /// Request n of a varying run, offset so that it repeats no earlier run's request either (a run
    /// sends far fewer than a million; each second of a warm-up is a run of its own).
    /// </summary>
    public static Func<int, string> Varying(Func<int, string> workload, int run) => n => workload(WarmSetSize + run * 1_000_000 + n);

    private static string Niche(int n) => Niches.All[n % Niches.All.Count];

    // 1,000 to about 1,000,000 followers; unique per request beyond the warm set.
    private static long Followers(int n) => 1_000 + (n * 7_919L % 999_983);

    private static string Word(int n) => CampaignWords[n % CampaignWords.Length];

    // $1,000.00 to about $100,000, in cents, unique per request beyond the warm set.
    private static decimal Budget(int n) => (100_000 + (n * 104_729L % 9_999_991)) / 100m;
}
