namespace IESCP.Data.Exports;

/// <summary>Where export files live: one file per export, named by its id, never by anything a user typed.</summary>
public sealed class ExportFiles(string folder)
{
    public string Folder => folder;

    public string PathOf(Guid exportId) => Path.Combine(folder, $"{exportId:N}.csv");

    /// <summary>Where a file is written before it is complete; only a finished file gets its real name.</summary>
    public string PartialPathOf(Guid exportId) => PathOf(exportId) + ".part";
}
