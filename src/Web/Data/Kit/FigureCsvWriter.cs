using System.Text;

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
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Write(FigureTable table)
    {
        var text = new StringBuilder();
        AppendLine(text, table.Columns.Select(c => Text(c.Header)));
        foreach (var row in table.Rows)
        {
            AppendLine(text, table.Columns.Select((column, i) => i < row.Cells.Count ? Field(row.Cells[i], column.Kind) : ""));
        }

        var preamble = Encoding.UTF8.GetPreamble();
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

    /// <summary>
    /// Text that a spreadsheet would take for a formula (= + - @, or a tab or carriage return before one) gets a leading
    /// apostrophe, the mark spreadsheets read as "this is text", so a label from an import cannot run in a reader's Excel.
    /// </summary>
    internal static string Text(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    private static void AppendLine(StringBuilder text, IEnumerable<string> fields)
    {
        text.AppendJoin(',', fields.Select(Quote));
        text.Append("\r\n");
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
