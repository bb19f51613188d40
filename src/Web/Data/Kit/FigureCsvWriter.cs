using System.Text;
using Jobs.Web.Shared;

namespace Jobs.Web.Data.Kit;

/// <summary>
/// One figure as CSV for machines and for Excel: UTF-8 with a byte-order mark (without it Excel reads Chinese as
/// mojibake), RFC 4180 quoting and CRLF line ends, the column headers as the first line (no title line, so the file
/// loads as a table), numbers plain and invariant at the precision the page shows (a share as a fraction: 0.253).
/// A withheld cell is an empty field, as is a missing value: the file never carries a number the page hides, and the
/// withheld note travels in the page and the workbook rather than in a line that would break the table.
/// </summary>
public static class FigureCsvWriter
{
    public const string ContentType = SpreadsheetCsv.ContentType;

    public static byte[] Write(FigureTable table)
    {
        var text = new StringBuilder();
        AppendLine(text, table.Columns.Select(c => Text(c.Header)));
        foreach (var row in table.Rows)
        {
            AppendLine(text, table.Columns.Select((column, i) => i < row.Cells.Count ? Field(row.Cells[i], column.Kind) : ""));
        }

        var preamble = SpreadsheetCsv.Encoding.GetPreamble();
        var body = Encoding.UTF8.GetBytes(text.ToString());
        return [.. preamble, .. body];
    }

    private static string Field(FigureCell cell, FigureValueKind kind) => cell switch
    {
        { Withheld: true } => "",
        { Number: { } n } => FigureFormat.Plain(FigureFormat.Rounded(n, kind)),
        { Text: { } t } => Text(t),
        _ => "",
    };

    /// <summary>Text as <see cref="SpreadsheetCsv.Guard"/> makes it inert; a number is written as it is.</summary>
    internal static string Text(string text) => SpreadsheetCsv.Guard(text);

    private static void AppendLine(StringBuilder text, IEnumerable<string> fields)
    {
        text.AppendJoin(',', fields.Select(SpreadsheetCsv.Quote));
        text.Append("\r\n");
    }
}
