using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace Jobs.Web.Data.Kit;

public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>The download addresses a figure offers: the page's own query (so the file holds what the page showed) plus the figure's name.</summary>
public static class ExportLinks
{
    public const string Prefix = "/data/export";

    public const string FigureParameter = "figure";

    public static string Extension(ExportFormat format) => format == ExportFormat.Csv ? "csv" : "xlsx";

    public static bool TryParse(string extension, out ExportFormat format)
    {
        switch (extension.ToLowerInvariant())
        {
            case "csv":
                format = ExportFormat.Csv;
                return true;
            case "xlsx":
                format = ExportFormat.Xlsx;
                return true;
            default:
                format = default;
                return false;
        }
    }

    public static string For(string source, ExportFormat format, IQueryCollection? pageQuery, string? figure)
    {
        var query = new QueryBuilder();
        foreach (var (key, values) in pageQuery ?? QueryCollection.Empty)
        {
            // A page's own figure= (there is none today) must not pick a different table than the link names.
            if (!string.Equals(key, FigureParameter, StringComparison.OrdinalIgnoreCase))
            {
                query.Add(key, values.OfType<string>());
            }
        }

        if (figure is not null)
        {
            query.Add(FigureParameter, figure);
        }

        return $"{Prefix}/{Uri.EscapeDataString(source)}.{Extension(format)}{query.ToQueryString()}";
    }
}
