using IESCP.Data.Outbox;
using IESCP.Data.Reports;
using IESCP.Jobs.Email;

namespace IESCP.Jobs.Reports;

/// <summary>What one run of the monthly reports did.</summary>
public sealed record ReportRunResult(int Sponsors, int Influencers)
{
    public override string ToString() => $"{Sponsors} sponsor and {Influencers} influencer reports";
}

/// <summary>
/// The monthly reports for the month before the current one, batch by batch: figures built in the
/// data layer, the email and its PDF rendered here, each report saved with its email in one
/// transaction. A run again (or after a stop) only makes the reports still missing.
/// </summary>
public sealed class MonthlyReports(MonthlyReportRepository reports, EmailRenderer renderer, ReportPdf pdfs, TimeProvider clock)
{
    public const int BatchSize = 100;

    public Task<ReportRunResult> RunAsync(CancellationToken cancellationToken) =>
        RunAsync(ReportMonth.Before(clock.GetUtcNow().UtcDateTime), cancellationToken);

    /// <param name="only">One audience only (the benchmark times sponsors' reports alone); null: everyone due.</param>
    public async Task<ReportRunResult> RunAsync(ReportMonth month, CancellationToken cancellationToken, ReportAudience? only = null)
    {
        var (sponsors, influencers, after) = (0, 0, "");
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var due = await reports.ListDueAsync(month, after, BatchSize, cancellationToken, only);
            if (due.Count == 0)
            {
                return new ReportRunResult(sponsors, influencers);
            }

            var figures = await reports.BuildAsync(due, month, cancellationToken);
            var batch = new List<(DueReport, object, OutgoingEmail)>(due.Count);
            foreach (var user in due)
            {
                var report = figures[user.UserId];
                var pdf = new EmailAttachment(ReportPdf.FileName(month.First), pdfs.Render(report));
                var email = await renderer.EmailAsync<MonthlyReportEmail>(MonthlyReportRepository.Key(user.UserId, month), user.UserId, user.Email,
                    $"Your IESCP activity report for {month.Name}", report, pdf);
                batch.Add((user, report, email));
            }

            await reports.SaveAsync(month, batch, cancellationToken);
            sponsors += due.Count(d => d.Audience == ReportAudience.Sponsor);
            influencers += due.Count(d => d.Audience == ReportAudience.Influencer);
            after = due[^1].UserId;
        }
    }
}
