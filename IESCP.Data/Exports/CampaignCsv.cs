using System.Globalization;
using CsvHelper;
using IESCP.Data.AdRequests;
using IESCP.Data.Campaigns;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.Exports;

/// <summary>Campaigns with their fields, request counts by status and money: one sponsor's live ones, or (for the admin) all.</summary>
internal sealed class CampaignCsv(int? sponsorId) : IExportTable
{
    private static readonly AdRequestStatus[] Statuses = Enum.GetValues<AdRequestStatus>();

    private IQueryable<Campaign> Scope(IescpDbContext db) =>
        sponsorId is { } id ? db.Campaigns.Where(c => c.SponsorId == id && c.DeletedAt == null) : db.Campaigns;

    public Task<int> CountAsync(IescpDbContext db, CancellationToken cancellationToken) => Scope(db).CountAsync(cancellationToken);

    public void WriteHeader(CsvWriter csv) => csv.WriteHeader(
    [
        "Id", "Name", "Sponsor", "Description", "Category", "Niche", "Start", "End", "Visibility", "Goals", "Flagged", "Deleted at",
        "Budget", "Committed", "Spent", "Available", "Requests", .. Statuses.Select(s => s.ToString()), "Created at",
    ]);

    public async Task<(int Rows, string? Cursor)> WriteNextAsync(IescpDbContext db, CsvWriter csv, string? cursor, int max, CancellationToken cancellationToken)
    {
        var after = cursor is null ? 0 : int.Parse(cursor, CultureInfo.InvariantCulture);
        var campaigns = await Scope(db).Where(c => c.Id > after).OrderBy(c => c.Id).Take(max).TagWith(ExportRepository.StepTag)
            .Select(c => new { Campaign = c, Sponsor = c.Sponsor!.Name })
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        var ids = campaigns.Select(c => c.Campaign.Id).ToList();
        var counts = (await db.AdRequests.Where(r => ids.Contains(r.CampaignId))
                .GroupBy(r => new { r.CampaignId, r.Status })
                .Select(g => new { g.Key.CampaignId, g.Key.Status, Count = g.Count() })
                .ToListAsync(cancellationToken))
            .ToDictionary(g => (g.CampaignId, g.Status), g => g.Count);

        foreach (var (c, sponsor) in campaigns.Select(c => (c.Campaign, c.Sponsor)))
        {
            csv.WriteField(c.Id, "");
            foreach (var text in new[] { c.Name, sponsor, c.Description, c.Category, c.Niche })
            {
                csv.WriteField(text);
            }

            csv.WriteField(c.StartDate, "");
            csv.WriteField(c.EndDate, "");
            foreach (var text in new[] { c.Visibility.ToString(), c.Goals, c.IsFlagged ? "yes" : "no", CsvFormat.Date(c.DeletedAt) })
            {
                csv.WriteField(text);
            }

            foreach (var cents in new[] { c.BudgetCents, c.CommittedCents, c.SpentCents, c.BudgetCents - c.CommittedCents })
            {
                csv.WriteField(Money.FromCents(cents), "0.00");
            }

            csv.WriteField(Statuses.Sum(s => counts.GetValueOrDefault((c.Id, s))), "");
            foreach (var status in Statuses)
            {
                csv.WriteField(counts.GetValueOrDefault((c.Id, status)), "");
            }

            csv.WriteField(CsvFormat.Date(c.CreatedAt));
            await csv.EndRecordAsync(cancellationToken);
        }

        return (campaigns.Count, campaigns.Count == 0 ? cursor : ids[^1].ToString(CultureInfo.InvariantCulture));
    }
}
