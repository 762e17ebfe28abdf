using System.ComponentModel.DataAnnotations;

namespace IESCP.Data.Catalog;

/// <summary>
/// The rule every form with a category and a niche shares (sign-up, profile, campaign): a
/// listed category, and a niche of it. It also covers leaving either empty.
/// </summary>
public static class NicheChoice
{
    public static IEnumerable<ValidationResult> Validate(string? category, string? niche, string categoryField = "Category", string nicheField = "Niche")
    {
        if (!Niches.IsCategory(category))
        {
            yield return new ValidationResult("Choose a category from the list.", [categoryField]);
        }
        else if (!Niches.Belongs(niche, category))
        {
            yield return new ValidationResult($"Choose a niche of {category}.", [nicheField]);
        }
    }
}

/// <summary>An influencer's reach: a whole number of followers, from none to the world's population.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class FollowerCountAttribute : RangeAttribute
{
    public const long Max = 5_000_000_000;

    public FollowerCountAttribute() : base(0, Max) => ErrorMessage = "Followers must be between 0 and 5,000,000,000.";
}
