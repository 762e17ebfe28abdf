using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace IESCP.Data.Database;

/// <summary>What a backup wrote: where, how big, how long it took, and SQLite's own check of the copy.</summary>
public sealed record BackupResult(string Path, long Bytes, TimeSpan Elapsed, string IntegrityCheck);

/// <summary>
/// An online backup of the SQLite database with SQLite's backup API: the app keeps serving, and
/// the copy is the database exactly as it was when the copy finished (never a half-written file,
/// which copying the file while it is in use could give). The copy is checked before it counts.
/// </summary>
public sealed class DatabaseBackup(IDbContextFactory<IescpDbContext> contexts)
{
    public async Task<BackupResult> BackupAsync(string path, CancellationToken cancellationToken = default)
    {
        path = Path.GetFullPath(path);
        if (File.Exists(path))
        {
            throw new ArgumentException($"{path} exists already; back up to a new file.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var clock = Stopwatch.StartNew();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var source = (SqliteConnection)db.Database.GetDbConnection();
        await source.OpenAsync(cancellationToken);
        await using (var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            await destination.OpenAsync(cancellationToken);
            source.BackupDatabase(destination);
        }

        var check = await IntegrityCheckAsync(path, cancellationToken);
        return new BackupResult(path, new FileInfo(path).Length, clock.Elapsed, check);
    }

    /// <summary>SQLite's <c>PRAGMA integrity_check</c> of a database file: "ok", or what is wrong.</summary>
    public static async Task<string> IntegrityCheckAsync(string path, CancellationToken cancellationToken = default)
    {
        var readOnly = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        await using var connection = new SqliteConnection(readOnly.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join("; ", lines);
    }
}
