using Jobs.Core.Common;
using Jobs.Core.Imports;

namespace Jobs.Web.Organiser.Imports;

/// <summary>
/// A run's rejections or warnings as CSV for a spreadsheet: a header row, every field quoted, and a cell that a spreadsheet
/// would read as a formula (=, +, -, @, tab, carriage return first) prefixed with an apostrophe, since the text comes from
/// the city's feed file and could carry a formula someone placed there.
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

    public static string Cell(string value)
    {
        var guarded = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return "\"" + guarded.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static async Task WriteRowAsync(TextWriter writer, IEnumerable<string> cells)
    {
        await writer.WriteAsync(string.Join(',', cells.Select(Cell)));
        await writer.WriteAsync("\r\n");
    }
}
