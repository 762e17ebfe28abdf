using System.ComponentModel.DataAnnotations;
using IESCP.Data.Catalog;
using IESCP.Data.Sponsors;

namespace IESCP.Data.Identity;

/// <summary>What every sign-up form asks for.</summary>
public abstract class Registration : IValidatableObject
{
    [Required, EmailAddress, StringLength(256)]
    [Display(Name = "Email")]
    public string Email { get; set; } = "";

    [Required, StringLength(100, MinimumLength = 8, ErrorMessage = "The password must be at least 8 characters long.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string Password { get; set; } = "";

    [Required]
    [DataType(DataType.Password)]
    [Display(Name = "Confirm password")]
    [Compare(nameof(Password), ErrorMessage = "The passwords do not match.")]
    public string ConfirmPassword { get; set; } = "";

    [Required, StringLength(100, MinimumLength = 2)]
    [Display(Name = "Name")]
    public string Name { get; set; } = "";

    public virtual IEnumerable<ValidationResult> Validate(ValidationContext validationContext) => [];
}

public sealed class SponsorRegistration : Registration
{
    [EnumDataType(typeof(SponsorKind), ErrorMessage = "Choose company or individual.")]
    [Display(Name = "Company or individual")]
    public SponsorKind Kind { get; set; } = SponsorKind.Company;

    [Required, StringLength(60, MinimumLength = 2)]
    [Display(Name = "Industry")]
    public string Industry { get; set; } = "";

    [Range(typeof(decimal), "0", "1000000000", ErrorMessage = "The budget must be between 0 and 1,000,000,000.")]
    [WholeCents]
    [Display(Name = "Marketing budget")]
    public decimal Budget { get; set; }
}

public sealed class InfluencerRegistration : Registration
{
    [Display(Name = "Category")]
    public string Category { get; set; } = "";

    [Display(Name = "Niche")]
    public string Niche { get; set; } = "";

    [FollowerCount]
    [Display(Name = "Followers")]
    public long Followers { get; set; }

    public override IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        NicheChoice.Validate(Category, Niche, nameof(Category), nameof(Niche));
}
