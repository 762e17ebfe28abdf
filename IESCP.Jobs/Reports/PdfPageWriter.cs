using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace IESCP.Jobs.Reports;

/// <summary>Writes lines and table rows down A4 pages, starting a new page when one is full.</summary>
internal sealed class PdfPageWriter : IDisposable
{
    public const double Margin = 40;

    private readonly PdfDocument document;
    private XGraphics graphics = default!;
    private PdfPage page = default!;

    public PdfPageWriter(PdfDocument document)
    {
        this.document = document;
        NewPage();
    }

    public static XFont Font(double size, bool bold = false) => new(PdfSetup.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

    public double Width => page.Width.Point - 2 * Margin;

    public double Y { get; private set; }

    /// <summary>Room for <paramref name="height"/> more points, or a new page.</summary>
    public void Need(double height)
    {
        if (Y + height > page.Height.Point - Margin)
        {
            NewPage();
        }
    }

    public void Line(string text, XFont font, double gapAfter = 4)
    {
        Need(font.Height);
        Text(text, font, Margin, Width, XStringFormats.TopLeft);
        Y += font.Height + gapAfter;
    }

    public void Space(double points) => Y += points;

    /// <summary>One row of cells: each (text, width, right-aligned); text that does not fit is cut with an ellipsis.</summary>
    public void Row(XFont font, params (string Text, double Width, bool Right)[] cells)
    {
        Need(font.Height + 4);
        var x = Margin;
        foreach (var (text, width, right) in cells)
        {
            Text(Fit(text, font, width - 4), font, x + (right ? 0 : 2), width - 4, right ? XStringFormats.TopRight : XStringFormats.TopLeft);
            x += width;
        }

        Y += font.Height + 2;
        graphics.DrawLine(XPens.LightGray, Margin, Y, Margin + Width, Y);
        Y += 2;
    }

    /// <summary>A horizontal bar filled to <paramref name="share"/> (0 to 1), on the current line at <paramref name="x"/> from the margin.</summary>
    public void Bar(double x, double width, double share, double height = 6)
    {
        var top = Y - height - 6;
        graphics.DrawRectangle(new XSolidBrush(XColor.FromArgb(232, 234, 246)), Margin + x, top, width, height);
        graphics.DrawRectangle(new XSolidBrush(XColor.FromArgb(63, 81, 181)), Margin + x, top, width * Math.Clamp(share, 0, 1), height);
    }

    public void Dispose() => graphics.Dispose();

    private void Text(string text, XFont font, double x, double width, XStringFormat format) =>
        graphics.DrawString(text, font, XBrushes.Black, new XRect(x, Y, width, font.Height), format);

    private string Fit(string text, XFont font, double width)
    {
        if (graphics.MeasureString(text, font).Width <= width)
        {
            return text;
        }

        var cut = text;
        while (cut.Length > 1 && graphics.MeasureString(cut + "…", font).Width > width)
        {
            cut = cut[..^1];
        }

        return cut + "…";
    }

    private void NewPage()
    {
        graphics?.Dispose();
        page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        graphics = XGraphics.FromPdfPage(page);
        Y = Margin;
    }
}
