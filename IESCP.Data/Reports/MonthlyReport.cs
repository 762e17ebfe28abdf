namespace IESCP.Data.Reports;

public enum ReportAudience
{
    Sponsor = 0,
    Influencer = 1,
}

/// <summary>
/// One user's activity report for one month, kept as the figures it showed when it was made, so
/// the email, the page and the PDF of a past month always agree.
/// </summary>
public sealed class MonthlyReport
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";

    public ReportAudience Audience { get; set; }

    /// <summary>The first day of the month it covers.</summary>
    public DateOnly Month { get; set; }

    /// <summary>The figures as JSON (<see cref="SponsorReport"/> or <see cref="InfluencerReport"/>).</summary>
    public string Data { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
