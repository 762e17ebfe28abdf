using System.Globalization;

namespace IESCP.Web.Components.Shared;

/// <summary>
/// Numbers as people type them in this app: digits with the usual separators, a leading sign, a
/// currency symbol, in the invariant or the current culture; never exponents, never dropped letters.
/// </summary>
public static class StrictNumbers
{
    private const NumberStyles Amount = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign
        | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint | NumberStyles.AllowCurrencySymbol;

    private const NumberStyles Whole = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign
        | NumberStyles.AllowThousands;

    public static bool TryParse(string text, Type type, out object number)
    {
        number = 0;
        foreach (var culture in new[] { CultureInfo.CurrentCulture, CultureInfo.InvariantCulture })
        {
            if (type == typeof(decimal) && decimal.TryParse(text, Amount, culture, out var amount))
            {
                number = amount;
                return true;
            }

            if (type == typeof(long) && long.TryParse(text, Whole, culture, out var count))
            {
                number = count;
                return true;
            }

            if (type == typeof(int) && int.TryParse(text, Whole, culture, out var small))
            {
                number = small;
                return true;
            }
        }

        return false;
    }
}
