using System.ComponentModel.DataAnnotations;

namespace IESCP.Data.Reviews;

public sealed class ReviewInput
{
    [Range(1, 5, ErrorMessage = "Choose a rating from 1 to 5 stars.")]
    [Display(Name = "Rating")]
    public int Rating { get; set; }

    [StringLength(1000)]
    [Display(Name = "Review")]
    public string? Text { get; set; }
}
