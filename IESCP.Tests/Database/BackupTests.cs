using IESCP.Data.Campaigns;
using IESCP.Data.Database;
using IESCP.Data.Identity;
using IESCP.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Tests.Database;

/// <summary>An online backup taken while the app writes, then restored and used as the app would use it.</summary>
[Trait("Category", "Integration")]
public sealed class BackupTests : DatabaseTest
{
    [Fact]
    public async Task A_backup_taken_during_writes_restores_to_a_working_database_with_every_committed_row()
    {
        var sponsor = await Db.CreateSponsorAsync(name: "Backed Up Brand");
        for (var i = 0; i < 5; i++)
        {
            await Db.CreateCampaignAsync(sponsor);
        }

        using var stop = new CancellationTokenSource();
        var writer = Task.Run(async () =>
        {
            var written = 0;
            while (!stop.IsCancellationRequested)
            {
                await Db.CreateCampaignAsync(sponsor);
                written++;
            }

            return written;
        });
        var folder = TempFolder.Create("iescp-backup-");
        var copy = Path.Combine(folder, "copy.db");

        var result = await Db.Get<DatabaseBackup>().BackupAsync(copy);
        await stop.CancelAsync();
        var writtenMeanwhile = await writer;

        Assert.Equal("ok", result.IntegrityCheck);
        Assert.True(result.Bytes > 0);
        await using var restored = new RestoredDatabase(copy);
        await restored.InitializeAsync();
        var campaigns = await restored.Get<CampaignRepository>().ListOwnAsync(sponsor, new CampaignListQuery(PageSize: 50));
        Assert.InRange(campaigns.TotalCount, 5, 5 + writtenMeanwhile);
        Assert.Equal("Backed Up Brand", (await restored.Get<IESCP.Data.Sponsors.SponsorRepository>().GetOwnProfileAsync(sponsor))!.Name);
        await Assert.ThrowsAsync<ArgumentException>(() => Db.Get<DatabaseBackup>().BackupAsync(copy));
        TempFolder.Delete(folder);
    }

    /// <summary>The app's data layer on a restored copy, started as the app starts on it.</summary>
    private sealed class RestoredDatabase(string backup) : TestDatabase
    {
        protected override async Task CreateSchemaAsync()
        {
            File.Copy(backup, DatabaseFile);
            await Get<DatabaseInitializer>().InitializeAsync();
        }
    }
}
