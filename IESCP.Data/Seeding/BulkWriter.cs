using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace IESCP.Data.Seeding;

/// <summary>
/// Inserts rows through prepared, reused commands, committing every <see cref="BatchRows"/>
/// rows: one transaction per row would be a disk sync each, one for everything would hold the
/// write lock and the journal for the whole run.
/// </summary>
internal sealed class BulkWriter(SqliteConnection connection, Action<string> report) : IDisposable
{
    public const int BatchRows = 10_000;

    private readonly List<SqliteCommand> commands = [];
    private readonly Stopwatch phaseClock = new();
    private SqliteTransaction? transaction;
    private string phase = "";
    private long phaseRows;
    private int batchRows;
    private TimeSpan lastReport;

    public long TotalRows { get; private set; }

    /// <summary>A prepared INSERT of one table; call it with the values in column order.</summary>
    public Action<object?[]> Prepare(string table, params string[] columns)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) "
            + $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
        commands.Add(command);
        EnsureTransaction();
        command.Transaction = transaction;
        command.Prepare();
        return values =>
        {
            EnsureTransaction();
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = values[i] ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
            Counted();
        };
    }

    public void BeginPhase(string name)
    {
        phase = name;
        phaseRows = 0;
        lastReport = TimeSpan.Zero;
        phaseClock.Restart();
    }

    public void EndPhase()
    {
        Commit();
        var seconds = Math.Max(phaseClock.Elapsed.TotalSeconds, 0.001);
        report(string.Create(CultureInfo.InvariantCulture, $"{phase}: {phaseRows:N0} rows in {seconds:0.0} s ({phaseRows / seconds:N0} rows/s)"));
    }

    private void Counted()
    {
        phaseRows++;
        TotalRows++;
        if (++batchRows < BatchRows)
        {
            return;
        }

        Commit();
        if (phaseClock.Elapsed - lastReport >= TimeSpan.FromSeconds(1))
        {
            lastReport = phaseClock.Elapsed;
            report(string.Create(CultureInfo.InvariantCulture,
                $"  {phase}: {phaseRows:N0} rows so far ({phaseRows / phaseClock.Elapsed.TotalSeconds:N0} rows/s)"));
        }
    }

    private void Commit()
    {
        transaction?.Commit();
        transaction?.Dispose();
        transaction = null;
        batchRows = 0;
    }

    /// <summary>Opens the next batch's transaction for every prepared command.</summary>
    private void EnsureTransaction()
    {
        if (transaction is not null)
        {
            return;
        }

        transaction = connection.BeginTransaction();
        foreach (var command in commands)
        {
            command.Transaction = transaction;
        }
    }

    public void Dispose()
    {
        transaction?.Dispose();
        foreach (var command in commands)
        {
            command.Dispose();
        }
    }
}
