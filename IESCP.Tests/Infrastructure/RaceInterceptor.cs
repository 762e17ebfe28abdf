using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IESCP.Tests.Infrastructure;

/// <summary>
/// Plays "another writer got in first": when a command finishes reading a row under a given
/// query tag, it runs the test's SQL on the same connection and transaction before the command
/// goes on to its guarded UPDATE. SQLite runs writers one after another, so this is how a test
/// reaches the branch a truly concurrent database would take.
/// </summary>
public sealed class RaceInterceptor : DbCommandInterceptor
{
    private (string Tag, string Sql)? next;

    /// <summary>The next read tagged <paramref name="tag"/> is followed by <paramref name="sql"/> (once).</summary>
    public void AfterNextRead(string tag, string sql)
    {
        lock (this)
        {
            next = (tag, sql);
        }
    }

    public override async ValueTask<InterceptionResult> DataReaderClosingAsync(
        DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        (string Tag, string Sql)? race;
        lock (this)
        {
            race = next is { } n && command.CommandText.Contains($"-- {n.Tag}", StringComparison.Ordinal) ? n : null;
            if (race is not null)
            {
                next = null;
            }
        }

        if (race is { Sql: var sql })
        {
            await eventData.DataReader.CloseAsync();
            await using var other = command.Connection!.CreateCommand();
            other.Transaction = command.Transaction;
            other.CommandText = sql;
            await other.ExecuteNonQueryAsync();
        }

        return result;
    }
}
