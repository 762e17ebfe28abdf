using System.ComponentModel.DataAnnotations;
using IESCP.Data.Catalog;

namespace IESCP.Data.Influencers;

/// <summary>The influencer's own profile form.</summary>
public sealed class ProfileInput : IValidatableObject
{
    [Required, StringLength(100, MinimumLength = 2)]
    [Display(Name = "Name")]
    public string Name { get; set; } = "";

    [Display(Name = "Category")]
    public string Category { get; set; } = "";

    [Display(Name = "Niche")]
    public string Niche { get; set; } = "";

    [FollowerCount]
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
