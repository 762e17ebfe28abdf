namespace IESCP.Data.Exports;

public sealed record ExportView(
    Guid Id, ExportKind Kind, ExportStatus Status, int RowsDone, int RowsTotal, string FileName, string? Error,
    DateTime CreatedAt, DateTime? FinishedAt, DateTime? ExpiresAt)
{
    /// <summary>How far along it is, 0 to 100.</summary>
    public double Percent => Status == ExportStatus.Done ? 100 : RowsTotal == 0 ? 0 : Math.Min(100, 100.0 * RowsDone / RowsTotal);
}

/// <summary>A finished export's file, for its owner's download.</summary>
public sealed record ExportFile(string Path, string FileName);

/// <summary>What a finished export tells its owner.</summary>
public sealed record ExportResult(Guid Id, string OwnerUserId, string OwnerName, string OwnerEmail, ExportKind Kind, int Rows, string FileName, DateTime ExpiresAt);

public static class ExportKinds
{
    public static string Describe(this ExportKind kind) => kind switch
    {
        ExportKind.MyCampaigns => "your campaigns",
        ExportKind.AllCampaigns => "all campaigns",
        _ => "all users",
    };
}
