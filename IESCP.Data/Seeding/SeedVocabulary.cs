namespace IESCP.Data.Seeding;

/// <summary>Words the generator combines into varied, plausible names and texts.</summary>
internal static class SeedVocabulary
{
    public static readonly string[] FirstNames =
    [
        "Ana", "Ben", "Chloe", "Daniel", "Elena", "Farah", "Gabriel", "Hana", "Ivan", "Jade", "Kenji", "Lena",
        "Mateo", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Samir", "Tara", "Umar", "Vera", "Wei", "Xenia",
        "Yusuf", "Zoe", "Aiden", "Bianca", "Carlos", "Dana", "Ethan", "Fiona", "Grace", "Hugo", "Isla", "Jonas",
        "Kira", "Liam", "Maya", "Noah", "Olivia", "Pablo", "Rania", "Sofia", "Theo", "Uma", "Victor", "Willa",
    ];

    public static readonly string[] LastNames =
    [
        "Pereira", "Anderson", "Kowalski", "Nakamura", "Okafor", "Schmidt", "Rossi", "Haddad", "Ivanova", "Moreau",
        "Lindqvist", "Santos", "Chen", "Patel", "Garcia", "Müller", "O'Brien", "Novak", "Dubois", "Kim", "Nguyen",
        "Silva", "Jensen", "Hernandez", "Costa", "Fischer", "Yamamoto", "Adeyemi", "Petrov", "Lopez", "Bakker", "Reyes",
    ];

    public static readonly string[] CompanyWords =
    [
        "Blue", "North", "Bright", "Urban", "Green", "Silver", "Pixel", "Summit", "Harbor", "Atlas", "Nova", "Cedar",
        "Echo", "Lumen", "Orbit", "Maple", "Vertex", "Coral", "Zen", "Peak",
    ];

    public static readonly string[] CompanyKinds = ["Labs", "Goods", "Studio", "Foods", "Wear", "Tech", "Co", "Brands", "Collective", "Works"];

    public static readonly string[] Industries = ["Retail", "Consumer Tech", "Food & Beverage", "Apparel", "Cosmetics", "Travel", "Finance", "Education", "Gaming", "Health"];

    public static readonly string[] Occasions =
    [
        "Summer", "Winter", "Spring", "Autumn", "Holiday", "Back to School", "Black Friday", "New Year", "Launch", "Anniversary",
    ];

    public static readonly string[] CampaignKinds = ["Launch", "Drive", "Challenge", "Takeover", "Series", "Giveaway", "Showcase", "Campaign"];

    public static readonly string[] Goals =
    [
        "reach new audiences", "launch a new product line", "grow our community", "drive sign-ups",
        "build awareness before the season", "show real people using our products",
    ];

    public static readonly string[] Platforms = ["Instagram", "YouTube", "TikTok", "Twitch", "X", "Pinterest", "Podcast", "Blog"];

    public static readonly string[] ReviewTexts =
    [
        "Great to work with, delivered on time.", "Clear communication and strong content.", "Good results, would book again.",
        "Solid work, a few delays.", "Content was fine but engagement was low.", "Missed the brief on the first try.",
    ];

    public static readonly string[] CardBrands = ["Visa", "Mastercard", "Amex"];

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>exp(N(mu, sigma)): a few huge values and many small ones, as follower counts and budgets are.</summary>
    public static double LogNormal(this Random random, double median, double sigma)
    {
        var gaussian = Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
        return median * Math.Exp(sigma * gaussian);
    }

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;
}
