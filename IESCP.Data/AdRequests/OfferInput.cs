using System.ComponentModel.DataAnnotations;

namespace IESCP.Data.AdRequests;

/// <summary>Terms of an offer: the opening request, an edit, or a counter-offer.</summary>
public sealed class OfferInput
{
    [Range(typeof(decimal), "0.01", "100000000", ErrorMessage = "The payment must be more than $0 and at most $100,000,000.")]
    [WholeCents]
    [Display(Name = "Payment")]
    public decimal Payment { get; set; }

    [Required(ErrorMessage = "Say what is to be delivered.")]
    [StringLength(2000)]
    [Display(Name = "Requirements")]
    public string Requirements { get; set; } = "";

    [StringLength(1000)]
    [Display(Name = "Message")]
    public string? Message { get; set; }

    internal long PaymentCents => Money.ToCents(Payment);

    internal string TrimmedRequirements => Requirements.Trim();

    internal string TrimmedMessage => Message?.Trim() ?? "";

    internal AdRequestRevision ToRevision(int number, Party by, string authorUserId, DateTime now) => new()
    {
        Number = number,
        By = by,
        AuthorUserId = authorUserId,
        PaymentCents = PaymentCents,
        Requirements = TrimmedRequirements,
        Message = TrimmedMessage,
        CreatedAt = now,
    };
}
