using PdfSharp.Fonts;
using PdfSharp.WPFonts;

namespace IESCP.Jobs.Reports;

/// <summary>
/// PDFsharp set up for the reports: its license (see <see cref="ReportOptions.PdfSharpLicense"/>), and
/// fonts from the font files that come with PDFsharp (Segoe WP): the same
/// on every machine, with no system fonts needed. Every family asked for resolves to them.
/// </summary>
internal sealed class PdfSetup : IFontResolver
{
    public const string Family = "Segoe WP";

    private const string Regular = "SegoeWP";
    private const string Bold = "SegoeWP-Bold";

    private static readonly Lock Gate = new();
    private static bool licensed;

    /// <summary>PDFsharp's license and font settings are global to the process; set them once, whoever renders first.</summary>
    public static void EnsureInstalled(string license)
    {
        lock (Gate)
        {
            if (!licensed)
            {
                if (string.IsNullOrWhiteSpace(license))
                {
                    throw new InvalidOperationException("PDFsharp 6.5 needs a license: set Reports:PdfSharpLicense to \"AGPL\" or to a license key.");
                }

                if (string.Equals(license.Trim(), "AGPL", StringComparison.OrdinalIgnoreCase))
                {
                    PdfSharp.PdfSharpLicense.SetAgplLicense();
                }
                else
                {
                    PdfSharp.PdfSharpLicense.LoadLicense(license.Trim());
                }

                licensed = true;
            }

            if (GlobalFontSettings.FontResolver is not PdfSetup)
            {
                GlobalFontSettings.FontResolver = new PdfSetup();
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular, mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => faceName == Bold ? FontDataHelper.SegoeWPBold : FontDataHelper.SegoeWP;
}
