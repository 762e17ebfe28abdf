namespace IESCP.Data;

/// <summary>
/// What any text a person types may hold: every script, emoji and symbol, tabs and line breaks;
/// but no other control characters (invisible, and some terminals and spreadsheets act on them)
/// and no half of a character (a lone surrogate, which storing as UTF-8 would silently turn into "�").
/// </summary>
public static class PlainText
{
    public const string Refusal = "Remove the control characters or broken symbols from this text.";

    public static bool IsClean(string? text)
    {
        if (text is null)
        {
            return true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || (char.IsControl(c) && c is not ('\t' or '\r' or '\n')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The refusal of every text property of <paramref name="input"/> that is not clean, by property name.</summary>
    internal static IEnumerable<(string Field, string Message)> Problems(object input) =>
        input.GetType().GetProperties()
            .Where(p => p.PropertyType == typeof(string) && p.CanRead && p.GetIndexParameters().Length == 0 && !IsClean((string?)p.GetValue(input)))
            .Select(p => (p.Name, Refusal));
}
