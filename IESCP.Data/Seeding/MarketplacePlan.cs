using IESCP.Data.AdRequests;
using IESCP.Data.Campaigns;
using IESCP.Data.Catalog;
using IESCP.Data.Sponsors;
using static IESCP.Data.Seeding.SeedVocabulary;

namespace IESCP.Data.Seeding;

internal sealed class PlannedInfluencer
{
    public required int Id { get; init; }
    public required string UserId { get; init; }
    public required string Name { get; init; }
    public required string Niche { get; init; }
    public required long Followers { get; init; }
    public required bool Flagged { get; init; }
    public required DateTime CreatedAt { get; init; }

    /// <summary>How good their work is, 0 to 1: drives the ratings sponsors give.</summary>
    public required double Quality { get; init; }

    public string Category => Niches.CategoryOf(Niche);
    public string Email => $"influencer{Id}@{DataGenerator.EmailDomain}";
    public int Received { get; set; }
    public int Accepted { get; set; }
    public int Completed { get; set; }
    public int RatingSum { get; set; }
    public int RatingCount { get; set; }
}

internal sealed class PlannedSponsor
{
    public required int Id { get; init; }
    public required string UserId { get; init; }
    public required string Name { get; init; }
    public required ApprovalStatus Status { get; init; }
    public required bool Flagged { get; init; }
    public required DateTime CreatedAt { get; init; }
    public string Email => $"sponsor{Id}@{DataGenerator.EmailDomain}";
    public int RatingSum { get; set; }
    public int RatingCount { get; set; }
}

internal sealed class PlannedCampaign
{
    public required int Id { get; init; }
    public required PlannedSponsor Sponsor { get; init; }
    public required string Name { get; init; }
    public required string Niche { get; init; }
    public required DateOnly Start { get; init; }
    public required DateOnly End { get; init; }
    public required long BudgetCents { get; init; }
    public required CampaignVisibility Visibility { get; init; }
    public required bool Flagged { get; init; }
    public required DateTime? DeletedAt { get; init; }
    public required DateTime CreatedAt { get; init; }
    public string Category => Niches.CategoryOf(Niche);
    public long CommittedCents { get; set; }
    public long SpentCents { get; set; }
}

internal sealed class PlannedRequest
{
    public required int Id { get; init; }
    public required PlannedCampaign Campaign { get; init; }
    public required PlannedInfluencer Influencer { get; init; }
    public required Party InitiatedBy { get; init; }
    public required AdRequestStatus Status { get; init; }
    public required long PaymentCents { get; init; }
    public required int Revisions { get; init; }
    public required DateTime CreatedAt { get; init; }
    public DateTime? AcceptedAt { get; init; }
    public DateTime? PaidAt { get; init; }
    public DateTime? DeliveredAt { get; init; }
    public DateTime? CompletedAt { get; init; }
    public int? RatingOfInfluencer { get; init; }
    public int? RatingOfSponsor { get; init; }
    public Party LatestBy => Revisions % 2 == 1 ? InitiatedBy : Other(InitiatedBy);
    public DateTime UpdatedAt => CompletedAt ?? DeliveredAt ?? PaidAt ?? AcceptedAt ?? CreatedAt.AddHours(Revisions - 1);

    public static Party Other(Party party) => party == Party.Sponsor ? Party.Influencer : Party.Sponsor;
}

/// <summary>Next free ids, so a seed can add to a database that already has rows.</summary>
internal sealed record FirstIds(int Influencer, int Sponsor, int Campaign, int Request, int Revision, int Payment, int Review);

/// <summary>
/// Everything the generator will write, decided in memory first, so the ledgers and counters are
/// sums of the very requests written and every rule of the schema holds before a row is sent.
/// </summary>
internal sealed class MarketplacePlan
{
    private static readonly (AdRequestStatus Status, int Weight)[] StatusWeights =
    [
        (AdRequestStatus.Pending, 12), (AdRequestStatus.Negotiating, 10), (AdRequestStatus.Accepted, 8),
        (AdRequestStatus.Rejected, 15), (AdRequestStatus.Withdrawn, 6), (AdRequestStatus.Cancelled, 6),
        (AdRequestStatus.Paid, 10), (AdRequestStatus.Completed, 33),
    ];

    private readonly Random random;
    private readonly DateTime now;
    private readonly HashSet<(int Campaign, int Influencer)> openPairs = [];

    private MarketplacePlan(Random random, DateTime now)
    {
        this.random = random;
        this.now = now;
    }

    public List<PlannedInfluencer> Influencers { get; } = [];
    public List<PlannedSponsor> Sponsors { get; } = [];
    public List<PlannedCampaign> Campaigns { get; } = [];
    public List<PlannedRequest> Requests { get; } = [];
    public int Reviews => Requests.Sum(r => (r.RatingOfInfluencer is null ? 0 : 1) + (r.RatingOfSponsor is null ? 0 : 1));

    public static MarketplacePlan Create(GeneratorOptions options, FirstIds ids, DateTime now)
    {
        var plan = new MarketplacePlan(new Random(options.RandomSeed), now);
        plan.AddInfluencers(options.Influencers, ids.Influencer);
        plan.AddSponsors(options.Sponsors, ids.Sponsor);
        plan.AddCampaigns(options.Campaigns, ids.Campaign);
        plan.AddRequests(options.Requests, ids.Request);
        return plan;
    }

    private void AddInfluencers(int count, int firstId)
    {
        for (var k = 0; k < count; k++)
        {
            Influencers.Add(new PlannedInfluencer
            {
                Id = firstId + k,
                UserId = Guid.NewGuid().ToString(),
                Name = $"{random.Pick(FirstNames)} {random.Pick(LastNames)}",
                Niche = random.Pick(Niches.All),
                Followers = (long)Math.Clamp(random.LogNormal(median: 15_000, sigma: 1.8), 50, 80_000_000),
                Flagged = random.Chance(0.01),
                CreatedAt = DaysAgo(30, 900),
                Quality = random.NextDouble(),
            });
        }
    }

    private void AddSponsors(int count, int firstId)
    {
        for (var k = 0; k < count; k++)
        {
            var roll = random.NextDouble();
            var status = roll < 0.85 ? ApprovalStatus.Approved : roll < 0.95 ? ApprovalStatus.Pending : ApprovalStatus.Rejected;
            Sponsors.Add(new PlannedSponsor
            {
                Id = firstId + k,
                UserId = Guid.NewGuid().ToString(),
                Name = $"{random.Pick(CompanyWords)} {random.Pick(CompanyWords)} {random.Pick(CompanyKinds)}",
                Status = status,
                Flagged = status == ApprovalStatus.Approved && random.Chance(0.01),
                CreatedAt = DaysAgo(60, 900),
            });
        }
    }

    private void AddCampaigns(int count, int firstId)
    {
        var approved = Sponsors.Where(s => s.Status == ApprovalStatus.Approved).ToList();
        if (approved.Count == 0 && count > 0)
        {
            throw new InvalidOperationException("Campaigns need at least one approved sponsor; generate more sponsors.");
        }

        var today = DateOnly.FromDateTime(now);
        for (var k = 0; k < count; k++)
        {
            var start = today.AddDays(random.Next(-150, 31));
            var created = start.ToDateTime(TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(random.Next(24 * 60))), DateTimeKind.Utc)
                .AddDays(-random.Next(1, 30));
            var niche = random.Pick(Niches.All);
            Campaigns.Add(new PlannedCampaign
            {
                Id = firstId + k,
                Sponsor = random.Pick(approved),
                Name = $"{random.Pick(Occasions)} {niche} {random.Pick(CampaignKinds)}",
                Niche = niche,
                Start = start,
                End = start.AddDays(random.Next(14, 121)),
                BudgetCents = (long)Math.Clamp(random.LogNormal(median: 8_000, sigma: 1.0), 200, 2_000_000) / 10 * 1000,
                Visibility = random.Chance(0.85) ? CampaignVisibility.Public : CampaignVisibility.Private,
                Flagged = random.Chance(0.01),
                DeletedAt = random.Chance(0.02) ? now.AddDays(-random.Next(1, 30)) : null,
                CreatedAt = created < now ? created : now.AddHours(-random.Next(1, 48)),
            });
        }
    }

    private void AddRequests(int count, int firstId)
    {
        if (count > 0 && (Campaigns.Count == 0 || Influencers.Count == 0))
        {
            throw new InvalidOperationException("Ad requests need campaigns and influencers.");
        }

        var byCategory = Influencers.GroupBy(i => i.Category).ToDictionary(g => g.Key, g => g.ToList());
        for (var k = 0; k < count; k++)
        {
            var campaign = random.Pick(Campaigns);
            var influencer = random.Chance(0.7) && byCategory.TryGetValue(campaign.Category, out var sameCategory)
                ? random.Pick(sameCategory)
                : random.Pick(Influencers);
            Requests.Add(PlanRequest(firstId + k, campaign, influencer));
        }
    }

    private PlannedRequest PlanRequest(int id, PlannedCampaign campaign, PlannedInfluencer influencer)
    {
        var status = PickStatus();
        var payment = Math.Max(1_000, (long)(campaign.BudgetCents * (0.03 + random.NextDouble() * 0.17)) / 1_000 * 1_000);
        var pair = (campaign.Id, influencer.Id);
        if (IsOpen(status) && (campaign.Flagged || campaign.DeletedAt is not null || openPairs.Contains(pair)))
        {
            // A hidden campaign takes no new requests, and a pair has at most one open request.
            status = random.Chance(0.5) ? AdRequestStatus.Rejected : AdRequestStatus.Withdrawn;
        }

        if (Commits(status))
        {
            var left = campaign.BudgetCents - campaign.CommittedCents;
            if (left < 1_000)
            {
                status = AdRequestStatus.Rejected;
            }
            else
            {
                payment = Math.Min(payment, left);
                campaign.CommittedCents += payment;
                campaign.SpentCents += status is AdRequestStatus.Paid or AdRequestStatus.Completed ? payment : 0;
            }
        }

        if (IsOpen(status))
        {
            openPairs.Add(pair);
        }

        var latest = campaign.End.ToDateTime(TimeOnly.MaxValue, DateTimeKind.Utc);
        var window = (latest < now ? latest : now) - campaign.CreatedAt;
        var created = campaign.CreatedAt + (window > TimeSpan.FromHours(1) ? window * random.NextDouble() : TimeSpan.Zero);
        var wasAccepted = Commits(status) || (status == AdRequestStatus.Cancelled && random.Chance(0.5));
        var accepted = wasAccepted ? Before(created.AddHours(random.Next(2, 120))) : (DateTime?)null;
        var paid = status is AdRequestStatus.Paid or AdRequestStatus.Completed ? Before(accepted!.Value.AddHours(random.Next(1, 168))) : (DateTime?)null;
        var delivered = status == AdRequestStatus.Completed || (paid is not null && random.Chance(0.4))
            ? Before(paid!.Value.AddHours(random.Next(24, 24 * 14)))
            : (DateTime?)null;
        var completed = status == AdRequestStatus.Completed ? Before(delivered!.Value.AddHours(random.Next(1, 72))) : (DateTime?)null;

        var request = new PlannedRequest
        {
            Id = id,
            Campaign = campaign,
            Influencer = influencer,
            InitiatedBy = random.Chance(0.7) ? Party.Sponsor : Party.Influencer,
            Status = status,
            PaymentCents = payment,
            Revisions = status == AdRequestStatus.Negotiating ? random.Next(2, 6) : random.Next(1, 4),
            CreatedAt = created,
            AcceptedAt = accepted,
            PaidAt = paid,
            DeliveredAt = delivered,
            CompletedAt = completed,
            RatingOfInfluencer = completed is not null && random.Chance(0.65) ? RatingFor(influencer.Quality) : null,
            RatingOfSponsor = completed is not null && random.Chance(0.45) ? RatingFor(random.NextDouble()) : null,
        };
        Count(request);
        return request;
    }

    /// <summary>The counters the ad request and review commands keep, from the same facts.</summary>
    private static void Count(PlannedRequest request)
    {
        var influencer = request.Influencer;
        influencer.Received++;
        influencer.Accepted += request.AcceptedAt is null ? 0 : 1;
        influencer.Completed += request.Status == AdRequestStatus.Completed ? 1 : 0;
        if (request.RatingOfInfluencer is { } ofInfluencer)
        {
            influencer.RatingSum += ofInfluencer;
            influencer.RatingCount++;
        }

        if (request.RatingOfSponsor is { } ofSponsor)
        {
            request.Campaign.Sponsor.RatingSum += ofSponsor;
            request.Campaign.Sponsor.RatingCount++;
        }
    }

    private static bool IsOpen(AdRequestStatus status) => AdRequestRules.Open.Contains(status);

    private static bool Commits(AdRequestStatus status) => AdRequestRules.Committed.Contains(status);

    private AdRequestStatus PickStatus()
    {
        var roll = random.Next(StatusWeights.Sum(w => w.Weight));
        foreach (var (status, weight) in StatusWeights)
        {
            if (roll < weight)
            {
                return status;
            }

            roll -= weight;
        }

        return AdRequestStatus.Pending;
    }

    private int RatingFor(double quality) =>
        (int)Math.Clamp(Math.Round(2.6 + 2.4 * quality + (random.NextDouble() - 0.5) * 1.6), 1, 5);

    private DateTime DaysAgo(int min, int max) => now.AddDays(-random.Next(min, max)).AddMinutes(-random.Next(24 * 60));

    private DateTime Before(DateTime moment) => moment < now ? moment : now;
}
