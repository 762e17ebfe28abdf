using System.Globalization;
using CsvHelper;

namespace IESCP.Data.Exports;

/// <summary>How every export file is written: UTF-8 with a byte order mark (so spreadsheets read it as such), invariant numbers and dates, and no text a spreadsheet would run as a formula.</summary>
internal static class CsvFormat
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        // A name such as "=HYPERLINK(...)" opens as text, not as a formula (CSV injection):
        // text starting with = + - @ (or a tab or return) gets a leading apostrophe.
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static CsvWriter Writer(Stream stream) => CsvWriter.Create(stream, Options, leaveOpen: false);

    public static string Date(DateTime? at) => at?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "";

    public static string Amount(long cents) => Money.FromCents(cents).ToString("0.00", CultureInfo.InvariantCulture);
}
