using System.Net;

namespace IESCP.Data.ChatWebhooks;

/// <summary>Which webhook URLs a user may save, and how one is shown to anyone but its owner.</summary>
public static class ChatWebhookRules
{
    public const int MaxLength = 500;

    public const string GoogleChatHost = "chat.googleapis.com";

    public const string Invalid =
        "Enter a Google Chat webhook URL: https://chat.googleapis.com/v1/spaces/…/messages?key=…&token=… (from the space's Apps & integrations).";

    /// <summary>Why the URL can't be saved, or null when it can.</summary>
    public static string? Refusal(string url, bool allowLoopback)
    {
        if (url.Length > MaxLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return Invalid;
        }

        var googleChat = uri.Scheme == Uri.UriSchemeHttps
            && string.Equals(uri.Host, GoogleChatHost, StringComparison.OrdinalIgnoreCase)
            && uri.IsDefaultPort
            && uri.AbsolutePath.StartsWith("/v1/spaces/", StringComparison.Ordinal)
            && uri.AbsolutePath.EndsWith("/messages", StringComparison.Ordinal);
        // Only a literal loopback address: a name could resolve anywhere later.
        var loopback = allowLoopback && uri.Scheme is "http" or "https" && IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address);
        return googleChat || loopback ? null : Invalid;
    }

    /// <summary>The URL without its query (the key and token), for lists other people see.</summary>
    public static string Mask(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? $"{uri.GetLeftPart(UriPartial.Path)}?…" : "(invalid URL)";
}
