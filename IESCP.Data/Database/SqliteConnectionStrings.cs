using Microsoft.Data.Sqlite;

namespace IESCP.Data.Database;

internal static class SqliteConnectionStrings
{
    /// <summary>
    /// Anchors a relative database file to the content root and makes sure its folder exists,
    /// so the app finds the same file whatever the working directory.
    /// </summary>
    public static string Resolve(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is "" or ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            return builder.ToString();
        }

        if (!Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        if (builder.DefaultTimeout < 30)
        {
            // Writers wait for each other instead of failing with "database is locked".
            builder.DefaultTimeout = 30;
        }

        return builder.ToString();
    }
}
