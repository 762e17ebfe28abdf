using IESCP.Data.Database;

namespace IESCP.Web.Commands;

/// <summary>
/// <c>backup --to FILE</c>: an online copy of the configured database, safe while the app runs;
/// exits with 1 if SQLite's check of the copy finds anything wrong.
/// </summary>
internal static class BackupCommand
{
    public static string ParseTarget(IReadOnlyList<string> args) =>
        CommandOptions.Parse(args, ["to"]).All("to") is [.., { Length: > 0 } to]
            ? to
            : throw new ArgumentException("Say where to write the copy: backup --to FILE.");

    public static async Task<int> RunAsync(IServiceProvider services, string target)
    {
        var result = await services.GetRequiredService<DatabaseBackup>().BackupAsync(target);
        Console.WriteLine($"Backed up to {result.Path}: {result.Bytes / 1024.0 / 1024.0:0.0} MB in {result.Elapsed.TotalSeconds:0.0} s; integrity check: {result.IntegrityCheck}");
        return result.IntegrityCheck == "ok" ? 0 : 1;
    }
}
