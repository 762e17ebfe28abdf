using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace IESCP.Tests.Infrastructure;

/// <summary>
/// Every table of a SQLite database as a row count and a hash of its rows, read from the file
/// itself: two fingerprints that differ show that (and in which tables) something was written.
/// </summary>
public sealed record DataFingerprint(IReadOnlyDictionary<string, (long Rows, string Hash)> Tables)
{
    /// <summary>Reads the database at <paramref name="databaseFile"/>, leaving out the tables named in <paramref name="except"/> (those a background job keeps writing).</summary>
    public static async Task<DataFingerprint> OfAsync(string databaseFile, params string[] except)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        var tables = new SortedDictionary<string, (long, string)>(StringComparer.Ordinal);
        foreach (var name in names.Where(n => !except.Any(e => n.StartsWith(e, StringComparison.Ordinal))))
        {
            await using var read = connection.CreateCommand();
            read.CommandText = $"SELECT * FROM \"{name}\"";
            await using var reader = await read.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.GetValue(i);
                    row.Append(value is byte[] bytes ? Convert.ToHexString(bytes) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture))
                        .Append('\u001F');
                }

                rows.Add(row.ToString());
            }

            rows.Sort(StringComparer.Ordinal);
            tables[name] = (rows.Count, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001E', rows)))));
        }

        return new DataFingerprint(tables);
    }

    /// <summary>The tables whose rows differ from <paramref name="before"/>'s, with their row counts then and now.</summary>
    public IReadOnlyList<string> ChangesSince(DataFingerprint before) =>
    [
        .. Tables.Keys.Union(before.Tables.Keys).Order(StringComparer.Ordinal)
            .Where(t => !before.Tables.TryGetValue(t, out var then) || !Tables.TryGetValue(t, out var now) || then != now)
            .Select(t => $"{t} ({(before.Tables.TryGetValue(t, out var then) ? then.Rows : 0)} → {(Tables.TryGetValue(t, out var now) ? now.Rows : 0)} rows)"),
    ];
}
