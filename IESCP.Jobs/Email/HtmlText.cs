using System.Net;
using System.Text.RegularExpressions;

namespace IESCP.Jobs.Email;

/// <summary>
/// The plain-text part of an email, derived from its HTML so the two never say different
/// things: blocks become lines, list items get a dash, links keep their address in brackets.
/// Written for the markup of our own email components, not for arbitrary HTML.
/// </summary>
public static partial class HtmlText
{
    public static string From(string html)
    {
        var text = Invisible().Replace(html, "");
        text = Link().Replace(text, m =>
        {
            var label = Tag().Replace(m.Groups["label"].Value, "").Trim();
            var href = WebUtility.HtmlDecode(m.Groups["href"].Value);
            return label.Length == 0 || WebUtility.HtmlDecode(label) == href ? href : $"{label} ({href})";
        });
        text = ListItem().Replace(text, "\n- ");
        text = Cell().Replace(text, "  ");
        text = Break().Replace(text, "\n");
        text = WebUtility.HtmlDecode(Tag().Replace(text, ""));
        var lines = text.Split('\n').Select(line => Spaces().Replace(line, " ").Trim());
        return Blank().Replace(string.Join("\n", lines), "\n\n").Trim() + "\n";
    }

    [GeneratedRegex(@"<(style|head|script)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Invisible();

    [GeneratedRegex("""<a\b[^>]*?href=["'](?<href>[^"']*)["'][^>]*>(?<label>.*?)</a>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Link();

    [GeneratedRegex(@"<li\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"</t[dh]>", RegexOptions.IgnoreCase)]
    private static partial Regex Cell();

    [GeneratedRegex(@"<br\s*/?>|</(p|div|h[1-6]|tr|ul|ol|table|li)>", RegexOptions.IgnoreCase)]
    private static partial Regex Break();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\r\f\v]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex Blank();
}
