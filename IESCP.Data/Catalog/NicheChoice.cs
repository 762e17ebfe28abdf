using System.ComponentModel.DataAnnotations;

namespace IESCP.Data.Catalog;

/// <summary>The rule every form with a category and a niche shares: a listed category, and a niche of it.</summary>
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
