namespace IESCP.Jobs.Email;

/// <summary>Configuration section "Email". Without an SMTP host, messages are written to the outbox folder.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "IESCP <no-reply@iescp.local>";

    /// <summary>Where .eml files go when no SMTP host is set; relative to the app's folder.</summary>
    public string OutboxFolder { get; set; } = "App_Data/outbox";

    public string? SmtpHost { get; set; }

    public int SmtpPort { get; set; } = 25;

    public bool SmtpEnableSsl { get; set; }

    public string? SmtpUser { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>
    /// Account emails (confirmation and reset links, "someone tried to sign up with your email")
    /// one account gets per hour at most; the forms that send them answer the same beyond it.
    /// </summary>
    public int AccountEmailsPerHour { get; set; } = 5;
}
