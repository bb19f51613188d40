using System.Text.RegularExpressions;
using Jobs.Web.Data;
using Jobs.Web.Data.Kit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Jobs.Tests.Web.Data;

/// <summary>The figure component's HTML: an accessible chart beside the table, withheld cells, the download links.</summary>
public sealed partial class FigureRenderingTests
{
    [Fact]
    public async Task Figure_BarWithSource_AccessibleSvgTableNoteAndDownloads()
    {
        var html = await ComponentHtml.FigureAsync(FigureSamples.RatioByCity(), SampleFigureSource.SourceName);

        Assert.Matches("<svg class=\"chart-svg bar-chart\"[^>]*role=\"img\"[^>]*aria-label=\"求人倍率（按城市）：条形图", html);
        Assert.Contains("<title>求人倍率（按城市）：条形图", html, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(html, "<rect class=\"bar\""));
        Assert.Contains(">马鞍山</text>", html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(html, "<td class=\"num withheld\"><span aria-hidden=\"true\">—</span>"));
        Assert.Contains("少于5人的数据不予显示", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">12,480</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">25.3%</td>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/data/export/kit-sample.csv?figure=ratio-by-city\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/data/export/kit-sample.xlsx?figure=ratio-by-city\"", html, StringComparison.Ordinal);
        Assert.Contains("下载 CSV", html, StringComparison.Ordinal);
        Assert.Contains("下载 Excel", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Figure_LineChart_AxisTextLegendAndOneCirclePerShownValue()
    {
        var html = await ComponentHtml.FigureAsync(FigureSamples.Trend());

        Assert.Matches("<svg class=\"chart-svg line-chart\"[^>]*role=\"img\"", html);
        Assert.Equal(17, Regex.Count(html, "<circle class=\"point\""));
        Assert.Contains(">2026-09</text>", html, StringComparison.Ordinal);
        Assert.Matches("<text class=\"tick-label\"[^>]*>1.50</text>", html);
        Assert.Contains("<ul class=\"chart-legend\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("/data/export/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Figure_HeatMap_HatchedWithheldCellScrollBoxAndStackedLayout()
    {
        var html = await ComponentHtml.FigureAsync(FigureSamples.Flows());

        Assert.Contains("<figure class=\"figure stacked\" id=\"flows\">", html, StringComparison.Ordinal);
        Assert.Contains("<pattern id=\"hatch-flows\"", html, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Count(html, "fill=\"url\\(#hatch-flows\\)\""));
        Assert.Matches("<div class=\"heat-scroll\" tabindex=\"0\" role=\"region\"", html);
        Assert.Equal(64, Regex.Count(html, "<g class=\"cell "));
        Assert.Contains("<g class=\"cell heat-5 light\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Figure_ChartNone_TableOnlyWithoutSvg()
    {
        var html = await ComponentHtml.FigureAsync(FigureSamples.RatioByCity() with { Chart = FigureChart.None });

        Assert.DoesNotContain("<svg", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"figure-body\">", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">南京</th>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportLinks_PageQuery_KeptEncodedAndFigureReplaced()
    {
        var query = new QueryCollection(new Dictionary<string, StringValues>
        {
            ["city"] = "南京",
            ["period"] = "2026Q3",
            ["figure"] = "other",
            ["edu"] = new StringValues(["本科", "硕士"]),
        });

        var link = ExportLinks.For("supply-demand", ExportFormat.Xlsx, query, "ratio-by-city");

        Assert.Equal(
            "/data/export/supply-demand.xlsx?city=%E5%8D%97%E4%BA%AC&period=2026Q3&edu=%E6%9C%AC%E7%A7%91&edu=%E7%A1%95%E5%A3%AB&figure=ratio-by-city",
            link);
    }
}
