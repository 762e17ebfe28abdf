using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;

namespace IESCP.Tests.Infrastructure;

/// <summary>Opens a PDF with PDFsharp's reader and collects the text its pages draw (the operands of Tj and TJ), one string per page.</summary>
public static class PdfText
{
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        return [.. document.Pages.Cast<PdfSharp.Pdf.PdfPage>().Select(page => string.Join(" ", Strings(ContentReader.ReadContent(page))))];
    }

    private static IEnumerable<string> Strings(CObject content) => content switch
    {
        COperator { OpCode.OpCodeName: OpCodeName.Tj or OpCodeName.TJ } shown => Strings(shown.Operands),
        CString text => [text.Value],
        CSequence sequence => sequence.SelectMany(Strings),
        _ => [],
    };
}
