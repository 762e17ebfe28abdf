namespace IESCP.Data.ChatWebhooks;

/// <summary>A user's Google Chat incoming-webhook URL: reminders are posted there as well as emailed.</summary>
public sealed class ChatWebhook
{
    public string UserId { get; set; } = "";

    /// <summary>Holds the space's key and token: a secret, shown back to its owner only.</summary>
    public string Url { get; set; } = "";

    public DateTime UpdatedAt { get; set; }
}
