using Jobs.Core.Common;
using Jobs.Web.Data;
using Microsoft.AspNetCore.Http;

namespace Jobs.Tests.Web.Data;

/// <summary>Small fixed figures in the shapes the statistics pages publish: a ratio by city, a trend, a city × city flow.</summary>
internal static class FigureSamples
{
    public static FigureTable RatioByCity() => new(
        "ratio-by-city",
        "求人倍率（按城市）",
        FigureChart.Bar,
        [new("城市", FigureValueKind.Text), new("求人倍率", FigureValueKind.Ratio), new("需求人数", FigureValueKind.Count), new("其他城市占比", FigureValueKind.Share)],
        [
            Row("南京", 1.3249m, 12_480, 0.2534m),
            Row("镇江", 0.5m, 2_210, 0.1m),
            new FigureRow([FigureCell.Label("马鞍山"), FigureCell.Hidden, FigureCell.Value(35), FigureCell.Hidden]),
            Row("扬州", 2.25m, 5_060, 0.305m),
        ],
        "2026年第三季度；来源：各市公共就业服务机构");

    public static FigureTable Trend() => new(
        "ratio-trend",
        "求人倍率走势",
        FigureChart.Line,
        [new("月份", FigureValueKind.Text), new("南京", FigureValueKind.Ratio), new("镇江", FigureValueKind.Ratio)],
        [
            Row("2026-01", 1.10m, 0.92m),
            Row("2026-02", 1.18m, 0.95m),
            new FigureRow([FigureCell.Label("2026-03"), FigureCell.Value(1.25m), FigureCell.Hidden]),
            Row("2026-04", 1.31m, 1.02m),
            Row("2026-05", 1.28m, 1.07m),
            Row("2026-06", 1.36m, 1.12m),
            Row("2026-07", 1.40m, 1.05m),
            Row("2026-08", 1.33m, 0.99m),
            Row("2026-09", 1.45m, 1.15m),
        ]);

    private static readonly string[] Cities = ["南京", "镇江", "扬州", "淮安", "马鞍山", "滁州", "芜湖", "宣城"];

    /// <summary>Graduates of each row's school city by the city they want to work in; one small cell withheld.</summary>
    public static FigureTable Flows()
    {
        var rows = Cities.Select((from, r) => new FigureRow(
            [FigureCell.Label(from), .. Cities.Select((_, c) => r == 4 && c == 2 ? FigureCell.Hidden : FigureCell.Value(r == c ? 900 + (r * 40) : ((r + 1) * (c + 3) * 7) % 260))]))
            .ToList();
        return new FigureTable(
            "flows",
            "毕业生意向流向（毕业城市→意向城市）",
            FigureChart.HeatMap,
            [new("毕业城市", FigureValueKind.Text), .. Cities.Select(c => new FigureColumn(c, FigureValueKind.Count))],
            rows);
    }

    public static FigureRow Row(string label, params decimal[] values) =>
        new([FigureCell.Label(label), .. values.Select(v => FigureCell.Value(v))]);
}

/// <summary>
/// A statistics source registered only in the export tests' host, with fixed tables: the city in the query names the
/// first table's first row and the reader's role its note, so a test sees both reach the source; <c>city=none</c> is a
/// query it refuses.
/// </summary>
internal sealed class SampleFigureSource : IFigureSource
{
    public const string SourceName = "kit-sample";
    public const string FileStem = "供求-南京-2026Q3";

    public string Name => SourceName;

    public Task<FigureSet?> BuildAsync(Actor reader, IQueryCollection query, CancellationToken cancellationToken)
    {
        var city = query["city"].ToString();
        if (city == "none")
        {
            return Task.FromResult<FigureSet?>(null);
        }

        var ratio = FigureSamples.RatioByCity();
        var first = ratio.Rows[0].Cells;
        var rows = ratio.Rows.ToList();
        rows[0] = new FigureRow([FigureCell.Label(city.Length > 0 ? city : "南京"), .. first.Skip(1)]);
        // The note names the reader, so a test sees who the endpoint says is asking (what a reader may see depends on it).
        var note = $"读者：{reader.Role?.ToString() ?? "匿名"}";
        return Task.FromResult<FigureSet?>(new FigureSet(FileStem, [ratio with { Rows = rows, Note = note }, FigureSamples.Trend(), FigureSamples.Flows()]));
    }
}
