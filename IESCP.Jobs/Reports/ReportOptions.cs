namespace IESCP.Jobs.Reports;

/// <summary>Configuration section "Reports".</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>
    /// PDFsharp 6.5 (the only version the package registry has) is licensed AGPL-3.0-only unless a
    /// commercial key is loaded: "AGPL" accepts the AGPL terms, any other value is loaded as a
    /// PDFsharp license key. Empty: PDFs cannot be made.
    /// </summary>
    public string PdfSharpLicense { get; set; } = "";
}
