using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace IESCP.Tests.Infrastructure;

/// <summary>Reads the .eml files the app writes to its outbox folder, as a mail client would.</summary>
public static partial class Outbox
{
    public static async Task<string> WaitForMessageToAsync(string folder, string recipient, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(folder))
            {
                foreach (var file in Directory.GetFiles(folder, "*.eml"))
                {
                    var text = DecodeQuotedPrintable(await File.ReadAllTextAsync(file));
                    if (text.Contains($"To: {recipient}", StringComparison.OrdinalIgnoreCase))
                    {
                        return text;
                    }
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No email to {recipient} in {folder}.");
    }

    public static string FirstLink(string message) =>
        System.Net.WebUtility.HtmlDecode(Link().Match(message) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No link in the message."));

    private static string DecodeQuotedPrintable(string text)
    {
        var joined = text.Replace("=\r\n", "").Replace("=\n", "");
        return HexEscape().Replace(joined, m => Encoding.Latin1.GetString([byte.Parse(m.Groups[1].Value, NumberStyles.HexNumber)]));
    }

    [GeneratedRegex("=([0-9A-F]{2})")]
    private static partial Regex HexEscape();

    [GeneratedRegex("href='([^']+)'")]
    private static partial Regex Link();
}
