using System.Globalization;

namespace IESCP.Web.Components.Shared;

/// <summary>A count with its noun in the right number: "1 campaign", "8,685 campaigns", "0 reviews".</summary>
public static class Counted
{
    public static string Of(long count, string one, string? many = null) =>
        count.ToString("N0", CultureInfo.CurrentCulture) + " " + (count == 1 ? one : many ?? one + "s");
}
