namespace IESCP.Tests.Infrastructure;

/// <summary>The temporary folders fixtures make for their databases, outboxes and servers.</summary>
public static class TempFolder
{
    public static string Create(string prefix) => Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>Deletes the folder; one whose files are still held open is left for the OS to clean up.</summary>
    public static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
