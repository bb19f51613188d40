using Jobs.Core.Common;
using Jobs.Core.Imports;
using Jobs.Web.Shared;

namespace Jobs.Web.Organiser.Imports;

/// <summary>
/// A run's rejections or warnings as CSV for a spreadsheet, a header row first, written by <see cref="SpreadsheetCsv"/>'s
/// rule: the text comes from the city's feed file and could carry a formula someone placed there.
/// </summary>
public static class ImportCsv
{
    public static readonly string[] Header = ["行号", "外部编号", "字段", "原因"];

    private const int Chunk = PageRequest.MaxPageSize * 10;

    public static async Task WriteAsync(TextWriter writer, long runId, ImportProblemKind kind, ImportService imports, CancellationToken cancellationToken)
    {
        await WriteRowAsync(writer, Header);
        for (var page = 1; ; page++)
        {
            var problems = await imports.ListProblemsAsync(runId, kind, new PageRequest(page, Chunk), cancellationToken);
            foreach (var p in problems.Items)
            {
                await WriteRowAsync(writer, [p.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), p.ExternalId ?? "", p.Field, p.Reason]);
            }

            if (problems.Items.Count < Chunk)
            {
                break;
            }
        }
    }

    private static async Task WriteRowAsync(TextWriter writer, IEnumerable<string> cells)
    {
        await writer.WriteAsync(SpreadsheetCsv.Line(cells));
    }
}
