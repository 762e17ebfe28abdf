namespace IESCP.Tests.Security;

/// <summary>
/// The hostile input corpus: one table of what people (and scripts) type into forms and API
/// bodies. Every form's service and every data-changing API endpoint is run against all of it:
/// each input is either refused with a message naming its field (and nothing changes), or, where
/// it is legitimate text, stored as typed (trimmed) and shown escaped.
/// </summary>
public static class HostileInputs
{
    /// <summary>A text input. <paramref name="Value"/> null stands for a field left out altogether.</summary>
    public sealed record Text(string Name, string? Value)
    {
        public override string ToString() => Name;
    }

    public static readonly IReadOnlyList<Text> Texts =
    [
        new("empty", ""),
        new("whitespace (spaces, tab, newlines, no-break and em spaces)", " \t\r\n \u00A0\u2003 "),
        new("absent (null)", null),
        new("10,000 characters", new string('x', 10_000)),
        new("10,000 characters of emoji", string.Concat(Enumerable.Repeat("😀", 5_000))),
        new("emoji", "Café ☕ 🎉 👩🏽‍💻 launch"),
        new("right-to-left", "مرحبا بالعالم — שלום עולם"),
        new("right-to-left override", "invoice\u202Egnp.exe"),
        new("HTML and script", "<script>alert('x')</script><b>bold</b>"),
        new("attribute breakout", "\"><img src=x onerror=alert(1)>"),
        new("spreadsheet formula", "=HYPERLINK(\"http://x\",\"click\")"),
        new("spreadsheet formula with +", "+cmd|' /C calc'!A0"),
        new("SQL", "'; DROP TABLE Campaigns; --"),
        new("control characters", "bell\u0007 escape\u001B[31m nul\u0000 end"),
        new("broken surrogate", "half \uD83D of an emoji"),
    ];

    /// <summary>Amounts in dollars, as a form or the API gives them to a service.</summary>
    public static readonly IReadOnlyList<decimal> Amounts =
    [
        -1m, -0.01m, 0m, 0.001m, 0.005m, 12.345m, 1_000_000_000_000_000m /* 1e15 */, 79_228_162_514_264_337_593_543_950_335m, -79_228_162_514_264_337_593_543_950_335m,
    ];

    public static readonly IReadOnlyList<long> Counts = [-1, long.MinValue, long.MaxValue, 5_000_000_001];

    public static readonly IReadOnlyList<int> Ratings = [0, -1, 6, int.MaxValue, int.MinValue];

    /// <summary>Campaign dates relative to today: out of range, out of order, missing.</summary>
    public static IReadOnlyList<(string Name, DateOnly? Start, DateOnly? End)> Dates(DateOnly today) =>
    [
        ("missing", null, null),
        ("start missing", null, today.AddDays(3)),
        ("the first and last dates there are", DateOnly.MinValue, DateOnly.MaxValue),
        ("1 Jan 1900", new DateOnly(1900, 1, 1), new DateOnly(1900, 1, 2)),
        ("31 Dec 9999", new DateOnly(9999, 12, 30), new DateOnly(9999, 12, 31)),
        ("end before start", today.AddDays(10), today.AddDays(5)),
        ("three years ago", today.AddYears(-3), today),
        ("six years ahead", today, today.AddYears(6)),
    ];

    /// <summary>Malformed (or merely unusable) email addresses; none may make an account.</summary>
    public static readonly IReadOnlyList<string> Emails =
    [
        "plainaddress", "@no-local-part.example", "no-domain@", "two@@ats.example", "spaces in@side.example", "<script>@x.example",
        new string('a', 300) + "@x.example", "emoji😀@x.example", "header@x.example\r\nBcc: all@x.example", "=HYPERLINK(\"x\")@x.example",
    ];

    /// <summary>Malformed or dangerous URLs, and whether each is still a usable link to delivered work (http or https, absolute).</summary>
    public static readonly IReadOnlyList<(string Url, bool Delivery)> Urls =
    [
        ("javascript:alert(1)", false),
        ("data:text/html,<script>alert(1)</script>", false),
        ("file:///etc/passwd", false),
        ("ftp://files.example/x", false),
        ("not a url", false),
        ("http://", false),
        ("//chat.googleapis.com/v1/spaces/x/messages", false),
        ("https://x.example/" + new string('a', 10_000), false),
        ("https://chat.googleapis.com.evil.example/v1/spaces/x/messages?key=k&token=t", true),
        ("https://chat.googleapis.com:8443/v1/spaces/x/messages?key=k&token=t", true),
        ("http://chat.googleapis.com/v1/spaces/x/messages?key=k&token=t", true),
        ("https://chat.googleapis.com/v1/spaces/x/members", true),
        ("http://127.0.0.1:9/hook", true),
        ("https://x.example/<script>alert(1)</script>", true),
    ];

    /// <summary>Raw JSON values for an amount in an API body: none is a usable amount.</summary>
    public static readonly IReadOnlyList<string> JsonAmounts =
    [
        "-1", "0", "0.001", "1e15", "1e400", "-1e400", "\"NaN\"", "\"Infinity\"", "NaN", "\"12,50\"", "\"1e15\"", "\"\"", "null", "true", "[]", "{}",
        "\"" + new string('9', 10_000) + "\"", "1" + new string('0', 10_000),
    ];

    /// <summary>Raw JSON values for a whole number (an id, a revision) in an API body.</summary>
    public static readonly IReadOnlyList<string> JsonIntegers =
    [
        "-1", "0", "1.5", "1e10", "99999999999999999999", "\"abc\"", "null", "\"\"", "[]", "{}", "NaN",
    ];

    /// <summary>Bodies that are not the JSON object an endpoint expects (sent as application/json).</summary>
    public static readonly IReadOnlyList<(string Name, byte[] Body)> JsonBodies =
    [
        ("empty body", []),
        ("not JSON", "payment=10&requirements=x"u8.ToArray()),
        ("truncated JSON", "{\"payment\": 10, \"requirements\": "u8.ToArray()),
        ("a JSON array", "[1, 2, 3]"u8.ToArray()),
        ("a JSON string", "\"hello\""u8.ToArray()),
        ("JSON null", "null"u8.ToArray()),
        ("nested 10,000 deep", System.Text.Encoding.ASCII.GetBytes(new string('[', 10_000) + new string(']', 10_000))),
        ("a comment", "{/* hi */ \"payment\": 10}"u8.ToArray()),
        ("trailing comma", "{\"payment\": 10,}"u8.ToArray()),
        ("invalid UTF-8", [.. "{\"requirements\": \""u8, 0xFF, 0xFE, 0xC3, .. "\"}"u8]),
    ];
}
