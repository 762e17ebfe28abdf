using System.ComponentModel.DataAnnotations;
using IESCP.Data.Catalog;

namespace IESCP.Data.Influencers;

/// <summary>The influencer's own profile form.</summary>
public sealed class ProfileInput : IValidatableObject
{
    [Required, StringLength(100, MinimumLength = 2)]
    [Display(Name = "Name")]
    public string Name { get; set; } = "";

    [Required]
    [Display(Name = "Category")]
    public string Category { get; set; } = "";

    [Required]
    [Display(Name = "Niche")]
    public string Niche { get; set; } = "";

    [Range(0, 5_000_000_000, ErrorMessage = "Followers must be between 0 and 5,000,000,000.")]
    [Display(Name = "Followers")]
    public long Followers { get; set; }

    [StringLength(300)]
    [Display(Name = "Platforms and handles")]
    public string Platforms { get; set; } = "";

    [StringLength(2000)]
    [Display(Name = "Bio")]
    public string Bio { get; set; } = "";

    public static ProfileInput From(InfluencerProfile profile) => new()
    {
        Name = profile.Name,
        Category = profile.Category,
        Niche = profile.Niche,
        Followers = profile.Followers,
        Platforms = profile.Platforms,
        Bio = profile.Bio,
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        NicheChoice.Validate(Category, Niche, nameof(Category), nameof(Niche));
}
