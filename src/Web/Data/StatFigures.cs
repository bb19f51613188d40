using Jobs.Core.Common;
using Jobs.Core.Statistics;
using Microsoft.AspNetCore.Http;

namespace Jobs.Web.Data;

/// <summary>Reads a statistics request from a query string, and turns statistics into the figure tables pages and downloads share.</summary>
public static class StatFigures
{
    public const string HiddenNote = "“—”表示该格基于不足5名求职者而不予公布；为防止由合计相减推算，同行或同列另有单元格一并隐去。";

    public static StatRequest RequestOf(IQueryCollection q) => new(
        Text(q, "period"), Text(q, "quarter"), Text(q, "from"), Text(q, "to"), Text(q, "city"), Text(q, "region"),
        Text(q, "function"), Text(q, "industry"), Text(q, "education"), Text(q, "type"));

    /// <summary>The query, or null with the reasons; detail filters from a reader who may not use them are a reason too.</summary>
    public static async Task<(StatQuery? Query, IReadOnlyList<string> Errors)> ParseAsync(Actor reader, IQueryCollection query, StatisticsService stats,
        TimeProvider clock, CancellationToken ct)
    {
        var request = RequestOf(query);
        if (request.HasDetailFilters && !StatRequest.MaySeeDetails(reader))
        {
            return (null, ["按职能、行业、学历和职位类型的细分统计仅向组织方和管理员开放"]);
        }

        var parsed = request.TryParse(stats.Cities, await stats.DefaultQuarterAsync(clock, ct), out var errors);
        return (parsed, errors.SelectMany(e => e.Value).ToList());
    }

    public static FigureCell Cell(Shown shown) => shown.Withheld ? FigureCell.Hidden : FigureCell.Value(shown.Value is { } v ? (decimal)v : null);

    public static FigureCell Cell(double value) => FigureCell.Value((decimal)value);

    public static FigureCell Cell(double? value) => FigureCell.Value(value is { } v ? (decimal)v : null);

    public static FigureColumn Column(string header, FigureValueKind kind) => new(header, kind);

    public static FigureRow Row(string label, params FigureCell[] values) => new([FigureCell.Label(label), .. values]);

    public static string Describe(StatQuery q) => $"{q.Period.Label} · {q.Scope.Label}" + (q.HasDetailFilters ? " · 已筛选" : "");

    public static FigureTable RatioTable(string name, string title, string first, IReadOnlyList<RatioRow> rows, StatQuery q, FigureChart chart = FigureChart.Bar) =>
        new(name, title, chart,
            [Column(first, FigureValueKind.Text), Column("求人倍率", FigureValueKind.Ratio), Column("需求人数", FigureValueKind.Count), Column("求职人数", FigureValueKind.Count)],
            rows.Select(r => Row(r.Label, Cell(r.Ratio), Cell(r.Headcount), Cell(r.Seekers))).ToList(),
            $"{Describe(q)}。求人倍率 = 需求人数 ÷ 求职人数。" + HiddenNote);

    public static FigureTable MatrixTable(string name, string title, string corner, StatMatrix m, FigureValueKind kind, string note) =>
        new(name, title, FigureChart.HeatMap,
            [Column(corner, FigureValueKind.Text), .. m.Columns.Select(c => Column(c.Label, kind))],
            m.Rows.Select((r, i) => Row(r.Label, [.. m.Cells[i].Select(Cell)])).ToList(), note + HiddenNote);

    public static FigureTable Headline(SupplyDemand now, SupplyDemand before) => new("headline", "供求总览", FigureChart.None,
        [Column("指标", FigureValueKind.Text), Column(now.Query.Period.Label, FigureValueKind.Count), Column(before.Query.Period.Label, FigureValueKind.Count)],
        [
            Row("新发布岗位（个）", Cell(now.NewPostings), Cell(before.NewPostings)),
            Row("新增需求人数", Cell(now.NewHeadcount), Cell(before.NewHeadcount)),
            Row("在招岗位（个）", Cell(now.OpenPostings), Cell(before.OpenPostings)),
            Row("需求人数", Cell(now.OpenHeadcount), Cell(before.OpenHeadcount)),
            Row("求职人数", Cell(now.Seekers), Cell(before.Seekers)),
        ],
        $"{now.Query.Scope.Label}。需求人数为统计期内曾在招岗位的招聘人数；求职人数为统计期内新建或更新简历、意向在本地工作的求职者。");

    public static FigureTable RatioHeadline(SupplyDemand now, SupplyDemand before) => new("ratio", "求人倍率", FigureChart.None,
        [Column("指标", FigureValueKind.Text), Column(now.Query.Period.Label, FigureValueKind.Ratio), Column(before.Query.Period.Label, FigureValueKind.Ratio)],
        [Row("求人倍率", Cell(now.Ratio), Cell(before.Ratio))], HiddenNote);

    public static FigureTable Salaries(SupplyDemand now) => new("salaries", "月薪：企业提供与求职者期望", FigureChart.Bar,
        [Column("类别", FigureValueKind.Text), Column("中位数", FigureValueKind.Money), Column("25分位", FigureValueKind.Money), Column("75分位", FigureValueKind.Money)],
        [
            Row("企业提供", Cell(now.Offered.Median), Cell(now.Offered.P25), Cell(now.Offered.P75)),
            Row("求职者期望", Cell(now.Expected.Median), Cell(now.Expected.P25), Cell(now.Expected.P75)),
        ],
        $"{Describe(now.Query)}。按月薪折算（年薪 ÷ 12，含13薪等），由每1000元一档的分布插值得出，误差不超过500元。" + HiddenNote);

    public static FigureTable Trend(IReadOnlyList<TrendPoint> points, StatQuery q) => new("trend", "求人倍率走势", FigureChart.Line,
        [Column(q.Period.IsQuarter ? "季度" : "月份", FigureValueKind.Text), Column("求人倍率", FigureValueKind.Ratio)],
        points.Select(p => Row(p.Period.ShortLabel, Cell(p.Ratio))).ToList(), $"{q.Scope.Label}，最近{points.Count}期。" + HiddenNote);

    public static FigureTable TrendCounts(IReadOnlyList<TrendPoint> points, StatQuery q) => new("trend-counts", "需求人数与求职人数走势", FigureChart.Line,
        [Column(q.Period.IsQuarter ? "季度" : "月份", FigureValueKind.Text), Column("需求人数", FigureValueKind.Count), Column("求职人数", FigureValueKind.Count)],
        points.Select(p => Row(p.Period.ShortLabel, Cell(p.OpenHeadcount), Cell(p.Seekers))).ToList(), $"{q.Scope.Label}，最近{points.Count}期。" + HiddenNote);

    public static FigureTable Fairs(IReadOnlyList<FairStat> fairs, StatQuery q) => new("fairs", "招聘会", FigureChart.None,
        [
            Column("招聘会", FigureValueKind.Text), Column("城市", FigureValueKind.Text), Column("报名人数", FigureValueKind.Count), Column("签到人数", FigureValueKind.Count),
            Column("展位", FigureValueKind.Count), Column("外地企业占比", FigureValueKind.Share),
        ],
        fairs.Select(f => Row(f.Title + (f.Season is { } s ? $"（{s}）" : ""), FigureCell.Label(f.City), Cell(f.Registrations), Cell(f.CheckIns), Cell(f.Booths),
            Cell(f.OtherCityShare))).ToList(),
        $"{Describe(q)}举办的招聘会。" + HiddenNote);

    private static string? Text(IQueryCollection q, string key) => q.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString() : null;
}
