using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace IESCP.Data.AdRequests;

/// <summary>
/// The simulated card form. It is checked as a real one would be (Luhn, expiry, code) but only
/// the brand and last four digits are ever stored.
/// </summary>
public sealed class PaymentInput : IValidatableObject
{
    [Required(ErrorMessage = "Enter the name on the card."), StringLength(100)]
    [Display(Name = "Name on card")]
    public string CardHolder { get; set; } = "";

    [Required(ErrorMessage = "Enter the card number.")]
    [Display(Name = "Card number")]
    public string CardNumber { get; set; } = "";

    [Required(ErrorMessage = "Enter the expiry date.")]
    [RegularExpression(@"^\s*(0[1-9]|1[0-2])\s*/\s*\d{2}\s*$", ErrorMessage = "Enter the expiry as MM/YY.")]
    [Display(Name = "Expiry (MM/YY)")]
    public string Expiry { get; set; } = "";

    [Required(ErrorMessage = "Enter the security code.")]
    [RegularExpression(@"^\d{3,4}$", ErrorMessage = "The security code is 3 or 4 digits.")]
    [Display(Name = "Security code")]
    public string Cvc { get; set; } = "";

    internal string Digits => new([.. CardNumber.Where(char.IsAsciiDigit)]);

    internal string Last4 => Digits[^4..];

    internal string Brand => Digits switch
    {
        ['4', ..] => "Visa",
        ['3', '4' or '7', ..] => "American Express",
        ['5', >= '1' and <= '5', ..] => "Mastercard",
        ['2', >= '2' and <= '7', ..] => "Mastercard",
        ['6', '0', '1', '1', ..] or ['6', '5', ..] => "Discover",
        _ => "Card",
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(CardNumber) && !IsCardNumber(CardNumber))
        {
            yield return new ValidationResult("Enter a valid card number.", [nameof(CardNumber)]);
        }

        var parts = (Expiry ?? "").Split('/', StringSplitOptions.TrimEntries);
        if (parts.Length == 2
            && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var month)
            && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var year))
        {
            var clock = validationContext.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
            var today = clock.GetUtcNow().UtcDateTime;
            // A card is valid through the last day of its expiry month.
            if ((2000 + year) * 12 + month < today.Year * 12 + today.Month)
            {
                yield return new ValidationResult("This card has expired.", [nameof(Expiry)]);
            }
        }
    }

    /// <summary>13 to 19 digits (spaces and dashes allowed) that pass the Luhn check.</summary>
    public static bool IsCardNumber(string number)
    {
        if (number.Any(c => !char.IsAsciiDigit(c) && c is not ' ' and not '-'))
        {
            return false;
        }

        var digits = number.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
        if (digits.Length is < 13 or > 19)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i];
            if (i % 2 == 1)
            {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }

            sum += d;
        }

        return sum % 10 == 0;
    }
}
