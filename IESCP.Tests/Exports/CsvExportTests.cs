using CsvHelper;
using IESCP.Data.AdRequests;
using IESCP.Data.Exports;
using IESCP.Data.Identity;
using IESCP.Data.Live;
using IESCP.Data.Notifications;
using IESCP.Jobs.Exports;
using IESCP.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Tests.Exports;

/// <summary>CSV exports written in steps with progress, read back with CsvHelper, owned by whoever asked, deleted when they expire.</summary>
[Trait("Category", "Integration")]
public sealed class CsvExportTests : IAsyncLifetime
{
    private const string Formula = "=HYPERLINK(\"http://evil.example\",\"click\")";

    private readonly JobsDatabase db = new(new Dictionary<string, string?> { ["Exports:ChunkSize"] = "1", ["Exports:KeepFor"] = "7.00:00:00" });

    public Task InitializeAsync() => db.InitializeAsync();

    public Task DisposeAsync() => db.DisposeAsync();

    [Fact]
    public async Task A_sponsors_export_round_trips_with_every_campaign_its_counts_and_money_and_no_live_formula()
    {
        var (sponsor, campaigns) = await SponsorWithCampaignsAsync();
        var rival = await db.Users.SponsorAsync();
        await db.AddCampaignAsync(rival.Actor, c => c.Name = "Not mine");

        var (id, result) = await ExportAsync(sponsor.Actor, ExportKind.MyCampaigns);

        Assert.Equal(3, result.Rows);
        var rows = ReadCsv(await FileOfAsync(sponsor.Actor, id));
        Assert.Equal(["'" + Formula, "'+Spring sale", "Plain"], rows.Select(r => r["Name"]));
        var formula = rows.Single(r => r["Id"] == campaigns[0].ToString());
        Assert.Equal(("10000.00", "150.00", "0.00", "9850.00"), (formula["Budget"], formula["Committed"], formula["Spent"], formula["Available"]));
        Assert.Equal(("3", "2", "1", "0"), (formula["Requests"], formula[nameof(AdRequestStatus.Pending)], formula[nameof(AdRequestStatus.Accepted)],
            formula[nameof(AdRequestStatus.Expired)]));
        Assert.All(rows.Skip(1), r => Assert.Equal("0", r["Requests"]));
    }

    [Fact]
    public async Task Progress_is_published_after_every_step_and_the_owner_is_told_in_app_and_by_email()
    {
        var (sponsor, _) = await SponsorWithCampaignsAsync();

        var (id, _) = await ExportAsync(sponsor.Actor, ExportKind.MyCampaigns);

        // Queued, running, a step per row (ChunkSize 1), done.
        Assert.True(db.Events.Published.OfType<ExportChanged>().Count(e => e.ExportId == id && e.OwnerUserId == sponsor.UserId) >= 6);
        var view = Assert.Single(await db.Get<ExportRepository>().ListOwnAsync(sponsor.Actor));
        Assert.Equal((ExportStatus.Done, 3, 3, 100.0), (view.Status, view.RowsDone, view.RowsTotal, view.Percent));
        await using var context = await db.ContextAsync();
        Assert.True(await context.Notifications.AnyAsync(n => n.UserId == sponsor.UserId && n.Kind == NotificationKind.Export && n.Link == "exports"));
        var email = await context.OutboxMessages.SingleAsync(m => m.Key == $"export:{id:N}");
        Assert.Equal(sponsor.Email, email.Recipient);
        Assert.Contains($"{JobsDatabase.PublicBaseUrl}exports", email.Html);
    }

    [Fact]
    public async Task Only_the_owner_gets_the_file_and_the_cleanup_deletes_it_once_it_expires()
    {
        var (sponsor, _) = await SponsorWithCampaignsAsync();
        var (id, _) = await ExportAsync(sponsor.Actor, ExportKind.MyCampaigns);
        var other = await db.Users.SponsorAsync();
        var exports = db.Get<ExportRepository>();

        Assert.Null(await exports.GetFileAsync(other.Actor, id));
        Assert.Null(await exports.GetFileAsync(await db.AdminAsync(), id));
        var file = await FileOfAsync(sponsor.Actor, id);

        db.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, await exports.DeleteExpiredAsync());
        db.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, await exports.DeleteExpiredAsync());
        Assert.False(File.Exists(file));
        Assert.Empty(await exports.ListOwnAsync(sponsor.Actor));
    }

    [Fact]
    public async Task The_admin_exports_every_user_and_campaign_and_a_sponsor_may_not()
    {
        var (sponsor, _) = await SponsorWithCampaignsAsync();
        var influencer = await db.Users.InfluencerAsync();
        var admin = await db.AdminAsync();

        var (users, _) = await ExportAsync(admin, ExportKind.AllUsers);
        var (campaigns, _) = await ExportAsync(admin, ExportKind.AllCampaigns);

        var userRows = ReadCsv(await FileOfAsync(admin, users));
        Assert.Contains(userRows, r => r["Email"] == influencer.Email && r["Role"] == Roles.Influencer);
        Assert.Contains(userRows, r => r["Email"] == sponsor.Email && r["Sponsor approval"] == "Approved");
        Assert.Equal(3, ReadCsv(await FileOfAsync(admin, campaigns)).Count);
        await Assert.ThrowsAsync<ForbiddenException>(() => db.Get<ExportRepository>().StartAsync(sponsor.Actor, ExportKind.AllUsers));
    }

    [Fact]
    public async Task One_export_of_a_kind_at_a_time_and_a_second_firing_of_the_job_does_nothing()
    {
        var (sponsor, _) = await SponsorWithCampaignsAsync();
        var exports = db.Get<ExportRepository>();
        var started = await exports.StartAsync(sponsor.Actor, ExportKind.MyCampaigns);

        Assert.Equal(ExportRepository.AlreadyRunning, (await exports.StartAsync(sponsor.Actor, ExportKind.MyCampaigns)).Message);
        var results = await Task.WhenAll(db.Get<ExportRunner>().RunAsync(started.Value, CancellationToken.None),
            db.Get<ExportRunner>().RunAsync(started.Value, CancellationToken.None));
        Assert.Single(results, r => r is not null);
    }

    private async Task<(TestUser Sponsor, int[] Campaigns)> SponsorWithCampaignsAsync()
    {
        var sponsor = await db.Users.SponsorAsync();
        var formula = await db.AddCampaignAsync(sponsor.Actor, c => { c.Name = Formula; c.CommittedCents = 15_000; });
        var plus = await db.AddCampaignAsync(sponsor.Actor, c => c.Name = "+Spring sale");
        var plain = await db.AddCampaignAsync(sponsor.Actor, c => c.Name = "Plain");
        foreach (var status in new[] { AdRequestStatus.Pending, AdRequestStatus.Pending, AdRequestStatus.Accepted })
        {
            await db.AddAdRequestAsync(formula, (await db.Users.InfluencerAsync()).Actor, status, paymentCents: 15_000);
        }

        return (sponsor, [formula, plus, plain]);
    }

    private async Task<(Guid Id, ExportResult Result)> ExportAsync(Actor actor, ExportKind kind)
    {
        var started = await db.Get<ExportRepository>().StartAsync(actor, kind);
        Assert.True(started.Succeeded, started.Message);
        return (started.Value, (await db.Get<ExportRunner>().RunAsync(started.Value, CancellationToken.None))!);
    }

    private async Task<string> FileOfAsync(Actor owner, Guid id) => (await db.Get<ExportRepository>().GetFileAsync(owner, id))!.Path;

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        using var csv = CsvReader.FromFile(path);
        var rows = new List<Dictionary<string, string>>();
        while (csv.Read())
        {
            rows.Add(csv.Headers.Select((name, i) => (name, value: csv.GetString(i) ?? "")).ToDictionary(f => f.name, f => f.value));
        }

        return rows;
    }
}
