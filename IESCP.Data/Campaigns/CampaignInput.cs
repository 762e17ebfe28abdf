using System.ComponentModel.DataAnnotations;
using IESCP.Data.Catalog;

namespace IESCP.Data.Campaigns;

/// <summary>The campaign form, for creating and for editing.</summary>
public sealed class CampaignInput : IValidatableObject
{
    [Required, StringLength(100, MinimumLength = 3, ErrorMessage = "The name must be 3 to 100 characters long.")]
    [Display(Name = "Name")]
    public string Name { get; set; } = "";

    [StringLength(2000)]
    [Display(Name = "Description")]
    public string? Description { get; set; }

    [Display(Name = "Category")]
    public string Category { get; set; } = "";

    [Display(Name = "Niche")]
    public string Niche { get; set; } = "";

    /// <summary>How far back a campaign may start, and how far ahead it may end.</summary>
    public const int YearsBack = 2;

    public const int YearsAhead = 5;

    [Required(ErrorMessage = "Enter the start date as a real date, like 1 Mar 2027.")]
    [Display(Name = "Start date")]
    public DateOnly? StartDate { get; set; }

    [Required(ErrorMessage = "Enter the end date as a real date, like 31 Mar 2027.")]
    [Display(Name = "End date")]
    public DateOnly? EndDate { get; set; }

    [Range(typeof(decimal), "0.01", "1000000000", ErrorMessage = "The budget must be more than $0 and at most $1,000,000,000.")]
    [WholeCents]
    [Display(Name = "Budget")]
    public decimal Budget { get; set; }

    [EnumDataType(typeof(CampaignVisibility), ErrorMessage = "Choose public or private.")]
    [Display(Name = "Visibility")]
    public CampaignVisibility Visibility { get; set; } = CampaignVisibility.Public;

    [StringLength(1000)]
    [Display(Name = "Goals")]
    public string? Goals { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var clock = validationContext.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (StartDate < today.AddYears(-YearsBack))
        {
            yield return new ValidationResult($"The start date can't be more than {YearsBack} years ago.", [nameof(StartDate)]);
        }

        if (EndDate > today.AddYears(YearsAhead))
        {
            yield return new ValidationResult($"The end date can't be more than {YearsAhead} years ahead.", [nameof(EndDate)]);
        }
        else if (EndDate < StartDate)
        {
            yield return new ValidationResult("The end date can't be before the start date.", [nameof(EndDate)]);
        }

        foreach (var error in NicheChoice.Validate(Category, Niche, nameof(Category), nameof(Niche)))
        {
            yield return error;
        }
    }

    internal void ApplyTo(Campaign campaign)
    {
        campaign.Name = Name.Trim();
        campaign.Description = Description?.Trim() ?? "";
        campaign.Category = Category;
        campaign.Niche = Niche;
        campaign.StartDate = StartDate!.Value;
        campaign.EndDate = EndDate!.Value;
        campaign.BudgetCents = Money.ToCents(Budget);
        campaign.Visibility = Visibility;
        campaign.Goals = Goals?.Trim() ?? "";
    }
}
