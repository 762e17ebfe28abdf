using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IESCP.Data.Database;

/// <summary>
/// Lets SQLite read the database file through a memory map instead of copying each page it needs
/// into the connection's small page cache with a read call. Searches touch thousands of index pages
/// each; measured under load, those copies were a tenth of the server's processor time. The map is
/// address space, not memory: the pages are the operating system's file cache, shared by every
/// connection. Set on each open (a pooled connection keeps it; setting it again costs nothing).
/// </summary>
internal sealed class SqliteMemoryMap : DbConnectionInterceptor
{
    // Larger than any database this app is expected to hold; past it SQLite reads as before.
    private const string Pragma = "PRAGMA mmap_size = 4294967296;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
