using System.Text;
using Jobs.Core.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Jobs.Web.Data.Kit;

/// <summary>
/// <c>GET /data/export/{source}.{csv|xlsx}?…&amp;figure=</c>: a statistics page's figures as files, rebuilt by the page's
/// own <see cref="IFigureSource"/> from the same query for the same reader, so a file never holds more than the page did
/// (withheld cells included). A browser download, not part of the API's description.
/// </summary>
public static class DataExportEndpoints
{
    public static IEndpointRouteBuilder MapDataExportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(ExportLinks.Prefix + "/{source}.{format}", ExportAsync).ExcludeFromDescription();
        return app;
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        string source, string format, HttpContext http, IEnumerable<IFigureSource> sources, CancellationToken cancellationToken)
    {
        if (!ExportLinks.TryParse(format, out var kind))
        {
            return Problem(StatusCodes.Status404NotFound, "不支持的下载格式", $"不支持“{format}”格式的下载，请选择 CSV 或 Excel（xlsx）。");
        }

        if (sources.FirstOrDefault(s => string.Equals(s.Name, source, StringComparison.OrdinalIgnoreCase)) is not { } figureSource)
        {
            return Problem(StatusCodes.Status404NotFound, "没有这组数据", $"没有名为“{source}”的统计数据可供下载。");
        }

        var set = await figureSource.BuildAsync(http.User.ToActor(), http.Request.Query, cancellationToken);
        if (set is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "查询条件无效", "下载的查询条件无效，请回到统计页面重新选择后再下载。");
        }

        string? figureName = http.Request.Query[ExportLinks.FigureParameter];
        IReadOnlyList<FigureTable> figures = set.Figures;
        if (!string.IsNullOrEmpty(figureName))
        {
            if (set.Figures.FirstOrDefault(f => string.Equals(f.Name, figureName, StringComparison.OrdinalIgnoreCase)) is not { } figure)
            {
                return Problem(StatusCodes.Status404NotFound, "没有这张图表", $"这组数据中没有名为“{figureName}”的图表。");
            }

            figures = [figure];
        }
        else if (kind == ExportFormat.Csv)
        {
            return Problem(StatusCodes.Status400BadRequest, "请指定要下载的图表", "请指定要下载的图表：CSV 文件一次只能包含一张表（figure=图表名）。");
        }

        // What a reader may see depends on who they are, so no shared cache may keep the file.
        http.Response.Headers.CacheControl = "no-store";
        var fileName = FileName(set.FileStem, ExportLinks.Extension(kind));
        return kind == ExportFormat.Csv
            ? TypedResults.File(FigureCsvWriter.Write(figures[0]), FigureCsvWriter.ContentType, fileName)
            : TypedResults.File(FigureXlsxWriter.Write(figures), FigureXlsxWriter.ContentType, fileName);
    }

    /// <summary>
    /// The set's stem and the extension. Characters no file system takes become "_"; the response carries the name as
    /// RFC 5987 <c>filename*</c> (UTF-8) beside an ASCII <c>filename</c> for old clients.
    /// </summary>
    internal static string FileName(string stem, string extension)
    {
        var clean = new StringBuilder(stem.Length);
        foreach (var c in stem)
        {
            clean.Append(char.IsControl(c) || "\\/:*?\"<>|".Contains(c) ? '_' : c);
        }

        return $"{clean.ToString().Trim()}.{extension}";
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
