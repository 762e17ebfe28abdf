namespace IESCP.Data.Exports;

/// <summary>What a CSV export holds; each kind has one owner role.</summary>
public enum ExportKind
{
    /// <summary>A sponsor's own campaigns.</summary>
    MyCampaigns = 0,

    /// <summary>The admin's export of every campaign.</summary>
    AllCampaigns = 1,

    /// <summary>The admin's export of every account.</summary>
    AllUsers = 2,
}

public enum ExportStatus
{
    Queued = 0,
    Running = 1,
    Done = 2,
    Failed = 3,
}

/// <summary>
/// A CSV file made in the background for the user who asked for it; only that user can download
/// it, and only until it expires, when the cleanup job deletes file and row.
/// </summary>
public sealed class Export
{
    /// <summary>Random, so an export's address cannot be guessed (the owner check still applies).</summary>
    public Guid Id { get; set; }

    public string OwnerUserId { get; set; } = "";

    public ExportKind Kind { get; set; }

    public ExportStatus Status { get; set; }

    public int RowsDone { get; set; }

    /// <summary>Counted when the export starts, for the progress bar.</summary>
    public int RowsTotal { get; set; }

    /// <summary>The name the download gets.</summary>
    public string FileName { get; set; } = "";

    public string? Error { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public DateTime? ExpiresAt { get; set; }
}
