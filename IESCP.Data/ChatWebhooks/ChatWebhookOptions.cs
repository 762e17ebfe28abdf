namespace IESCP.Data.ChatWebhooks;

/// <summary>Configuration section "Chat".</summary>
public sealed class ChatWebhookOptions
{
    public const string Section = "Chat";

    /// <summary>
    /// Also accept webhook URLs on this machine (http://127.0.0.1:…): for tests and local trials
    /// with a stand-in receiver. Off in production, where only Google Chat's own host is accepted.
    /// </summary>
    public bool AllowLoopbackWebhooks { get; set; }
}
