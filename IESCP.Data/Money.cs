using System.Globalization;

namespace IESCP.Data;

/// <summary>Amounts are stored as whole cents so sums and comparisons stay exact in SQL.</summary>
public static class Money
{
    public static long ToCents(decimal amount) => (long)decimal.Round(amount * 100m, MidpointRounding.AwayFromZero);

    public static decimal FromCents(long cents) => cents / 100m;

    public static string Format(long cents) => FromCents(cents).ToString("C2", CultureInfo.GetCultureInfo("en-US"));
}
