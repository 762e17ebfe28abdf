using System.Globalization;
using IESCP.Data;
using IESCP.Data.Reports;
using Microsoft.Extensions.Options;
using PdfSharp.Pdf;

namespace IESCP.Jobs.Reports;

/// <summary>A monthly report as a PDF (PDFsharp): the same figures as the email and the page, as a printable document.</summary>
public sealed class ReportPdf(IOptions<ReportOptions> options)
{
    public byte[] Render(object report) => report switch
    {
        SponsorReport sponsor => Document($"IESCP activity report: {new ReportMonth(sponsor.Month).Name}", sponsor.Name, pdf => Sponsor(pdf, sponsor)),
        InfluencerReport influencer => Document($"IESCP activity report: {new ReportMonth(influencer.Month).Name}", influencer.Name, pdf => Influencer(pdf, influencer)),
        _ => throw new ArgumentException($"Not a report: {report.GetType().Name}", nameof(report)),
    };

    public static string FileName(DateOnly month) => $"iescp-report-{month:yyyy-MM}.pdf";

    private byte[] Document(string title, string name, Action<PdfPageWriter> body)
    {
        PdfSetup.EnsureInstalled(options.Value.PdfSharpLicense);
        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Author = "IESCP";
        using (var pdf = new PdfPageWriter(document))
        {
            pdf.Line(title, PdfPageWriter.Font(16, bold: true));
            pdf.Line(name, PdfPageWriter.Font(11), gapAfter: 12);
            body(pdf);
        }

        using var stream = new MemoryStream();
        document.Save(stream);
        return stream.ToArray();
    }

    private static void Sponsor(PdfPageWriter pdf, SponsorReport report)
    {
        var text = PdfPageWriter.Font(9);
        pdf.Line($"Requests sent: {report.Sent}    Accepted: {report.Accepted}    Rejected: {report.Rejected}    Completed: {report.Completed}", PdfPageWriter.Font(10));
        pdf.Line($"Committed: {Money.Format(report.CommittedCents)}    Spent: {Money.Format(report.SpentCents)}", PdfPageWriter.Font(10), gapAfter: 12);
        if (report.Campaigns.Count == 0)
        {
            pdf.Line("No campaign ran or had activity this month.", text);
            return;
        }

        var name = pdf.Width - 7 * 50 - 60;
        pdf.Row(PdfPageWriter.Font(9, bold: true), ("Campaign", name, false), ("Sent", 50, true), ("Accepted", 50, true), ("Rejected", 50, true),
            ("Completed", 50, true), ("Committed", 50, true), ("Spent", 50, true), ("Left", 50, true), ("Spent of budget", 60, false));
        foreach (var c in report.Campaigns)
        {
            pdf.Row(text, (c.Name, name, false), ($"{c.Sent}", 50, true), ($"{c.Accepted}", 50, true), ($"{c.Rejected}", 50, true), ($"{c.Completed}", 50, true),
                (Money.Format(c.CommittedCents), 50, true), (Money.Format(c.SpentCents), 50, true), (Money.Format(c.LeftCents), 50, true), ("", 60, false));
            pdf.Bar(pdf.Width - 58, 54, c.BudgetCents <= 0 ? 0 : (double)c.SpentCents / c.BudgetCents);
            if (c.TopInfluencers.Count > 0)
            {
                pdf.Line("   Top influencers: " + string.Join(", ", c.TopInfluencers.Select(t => $"{t.Name} ({Money.Format(t.PaidCents)})")), PdfPageWriter.Font(8));
            }
        }

        pdf.Space(8);
        pdf.Line("Sent: requests opened this month. Committed: offers accepted this month. Spent: payments made this month. Left: budget left as of this report.",
            PdfPageWriter.Font(7));
    }

    private static void Influencer(PdfPageWriter pdf, InfluencerReport report)
    {
        var figures = PdfPageWriter.Font(10);
        pdf.Line($"Earned: {Money.Format(report.EarnedCents)}", PdfPageWriter.Font(12, bold: true));
        pdf.Line($"Requests received: {report.Received}    Accepted: {report.Accepted}    Completed: {report.Completed}", figures);
        pdf.Line(report.AverageRating is { } average ? $"Rated {average:0.0} of 5 this month ({report.Ratings} ratings)" : "No ratings this month", figures);
        pdf.Line(report.OverallRating is { } overall ? $"Overall rating: {overall:0.0} of 5" : "No overall rating yet", figures, gapAfter: 12);
        if (report.Work.Count == 0)
        {
            pdf.Line("No work was completed this month.", PdfPageWriter.Font(9));
            return;
        }

        var column = (pdf.Width - 150) / 2;
        pdf.Row(PdfPageWriter.Font(9, bold: true), ("Campaign", column, false), ("Sponsor", column, false), ("Completed", 80, false), ("Payment", 70, true));
        foreach (var w in report.Work)
        {
            pdf.Row(PdfPageWriter.Font(9), (w.Campaign, column, false), (w.Sponsor, column, false), (w.CompletedAt.ToString("d MMM yyyy", CultureInfo.InvariantCulture), 80, false),
                (Money.Format(w.PaidCents), 70, true));
        }
    }
}
