namespace IESCP.Data.Exports;

/// <summary>Configuration section "Exports".</summary>
public sealed class ExportOptions
{
    public const string Section = "Exports";

    /// <summary>Where the CSV files are written; relative to the app's folder.</summary>
    public string Folder { get; set; } = "App_Data/exports";

    /// <summary>How long a finished export can be downloaded before the cleanup job deletes it.</summary>
    public TimeSpan KeepFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Rows read and written per step; progress is reported after each step.</summary>
    public int ChunkSize { get; set; } = 500;
}
