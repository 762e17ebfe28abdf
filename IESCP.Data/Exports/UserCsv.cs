using CsvHelper;
using IESCP.Data.Sponsors;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.Exports;

/// <summary>Every account, for the admin: who it is, its role and its standing.</summary>
internal sealed class UserCsv : IExportTable
{
    private static readonly string[] Header =
        ["Id", "Name", "Email", "Role", "Sponsor approval", "Flagged", "Flag reason", "Removed at", "Created at", "Last seen at"];

    public Task<int> CountAsync(IescpDbContext db, CancellationToken cancellationToken) => db.Users.CountAsync(cancellationToken);

    public void WriteHeader(CsvWriter csv) => csv.WriteHeader(Header);

    public async Task<(int Rows, string? Cursor)> WriteNextAsync(IescpDbContext db, CsvWriter csv, string? cursor, int max, CancellationToken cancellationToken)
    {
        var after = cursor ?? "";
        var users = await db.Users.Where(u => string.Compare(u.Id, after) > 0).OrderBy(u => u.Id).Take(max).TagWith(ExportRepository.StepTag)
            .Select(u => new
            {
                u.Id, u.DisplayName, u.Email, u.IsFlagged, u.FlagReason, u.DeletedAt, u.CreatedAt, u.LastSeenAt,
                Role = (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name).FirstOrDefault(),
                Approval = db.Sponsors.Where(s => s.UserId == u.Id).Select(s => (ApprovalStatus?)s.Status).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        foreach (var u in users)
        {
            await csv.WriteRecordAsync(
            [
                u.Id, u.DisplayName, u.Email ?? "", u.Role ?? "", u.Approval?.ToString() ?? "", u.IsFlagged ? "yes" : "no", u.FlagReason ?? "",
                CsvFormat.Date(u.DeletedAt), CsvFormat.Date(u.CreatedAt), CsvFormat.Date(u.LastSeenAt),
            ], cancellationToken);
        }

        return (users.Count, users.Count == 0 ? cursor : users[^1].Id);
    }
}
