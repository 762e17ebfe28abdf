namespace IESCP.Data.Catalog;

/// <summary>
/// The one list of categories and their niches used by profiles, campaigns and search alike.
/// </summary>
public static class Niches
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> ByCategory =
        new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["Beauty"] = ["Makeup", "Skincare", "Haircare", "Fragrance"],
            ["Education"] = ["Languages", "Science", "Study Tips", "Career"],
            ["Fashion"] = ["Streetwear", "Luxury", "Sustainable Fashion", "Menswear"],
            ["Finance"] = ["Personal Finance", "Investing", "Crypto", "Real Estate"],
            ["Fitness"] = ["Yoga", "Bodybuilding", "Running", "Home Workouts"],
            ["Food"] = ["Recipes", "Vegan", "Restaurants", "Baking"],
            ["Gaming"] = ["Esports", "Mobile Games", "Retro Games", "Game Reviews"],
            ["Lifestyle"] = ["Minimalism", "Home Decor", "Parenting", "Pets"],
            ["Music"] = ["Pop", "Hip Hop", "Indie", "Classical"],
            ["Technology"] = ["Smartphones", "Software", "AI", "Gadgets"],
            ["Travel"] = ["Budget Travel", "Luxury Travel", "Adventure", "Van Life"],
        };

    public static IReadOnlyList<string> Categories { get; } = [.. ByCategory.Keys];

    public static IReadOnlyList<string> All { get; } = [.. ByCategory.Values.SelectMany(n => n)];

    public static bool IsCategory(string? category) => category is not null && ByCategory.ContainsKey(category);

    public static bool IsNiche(string? niche) => niche is not null && All.Contains(niche, StringComparer.Ordinal);

    public static bool Belongs(string? niche, string? category) =>
        category is not null && niche is not null
        && ByCategory.TryGetValue(category, out var niches) && niches.Contains(niche, StringComparer.Ordinal);

    public static string CategoryOf(string niche) =>
        ByCategory.First(pair => pair.Value.Contains(niche, StringComparer.Ordinal)).Key;
}
