namespace IESCP.Data.Reports;

/// <summary>A month as the reports count it: from the first day at 00:00 UTC up to the next month.</summary>
public readonly record struct ReportMonth(DateOnly First)
{
    public DateTime Start => First.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public DateTime End => First.AddMonths(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public string Name => First.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The month before the one <paramref name="now"/> is in: what the job on the 1st reports.</summary>
    public static ReportMonth Before(DateTime now) => new(new DateOnly(now.Year, now.Month, 1).AddMonths(-1));
}

/// <summary>A sponsor's month: each campaign's requests and money.</summary>
public sealed record SponsorReport(string Name, DateOnly Month, IReadOnlyList<CampaignMonth> Campaigns)
{
    public int Sent => Campaigns.Sum(c => c.Sent);

    public int Accepted => Campaigns.Sum(c => c.Accepted);

    public int Rejected => Campaigns.Sum(c => c.Rejected);

    public int Completed => Campaigns.Sum(c => c.Completed);

    public long CommittedCents => Campaigns.Sum(c => c.CommittedCents);

    public long SpentCents => Campaigns.Sum(c => c.SpentCents);
}

/// <summary>
/// One campaign in a month. Sent: requests opened in the month (offers and applications);
/// accepted, rejected and completed: requests that reached that state in the month; committed:
/// payments accepted in the month; spent: payments made in the month; budget left: at the time of the report.
/// </summary>
public sealed record CampaignMonth(
    int CampaignId, string Name, int Sent, int Accepted, int Rejected, int Completed,
    long CommittedCents, long SpentCents, long BudgetCents, long LeftCents, IReadOnlyList<TopInfluencer> TopInfluencers);

/// <summary>An influencer the campaign paid most in the month.</summary>
public sealed record TopInfluencer(string Name, long PaidCents);

/// <summary>An influencer's month: what it earned and did, and how it was rated.</summary>
public sealed record InfluencerReport(
    string Name, DateOnly Month, long EarnedCents, int Received, int Accepted, int Completed,
    IReadOnlyList<CompletedWork> Work, int Ratings, double? AverageRating, double? OverallRating);

public sealed record CompletedWork(string Campaign, string Sponsor, long PaidCents, DateTime CompletedAt);

/// <summary>A user the monthly job still has to report to.</summary>
public sealed record DueReport(string UserId, string Name, string Email, ReportAudience Audience);

/// <summary>One past report in a user's list.</summary>
public sealed record ReportSummary(int Id, DateOnly Month, ReportAudience Audience, DateTime CreatedAt)
{
    public string MonthName => new ReportMonth(Month).Name;
}

/// <summary>A stored report, with the figures of its audience.</summary>
public sealed record ReportDocument(int Id, DateOnly Month, SponsorReport? Sponsor, InfluencerReport? Influencer)
{
    public string MonthName => new ReportMonth(Month).Name;
}
