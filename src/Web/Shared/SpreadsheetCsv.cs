using System.Text;

namespace Jobs.Web.Shared;

/// <summary>
/// The one rule for every CSV the site hands out (attendee lists, import reports, statistics): UTF-8 with a byte-order
/// mark, because Excel on Chinese Windows reads UTF-8 only then; RFC 4180 quoting with CRLF line ends; and text that a
/// spreadsheet would run as a formula made inert (OWASP CSV injection), since names, feed rows and labels come from
/// people outside the platform.
/// </summary>
public static class SpreadsheetCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>UTF-8 that writes the byte-order mark.</summary>
    public static Encoding Encoding { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>
    /// Text starting with = + - @, a tab or a carriage return gets a leading apostrophe, the mark spreadsheets read as
    /// "this is text". Numbers are written without it, so only text goes through here.
    /// </summary>
    public static string Guard(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>Quotes a field that holds a comma, a quote or a line break, doubling its quotes.</summary>
    public static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    /// <summary>A text field: guarded, then quoted where needed.</summary>
    public static string Text(string text) => Quote(Guard(text));

    /// <summary>One line of text fields, with its CRLF.</summary>
    public static string Line(IEnumerable<string> texts) => string.Join(',', texts.Select(Text)) + "\r\n";
}
