using Jobs.Core.Fairs;
using Jobs.Web.Shared;

namespace Jobs.Web.Organiser;

/// <summary>A fair's attendee list as the door's spreadsheet, a header row first, written by <see cref="SpreadsheetCsv"/>'s rule.</summary>
public static class AttendeeCsv
{
    public static readonly string[] Header = ["序号", "姓名", "门票号", "状态", "签到时间", "学校", "专业"];

    public static async Task WriteAsync(Stream body, IAsyncEnumerable<AttendeeRow> rows, LocalTime time, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, SpreadsheetCsv.Encoding, bufferSize: 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(SpreadsheetCsv.Line(Header));
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(SpreadsheetCsv.Line([
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
}
