using PdfSharp.Fonts;
using PdfSharp.WPFonts;

namespace IESCP.Jobs.Reports;

/// <summary>
/// The fonts of the PDF reports, from the font files that come with PDFsharp (Segoe WP): the same
/// on every machine, with no system fonts needed. Every family asked for resolves to them.
/// </summary>
internal sealed class PdfFonts : IFontResolver
{
    public const string Family = "Segoe WP";

    private const string Regular = "SegoeWP";
    private const string Bold = "SegoeWP-Bold";

    private static readonly Lock Gate = new();

    /// <summary>PDFsharp's font settings are global to the process; set them once, whoever renders first.</summary>
    public static void EnsureInstalled()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not PdfFonts)
            {
                GlobalFontSettings.FontResolver = new PdfFonts();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => faceName == Bold ? FontDataHelper.SegoeWPBold : FontDataHelper.SegoeWP;
}
