using System.Runtime;
using IESCP.Data;

namespace IESCP.Web;

/// <summary>
/// The runtime's multi-core JIT (<see cref="ProfileOptimization"/>): a start records which methods
/// it compiled, and the next start compiles them ahead, in that order, on another core while the
/// main thread builds the model, migrates and starts the server. The record is a file in the data
/// folder (<c>Startup:JitProfileFolder</c>, App_Data by default; empty turns it off), rewritten when
/// the app stops; the first start after an install has none and gains nothing from it. A folder
/// that cannot be written only means no record: the app starts as it would without one.
/// </summary>
internal static class StartupJitProfile
{
    public const string FolderSetting = "Startup:JitProfileFolder";

    public const string FileName = "startup.jitprofile";

    private const string DefaultFolder = "App_Data";

    public static void Start(WebApplicationBuilder builder)
    {
        var folder = builder.Configuration[FolderSetting] ?? DefaultFolder;
        // The test suite hosts the app many times in one process, and a process has one record.
        if (string.IsNullOrWhiteSpace(folder) || builder.Environment.IsEnvironment(DependencyInjection.TestingEnvironment))
        {
            return;
        }

        try
        {
            folder = Path.GetFullPath(folder);
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return;
        }

        ProfileOptimization.SetProfileRoot(folder);
        ProfileOptimization.StartProfile(FileName);
    }
}
