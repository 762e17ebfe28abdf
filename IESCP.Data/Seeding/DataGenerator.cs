using System.Diagnostics;
using IESCP.Data.AdRequests;
using IESCP.Data.Caching;
using IESCP.Data.Identity;
using IESCP.Data.Search;
using IESCP.Data.Sponsors;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using static IESCP.Data.Seeding.SeedVocabulary;

namespace IESCP.Data.Seeding;

/// <summary>How much to generate; the defaults make a small database to click through.</summary>
public sealed record GeneratorOptions(int Influencers = 200, int Sponsors = 20, int Campaigns = 100, int Requests = 500, int RandomSeed = 2026);

public sealed record SampleLogins(string SponsorEmail, string InfluencerEmail);

public sealed record GeneratorResult(long Rows, TimeSpan Elapsed, SampleLogins? Logins);

/// <summary>
/// Fills a database with a realistic marketplace for demos and load tests. Rows go in through
/// raw ADO.NET on the context's connection; the constraints and unique indexes of the schema
/// still check every one of them.
/// </summary>
public sealed class DataGenerator(IDbContextFactory<IescpDbContext> contexts, IPasswordHasher<ApplicationUser> hasher, TimeProvider clock,
    ReadCache cache)
{
    public const string Password = "Seed#2026";
    public const string EmailDomain = "seed.iescp.local";

    public async Task<GeneratorResult> GenerateAsync(GeneratorOptions options, Action<string> progress, CancellationToken cancellationToken = default)
    {
        var elapsed = Stopwatch.StartNew();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var ids = await FirstIdsAsync(connection);
        var plan = MarketplacePlan.Create(options, ids, clock.GetUtcNow().UtcDateTime);
        progress($"Planned {plan.Influencers.Count:N0} influencers, {plan.Sponsors.Count:N0} sponsors, "
            + $"{plan.Campaigns.Count:N0} campaigns, {plan.Requests.Count:N0} ad requests in {elapsed.Elapsed.TotalSeconds:0.0} s");

        // Hashing is deliberately slow (PBKDF2); every generated account shares one hash.
        var users = new UserRows(hasher.HashPassword(new ApplicationUser(), Password), await RoleIdsAsync(connection));
        using (var writer = new BulkWriter(connection, progress))
        {
            WriteInfluencers(writer, users, plan);
            cancellationToken.ThrowIfCancellationRequested();
            WriteSponsors(writer, users, plan);
            WriteCampaigns(writer, plan);
            cancellationToken.ThrowIfCancellationRequested();
            WriteRequests(writer, plan, ids, new Random(options.RandomSeed + 1));
            // After a bulk load the planner's statistics are stale; search plans depend on them.
            await using (var analyze = connection.CreateCommand())
            {
                analyze.CommandText = "ANALYZE;";
                await analyze.ExecuteNonQueryAsync(cancellationToken);
            }

            // A shared cache (Redis) may hold results from before this load.
            await cache.BumpAsync([.. CacheScopes.All]);
            var sponsor = plan.Sponsors.FirstOrDefault(s => s.Status == ApprovalStatus.Approved && !s.Flagged);
            var influencer = plan.Influencers.FirstOrDefault(i => !i.Flagged);
            var logins = sponsor is null || influencer is null ? null : new SampleLogins(sponsor.Email, influencer.Email);
            return new GeneratorResult(writer.TotalRows, elapsed.Elapsed, logins);
        }
    }

    /// <summary>A generated approved sponsor and influencer in good standing, to sign in as.</summary>
    public async Task<SampleLogins?> FindSampleLoginsAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        var suffix = "@" + EmailDomain;
        var sponsor = await db.Sponsors
            .Where(s => s.Status == ApprovalStatus.Approved && !s.User!.IsFlagged && s.User.Email!.EndsWith(suffix))
            .OrderBy(s => s.Id).Select(s => s.User!.Email).FirstOrDefaultAsync();
        var influencer = await db.Influencers
            .Where(i => !i.User!.IsFlagged && i.User.Email!.EndsWith(suffix))
            .OrderBy(i => i.Id).Select(i => i.User!.Email).FirstOrDefaultAsync();
        return sponsor is null || influencer is null ? null : new SampleLogins(sponsor, influencer);
    }

    private static void WriteInfluencers(BulkWriter writer, UserRows users, MarketplacePlan plan)
    {
        writer.BeginPhase("influencers (with their accounts)");
        var insertUser = users.PrepareUsers(writer);
        var insertRole = UserRows.PrepareRoles(writer);
        var insert = writer.Prepare("Influencers",
            "Id", "UserId", "Name", "Category", "Niche", "Followers", "ReachScore", "Platforms", "Bio",
            "RequestsReceived", "RequestsAccepted", "RequestsCompleted", "RatingSum", "RatingCount", "CreatedAt", "UpdatedAt");
        foreach (var i in plan.Influencers)
        {
            insertUser(users.Row(i.UserId, i.Email, i.Name, i.Flagged, i.CreatedAt));
            insertRole([i.UserId, users.InfluencerRoleId]);
            var handle = i.Name.Replace(" ", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal).ToLowerInvariant();
            var platforms = $"{Platforms[i.Id % Platforms.Length]} @{handle}{i.Id % 1000} · {Platforms[(i.Id / 7) % Platforms.Length]} @{handle}";
            var bio = $"{i.Name} creates {i.Niche.ToLowerInvariant()} content for {i.Followers:N0} followers. "
                + $"Open to {i.Category.ToLowerInvariant()} brands that {Goals[i.Id % Goals.Length]}.";
            insert([i.Id, i.UserId, i.Name, i.Category, i.Niche, i.Followers, Relevance.Reach(i.Followers), platforms, bio,
                i.Received, i.Accepted, i.Completed, i.RatingSum, i.RatingCount, i.CreatedAt, i.CreatedAt]);
        }

        writer.EndPhase();
    }

    private static void WriteSponsors(BulkWriter writer, UserRows users, MarketplacePlan plan)
    {
        writer.BeginPhase("sponsors (with their accounts)");
        var insertUser = users.PrepareUsers(writer);
        var insertRole = UserRows.PrepareRoles(writer);
        var insert = writer.Prepare("Sponsors",
            "Id", "UserId", "Name", "Kind", "Industry", "BudgetCents", "Status", "DecidedAt", "RatingSum", "RatingCount", "CreatedAt", "UpdatedAt");
        foreach (var s in plan.Sponsors)
        {
            insertUser(users.Row(s.UserId, s.Email, s.Name, s.Flagged, s.CreatedAt));
            insertRole([s.UserId, users.SponsorRoleId]);
            var decided = s.Status == ApprovalStatus.Pending ? (DateTime?)null : s.CreatedAt.AddDays(1);
            insert([s.Id, s.UserId, s.Name, (int)(s.Id % 5 == 0 ? SponsorKind.Individual : SponsorKind.Company),
                Industries[s.Id % Industries.Length], (s.Id % 50 + 1) * 1_000_000L, (int)s.Status, decided,
                s.RatingSum, s.RatingCount, s.CreatedAt, decided ?? s.CreatedAt]);
        }

        writer.EndPhase();
    }

    private static void WriteCampaigns(BulkWriter writer, MarketplacePlan plan)
    {
        writer.BeginPhase("campaigns");
        var insert = writer.Prepare("Campaigns",
            "Id", "SponsorId", "Name", "Description", "Category", "Niche", "StartDate", "EndDate", "BudgetCents", "Visibility",
            "Goals", "IsFlagged", "DeletedAt", "CommittedCents", "SpentCents", "CreatedAt", "UpdatedAt");
        foreach (var c in plan.Campaigns)
        {
            var goal = Goals[c.Id % Goals.Length];
            var description = $"{c.Sponsor.Name} is looking for {c.Niche.ToLowerInvariant()} creators to {goal}. "
                + $"Runs from {c.Start:MMMM d} to {c.End:MMMM d}; posts, stories and honest reviews welcome.";
            insert([c.Id, c.Sponsor.Id, c.Name, description, c.Category, c.Niche, c.Start, c.End, c.BudgetCents, (int)c.Visibility,
                $"We want to {goal}.", c.Flagged, c.DeletedAt, c.CommittedCents, c.SpentCents, c.CreatedAt, c.DeletedAt ?? c.CreatedAt]);
        }

        writer.EndPhase();
    }

    private static void WriteRequests(BulkWriter writer, MarketplacePlan plan, FirstIds ids, Random random)
    {
        writer.BeginPhase("ad requests (with revisions, payments, reviews)");
        var insert = writer.Prepare("AdRequests",
            "Id", "CampaignId", "InfluencerId", "InitiatedBy", "Status", "PaymentCents", "Requirements", "LatestRevision", "LatestBy",
            "DeliveryUrl", "DeliveredAt", "AcceptedAt", "PaidAt", "CompletedAt", "ClosedReason", "CreatedAt", "UpdatedAt");
        var insertRevision = writer.Prepare("AdRequestRevisions",
            "Id", "AdRequestId", "Number", "By", "AuthorUserId", "PaymentCents", "Requirements", "Message", "CreatedAt");
        var insertPayment = writer.Prepare("Payments",
            "Id", "AdRequestId", "AmountCents", "CardBrand", "CardLast4", "ReceiptNumber", "PaidAt", "PayerUserId");
        var insertReview = writer.Prepare("Reviews",
            "Id", "AdRequestId", "By", "ReviewerUserId", "RevieweeUserId", "Rating", "Text", "CreatedAt");
        var (revisionId, paymentId, reviewId) = (ids.Revision, ids.Payment, ids.Review);
        foreach (var r in plan.Requests)
        {
            var sponsorUser = r.Campaign.Sponsor.UserId;
            var requirements = $"{1 + r.Id % 3} {(r.Id % 2 == 0 ? "posts" : "videos")} about {r.Campaign.Niche} on "
                + $"{Platforms[r.Id % Platforms.Length]}, tagging {r.Campaign.Sponsor.Name}.";
            var closedReason = r.Status switch
            {
                AdRequestStatus.Rejected => "The terms did not fit this time.",
                AdRequestStatus.Cancelled => "Plans changed before delivery.",
                _ => null,
            };
            insert([r.Id, r.Campaign.Id, r.Influencer.Id, (int)r.InitiatedBy, (int)r.Status, r.PaymentCents, requirements,
                r.Revisions, (int)r.LatestBy, r.DeliveredAt is null ? null : $"https://example.com/posts/{r.Id}",
                r.DeliveredAt, r.AcceptedAt, r.PaidAt, r.CompletedAt, closedReason, r.CreatedAt, r.UpdatedAt]);

            // Offers converge on the agreed payment; the last revision's terms are the request's.
            var opening = Math.Max(1_000, (long)(r.PaymentCents * (0.7 + random.NextDouble() * 0.6)) / 1_000 * 1_000);
            for (var n = 1; n <= r.Revisions; n++)
            {
                var by = n % 2 == 1 ? r.InitiatedBy : PlannedRequest.Other(r.InitiatedBy);
                var payment = n == r.Revisions ? r.PaymentCents : opening + (r.PaymentCents - opening) * (n - 1) / r.Revisions;
                insertRevision([revisionId++, r.Id, n, (int)by, by == Party.Sponsor ? sponsorUser : r.Influencer.UserId,
                    payment, requirements, n == 1 ? "Here is our offer." : "How about these terms?", r.CreatedAt.AddHours(n - 1)]);
            }

            if (r.PaidAt is { } paidAt)
            {
                insertPayment([paymentId++, r.Id, r.PaymentCents, random.Pick(CardBrands), random.Next(10_000).ToString("D4"),
                    $"SEED-{r.Id:D10}", paidAt, sponsorUser]);
            }

            if (r.RatingOfInfluencer is { } ofInfluencer)
            {
                insertReview([reviewId++, r.Id, (int)Party.Sponsor, sponsorUser, r.Influencer.UserId, ofInfluencer,
                    ReviewTexts[(5 - ofInfluencer + r.Id % 2) % ReviewTexts.Length], r.CompletedAt]);
            }

            if (r.RatingOfSponsor is { } ofSponsor)
            {
                insertReview([reviewId++, r.Id, (int)Party.Influencer, r.Influencer.UserId, sponsorUser, ofSponsor,
                    ReviewTexts[(5 - ofSponsor) % ReviewTexts.Length], r.CompletedAt]);
            }
        }

        writer.EndPhase();
    }

    private static async Task<FirstIds> FirstIdsAsync(SqliteConnection connection)
    {
        string[] tables = ["Influencers", "Sponsors", "Campaigns", "AdRequests", "AdRequestRevisions", "Payments", "Reviews"];
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT " + string.Join(", ", tables.Select(t => $"(SELECT COALESCE(MAX(\"Id\"), 0) + 1 FROM \"{t}\")"));
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new FirstIds(reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3),
            reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6));
    }

    private static async Task<Dictionary<string, string>> RoleIdsAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Name\", \"Id\" FROM \"AspNetRoles\"";
        await using var reader = await command.ExecuteReaderAsync();
        var roles = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            roles[reader.GetString(0)] = reader.GetString(1);
        }

        return roles;
    }
}
