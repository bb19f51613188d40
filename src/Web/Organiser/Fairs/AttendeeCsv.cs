using System.Text;
using Jobs.Core.Fairs;
using Jobs.Web.Shared;

namespace Jobs.Web.Organiser;

/// <summary>
/// A fair's attendee list as the door's spreadsheet: UTF-8 with a byte-order mark (Excel on Chinese Windows reads it as
/// UTF-8 only then), a header row, and cells that a spreadsheet would run as a formula made inert.
/// </summary>
public static class AttendeeCsv
{
    public static readonly string[] Header = ["序号", "姓名", "门票号", "状态", "签到时间", "学校", "专业"];

    public static async Task WriteAsync(Stream body, IAsyncEnumerable<AttendeeRow> rows, LocalTime time, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(Line(Header));
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(Line([
                row.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture),
                row.Name,
                row.Ticket ?? "",
                row.Status.Label(),
                row.CheckedInAt is { } at ? time.ToLocal(at).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "",
                row.School ?? "",
                row.Major ?? "",
            ]));
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static string Line(IEnumerable<string> cells) => string.Join(',', cells.Select(Cell)) + "\r\n";

    /// <summary>RFC 4180 quoting, after a leading apostrophe for text a spreadsheet would read as a formula (OWASP CSV injection).</summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
