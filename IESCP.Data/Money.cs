using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace IESCP.Data;

/// <summary>Amounts are stored as whole cents so sums and comparisons stay exact in SQL.</summary>
public static class Money
{
    public static long ToCents(decimal amount) => (long)decimal.Round(amount * 100m, MidpointRounding.AwayFromZero);

    public static decimal FromCents(long cents) => cents / 100m;

    public static string Format(long cents) => FromCents(cents).ToString("C2", CultureInfo.GetCultureInfo("en-US"));
}

/// <summary>An amount in dollars and cents: refused with more than two decimals, instead of rounded away.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WholeCentsAttribute : ValidationAttribute
{
    public WholeCentsAttribute() => ErrorMessage = "Amounts are in dollars and cents: at most two decimals.";

    public override bool IsValid(object? value) => value is not decimal amount || decimal.Round(amount, 2) == amount;
}
