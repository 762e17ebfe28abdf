using System.Text.RegularExpressions;

namespace IESCP.Tests.Infrastructure;

/// <summary>Reads the .eml files the app writes to its pickup (outbox) folder when no SMTP server is set, as a mail client would.</summary>
public static partial class PickupFolder
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
                    var text = Mime.Decode(await File.ReadAllTextAsync(file));
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

    /// <summary>The first link of the message's HTML part whose address contains <paramref name="path"/>.</summary>
    public static string LinkTo(string message, string path) =>
        Link().Matches(message).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).FirstOrDefault(href => href.Contains(path, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"No link to {path} in the message.");

    [GeneratedRegex("""href=["']([^"']+)["']""")]
    private static partial Regex Link();
}
