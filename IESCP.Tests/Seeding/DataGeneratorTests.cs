using System.Data.Common;
using IESCP.Data.Identity;
using IESCP.Data.Search;
using IESCP.Data.Seeding;
using IESCP.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IESCP.Tests.Seeding;

[Trait("Category", "Integration")]
public sealed class DataGeneratorTests : DatabaseTest
{
    [Fact]
    public async Task A_generated_marketplace_keeps_every_ledger_counter_and_open_request_rule()
    {
        var result = await GenerateAsync(new GeneratorOptions(Influencers: 50, Sponsors: 5, Campaigns: 20, Requests: 200));

        Assert.NotNull(result.Logins);
        await using var db = await Db.ContextAsync();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        Assert.Equal(200, await ScalarAsync(connection, "SELECT COUNT(*) FROM AdRequests"));
        // Each query counts the rows that break one rule; all must be zero.
        Assert.Equal(0, await ScalarAsync(connection, """
            SELECT COUNT(*) FROM Campaigns c WHERE
                c.CommittedCents <> (SELECT COALESCE(SUM(r.PaymentCents), 0) FROM AdRequests r WHERE r.CampaignId = c.Id AND r.Status IN (2, 6, 7))
                OR c.SpentCents <> (SELECT COALESCE(SUM(p.AmountCents), 0) FROM Payments p JOIN AdRequests r ON r.Id = p.AdRequestId WHERE r.CampaignId = c.Id)
            """));
        Assert.Equal(0, await ScalarAsync(connection, """
            SELECT COUNT(*) FROM Influencers i WHERE
                i.RequestsReceived <> (SELECT COUNT(*) FROM AdRequests r WHERE r.InfluencerId = i.Id)
                OR i.RequestsAccepted <> (SELECT COUNT(*) FROM AdRequests r WHERE r.InfluencerId = i.Id AND r.AcceptedAt IS NOT NULL)
                OR i.RequestsCompleted <> (SELECT COUNT(*) FROM AdRequests r WHERE r.InfluencerId = i.Id AND r.Status = 7)
                OR i.RatingSum <> (SELECT COALESCE(SUM(v.Rating), 0) FROM Reviews v WHERE v.RevieweeUserId = i.UserId)
                OR i.RatingCount <> (SELECT COUNT(*) FROM Reviews v WHERE v.RevieweeUserId = i.UserId)
            """));
        Assert.Equal(0, await ScalarAsync(connection, """
            SELECT COUNT(*) FROM Sponsors s WHERE
                s.RatingCount <> (SELECT COUNT(*) FROM Reviews v WHERE v.RevieweeUserId = s.UserId)
                OR s.RatingSum <> (SELECT COALESCE(SUM(v.Rating), 0) FROM Reviews v WHERE v.RevieweeUserId = s.UserId)
            """));
        Assert.Equal(0, await ScalarAsync(connection,
            "SELECT COUNT(*) FROM (SELECT 1 FROM AdRequests WHERE Status IN (0, 1, 2, 6) GROUP BY CampaignId, InfluencerId HAVING COUNT(*) > 1)"));
        Assert.Equal(0, await ScalarAsync(connection, """
            SELECT COUNT(*) FROM AdRequests r WHERE
                (r.Status IN (6, 7)) <> EXISTS (SELECT 1 FROM Payments p WHERE p.AdRequestId = r.Id AND p.AmountCents = r.PaymentCents)
                OR r.LatestRevision <> (SELECT MAX(v.Number) FROM AdRequestRevisions v WHERE v.AdRequestId = r.Id)
                OR r.PaymentCents <> (SELECT v.PaymentCents FROM AdRequestRevisions v WHERE v.AdRequestId = r.Id AND v.Number = r.LatestRevision)
                OR r.LatestBy <> (SELECT v.By FROM AdRequestRevisions v WHERE v.AdRequestId = r.Id AND v.Number = r.LatestRevision)
            """));
        Assert.Equal(8, await ScalarAsync(connection, "SELECT COUNT(DISTINCT Status) FROM AdRequests"));
    }

    [Fact]
    public async Task Generated_accounts_sign_in_with_the_shared_password_and_are_searchable()
    {
        var result = await GenerateAsync(new GeneratorOptions(Influencers: 30, Sponsors: 4, Campaigns: 10, Requests: 40));

        using var scope = Db.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var sponsor = await users.FindByEmailAsync(result.Logins!.SponsorEmail);
        var influencer = await users.FindByEmailAsync(result.Logins.InfluencerEmail);
        Assert.True(await users.CheckPasswordAsync(sponsor!, DataGenerator.Password));
        Assert.Equal([Roles.Influencer], await users.GetRolesAsync(influencer!));
        Assert.Equal(result.Logins, await scope.ServiceProvider.GetRequiredService<DataGenerator>().FindSampleLoginsAsync());
        var page = await Db.Get<InfluencerSearch>().SearchAsync(new Actor(sponsor!.Id, Roles.Sponsor), new());
        Assert.InRange(page.TotalCount, 25, 30);
    }

    private async Task<GeneratorResult> GenerateAsync(GeneratorOptions options)
    {
        using var scope = Db.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DataGenerator>().GenerateAsync(options, _ => { });
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
