using CsvHelper;

namespace IESCP.Data.Exports;

/// <summary>
/// The rows of one kind of export, read in keyset-ordered steps so a file of any size is written
/// with the memory of one step.
/// </summary>
internal interface IExportTable
{
    Task<int> CountAsync(IescpDbContext db, CancellationToken cancellationToken);

    void WriteHeader(CsvWriter csv);

    /// <summary>Writes up to <paramref name="max"/> rows after <paramref name="cursor"/> (null: from the start); returns how many, and where to go on.</summary>
    Task<(int Rows, string? Cursor)> WriteNextAsync(IescpDbContext db, CsvWriter csv, string? cursor, int max, CancellationToken cancellationToken);
}
