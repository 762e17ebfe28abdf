using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using IESCP.Data.Outbox;

namespace IESCP.Jobs.Outbox;

/// <summary>A receiver refused a message for good (a deleted webhook, a rejected address): retrying cannot help.</summary>
public sealed class PermanentDeliveryException(string message) : Exception(message);

/// <summary>
/// Posts a message to a Google Chat incoming webhook as <c>{"text": …}</c>. The outbox key goes
/// along as the message's id: Chat answers 409 to an id it already has, which counts as delivered,
/// so a message sent again after a crash does not show twice.
/// </summary>
public sealed class ChatSender(IHttpClientFactory clients)
{
    public const string Client = "google-chat";

    public async Task SendAsync(OutboxDelivery message, CancellationToken cancellationToken)
    {
        var separator = message.Recipient.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var url = $"{message.Recipient}{separator}messageId={MessageId(message.Key)}";
        // A client from the factory per message: its handlers are pooled and renewed (DNS changes), unlike one kept for ever.
        using var http = clients.CreateClient(Client);
        using var response = await http.PostAsJsonAsync(url, new { text = message.Text }, cancellationToken);
        if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict)
        {
            return;
        }

        var status = (int)response.StatusCode;
        var detail = $"Google Chat answered {status} {response.ReasonPhrase}";
        // 408 and 429 are "later"; other 4xx say the webhook itself is wrong or gone.
        if (status is >= 400 and < 500 && response.StatusCode is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests))
        {
            throw new PermanentDeliveryException(detail);
        }

        throw new HttpRequestException(detail, null, response.StatusCode);
    }

    /// <summary>Chat's client-assigned message ids: "client-", then lower-case letters, digits and hyphens, at most 63 characters.</summary>
    public static string MessageId(string key) => "client-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..40];
}
