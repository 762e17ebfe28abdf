using IESCP.Data.AdRequests;
using IESCP.Data.Identity;
using IESCP.Data.Outbox;
using IESCP.Data.Reports;
using IESCP.Data.Reviews;
using IESCP.Jobs.Outbox;
using IESCP.Jobs.Reports;
using IESCP.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Tests.Reports;

/// <summary>
/// The monthly reports of a month played out move by move on the test clock: the figures match
/// the database, the email reaches a real SMTP server with its PDF, and the PDF opens and says the same.
/// </summary>
[Trait("Category", "Integration")]
public sealed class MonthlyReportTests(SmtpServer smtp) : IClassFixture<SmtpServer>, IAsyncLifetime
{
    private static readonly DateTimeOffset October5 = new(2026, 10, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly ReportMonth October = new(new DateOnly(2026, 10, 1));

    private readonly JobsDatabase db = JobsDatabase.SendingTo(smtp);

    public Task InitializeAsync() => db.InitializeAsync();

    public Task DisposeAsync() => db.DisposeAsync();

    [Fact]
    public async Task A_sponsors_report_counts_its_campaigns_month_as_the_database_has_it()
    {
        var month = await PlayOctoberAsync();

        var report = await ReportOfAsync(month.Sponsor.Actor);

        var campaign = Assert.Single(report.Sponsor!.Campaigns);
        Assert.Equal(("Autumn drop", 3, 2, 1, 1), (campaign.Name, campaign.Sent, campaign.Accepted, campaign.Rejected, campaign.Completed));
        Assert.Equal((50_000L, 30_000L, 100_000L, 50_000L), (campaign.CommittedCents, campaign.SpentCents, campaign.BudgetCents, campaign.LeftCents));
        Assert.Equal([new TopInfluencer("Nova Bytes", 30_000)], campaign.TopInfluencers);
        await using var context = await db.ContextAsync();
        Assert.Equal(await context.Payments.Where(p => p.PaidAt >= October.Start && p.PaidAt < October.End).SumAsync(p => p.AmountCents), report.Sponsor.SpentCents);
        Assert.Equal(await context.AdRequests.CountAsync(r => r.CreatedAt >= October.Start && r.CreatedAt < October.End), report.Sponsor.Sent);
    }

    [Fact]
    public async Task Influencers_active_in_the_month_get_their_earnings_work_and_ratings_and_idle_ones_get_nothing()
    {
        var month = await PlayOctoberAsync();

        var nova = (await ReportOfAsync(month.Nova.Actor)).Influencer!;
        Assert.Equal((30_000L, 1, 1, 1, 1, 5.0), (nova.EarnedCents, nova.Received, nova.Accepted, nova.Completed, nova.Ratings, nova.AverageRating));
        Assert.Equal("Autumn drop", Assert.Single(nova.Work).Campaign);
        var lee = (await ReportOfAsync(month.Lee.Actor)).Influencer!;
        Assert.Equal((0L, 1, 0, 0), (lee.EarnedCents, lee.Received, lee.Accepted, lee.Completed));
        Assert.Empty(await db.Get<MonthlyReportRepository>().ListOwnAsync(month.Idle.Actor));
    }

    [Fact]
    public async Task Every_approved_sponsor_gets_the_email_with_the_pdf_once_and_the_pdf_opens_with_the_same_figures()
    {
        var month = await PlayOctoberAsync();
        await db.Get<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

        var again = await db.Get<MonthlyReports>().RunAsync(October, CancellationToken.None);
        await db.Get<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

        Assert.Equal((0, 0), (again.Sponsors, again.Influencers));
        var email = Assert.Single(smtp.Messages().Select(Mime.Decode), m => m.Contains($"To: {month.Sponsor.Email}", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("application/pdf", email);
        Assert.Contains("iescp-report-2026-10.pdf", email);
        Assert.Contains("$300.00", email);
        Assert.Single(smtp.Messages(), m => m.Contains($"To: {month.Quiet.Email}", StringComparison.OrdinalIgnoreCase));

        var pdf = await AttachmentToAsync(month.Sponsor.Email);
        var text = string.Join(" ", PdfText.Pages(pdf));
        Assert.Contains("October 2026", text);
        Assert.Contains("Autumn drop", text);
        Assert.Contains("$300.00", text);
        Assert.Contains("$500.00", text);
        Assert.Contains("Nova Bytes", text);
    }

    [Fact]
    public async Task A_user_reads_only_their_own_reports()
    {
        var month = await PlayOctoberAsync();
        var mine = await ReportOfAsync(month.Sponsor.Actor);

        Assert.Null(await db.Get<MonthlyReportRepository>().GetOwnAsync(month.Quiet.Actor, mine.Id));
        Assert.Null(await db.Get<MonthlyReportRepository>().GetOwnAsync(month.Nova.Actor, mine.Id));
        var admin = await db.AdminAsync();
        await Assert.ThrowsAsync<ForbiddenException>(() => db.Get<MonthlyReportRepository>().ListOwnAsync(admin));
    }

    /// <summary>
    /// October: Acme sends Nova $300, Max $200 and Lee $150 on "Autumn drop" ($1,000); Nova and
    /// Max accept, Lee declines; Acme pays Nova, Nova delivers, Acme completes and rates her 5.
    /// A second sponsor does nothing; an idle influencer does nothing; November's first move
    /// does not count. The job runs on 1 November.
    /// </summary>
    private async Task<Cast> PlayOctoberAsync()
    {
        db.Clock.Set(October5);
        var requests = db.Get<AdRequestRepository>();
        var sponsor = await db.Users.SponsorAsync(name: "Acme");
        var quiet = await db.Users.SponsorAsync(name: "Quiet Co");
        var (nova, max, lee, idle) = (await db.Users.InfluencerAsync("Nova Bytes"), await db.Users.InfluencerAsync("Max Power"),
            await db.Users.InfluencerAsync("Lee Chen"), await db.Users.InfluencerAsync("Idle Ida"));
        var campaign = (await db.Get<Data.Campaigns.CampaignRepository>().CreateAsync(sponsor.Actor,
            Marketplace.Campaign(1_000m, name: "Autumn drop", start: db.Clock.Today))).Value;

        db.Clock.Advance(TimeSpan.FromDays(1));
        var novaRequest = await db.SendAsync(sponsor.Actor, campaign, nova.Actor, 300m);
        var maxRequest = await db.SendAsync(sponsor.Actor, campaign, max.Actor, 200m);
        var leeRequest = await db.SendAsync(sponsor.Actor, campaign, lee.Actor, 150m);
        db.Clock.Advance(TimeSpan.FromDays(1));
        Marketplace.Ok(await requests.AcceptAsync(nova.Actor, novaRequest, 1));
        Marketplace.Ok(await requests.AcceptAsync(max.Actor, maxRequest, 1));
        Marketplace.Ok(await requests.RejectAsync(lee.Actor, leeRequest, "Busy"));
        db.Clock.Advance(TimeSpan.FromDays(1));
        Marketplace.Ok(await requests.PayAsync(sponsor.Actor, novaRequest, Marketplace.Card()));
        Marketplace.Ok(await requests.DeliverAsync(nova.Actor, novaRequest, "https://example.com/post/1"));
        Marketplace.Ok(await requests.CompleteAsync(sponsor.Actor, novaRequest));
        Marketplace.Ok(await requests.ReviewAsync(sponsor.Actor, novaRequest, new ReviewInput { Rating = 5, Text = "Great" }));

        db.Clock.Set(new DateTimeOffset(2026, 11, 1, 5, 0, 0, TimeSpan.Zero));
        await db.SendAsync(sponsor.Actor, campaign, idle.Actor, 100m);
        db.Clock.Set(new DateTimeOffset(2026, 11, 1, 6, 0, 0, TimeSpan.Zero));
        await db.Get<MonthlyReports>().RunAsync(CancellationToken.None);
        return new Cast(sponsor, quiet, nova, lee, idle);
    }

    private async Task<ReportDocument> ReportOfAsync(Actor user)
    {
        var reports = db.Get<MonthlyReportRepository>();
        var summary = Assert.Single(await reports.ListOwnAsync(user));
        Assert.Equal(October.First, summary.Month);
        return (await reports.GetOwnAsync(user, summary.Id))!;
    }

    private async Task<byte[]> AttachmentToAsync(string email)
    {
        await using var context = await db.ContextAsync();
        return (await context.OutboxMessages.Where(m => m.Recipient == email && m.Channel == OutboxChannel.Email).Select(m => m.Attachment).SingleAsync())!;
    }

    private sealed record Cast(TestUser Sponsor, TestUser Quiet, TestUser Nova, TestUser Lee, TestUser Idle);
}
