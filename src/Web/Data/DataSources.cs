using Jobs.Core.Common;
using Jobs.Core.Statistics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using static Jobs.Web.Data.StatFigures;

namespace Jobs.Web.Data;

/// <summary>The figures of <c>/data</c>: the headline, 求人倍率 by city, pay, trends and fairs of the circle or a city.</summary>
public sealed class OverviewFigures(StatisticsService stats, TimeProvider clock) : IFigureSource
{
    public const string SourceName = "overview";

    public string Name => SourceName;

    public async Task<FigureSet?> BuildAsync(Actor reader, IQueryCollection query, CancellationToken cancellationToken)
    {
        var (q, _) = await ParseAsync(reader, query, stats, clock, cancellationToken);
        if (q is null)
        {
            return null;
        }

        var now = await stats.SupplyDemandAsync(q, cancellationToken);
        var before = await stats.SupplyDemandAsync(q.At(q.Period.Previous), cancellationToken);
        var trend = await stats.TrendAsync(q, 6, cancellationToken);
        var cityScope = q.Scope.IsCity ? q.In(StatScope.Circle(stats.Cities)) : q;
        var byCity = await stats.RatioByAsync(cityScope, StatDimension.City, cancellationToken);
        return new FigureSet($"供求-{q.Scope.Label}-{q.Period.Key}",
        [
            Headline(now, before),
            RatioHeadline(now, before),
            RatioTable("ratio-by-city", "各城市求人倍率", "城市", byCity, cityScope),
            Trend(trend, q),
            TrendCounts(trend, q),
            Salaries(now),
            Fairs(await stats.FairsAsync(q, cancellationToken), q),
        ]);
    }
}

/// <summary>The figures of <c>/data/flows</c>: where graduates of each city want to work and where they applied.</summary>
public sealed class FlowFigures(StatisticsService stats, TimeProvider clock) : IFigureSource
{
    public const string SourceName = "flows";

    public string Name => SourceName;

    public async Task<FigureSet?> BuildAsync(Actor reader, IQueryCollection query, CancellationToken cancellationToken)
    {
        var (q, _) = await ParseAsync(reader, query, stats, clock, cancellationToken);
        if (q is null)
        {
            return null;
        }

        var preference = await stats.FlowsAsync(q, FlowKind.Preference, cancellationToken);
        var applications = await stats.FlowsAsync(q, FlowKind.Applications, cancellationToken);
        return new FigureSet($"流向-{q.Scope.Label}-{q.Period.Key}",
        [
            MatrixTable("flows-preference", "意向流向：毕业院校所在城市 → 意向工作城市", "院校所在城市", preference, FigureValueKind.Count,
                $"{Describe(q)}。行是院校所在城市（未列入名单的院校记为未知），列是意向城市；一人可有多个意向城市。"),
            MatrixTable("flows-applications", "投递流向：毕业院校所在城市 → 投递岗位所在城市", "院校所在城市", applications, FigureValueKind.Count,
                $"{Describe(q)}。统计期内投递过该城市岗位的求职者人数。平台未记录求职者现居城市，以院校所在城市代表生源地。"),
        ]);
    }
}

/// <summary>The internal figures of <c>/data/detail</c>: breakdowns, the hiring funnel, cohorts and feeds. Empty for the public.</summary>
public sealed class DetailFigures(StatisticsService stats, TimeProvider clock) : IFigureSource
{
    public const string SourceName = "detail";

    public string Name => SourceName;

    public async Task<FigureSet?> BuildAsync(Actor reader, IQueryCollection query, CancellationToken cancellationToken)
    {
        var (q, _) = await ParseAsync(reader, query, stats, clock, cancellationToken);
        if (q is null)
        {
            return null;
        }

        if (!StatRequest.MaySeeDetails(reader))
        {
            return new FigureSet($"明细-{q.Period.Key}", []);
        }

        var matrixScope = q.Scope.IsCity ? q.In(StatScope.Circle(stats.Cities)) : q;
        var funnel = new List<FigureTable>();
        foreach (var (by, name, title) in new[]
                 {
                     (StatDimension.City, "funnel-city", "招聘漏斗（按城市）"), (StatDimension.Function, "funnel-function", "招聘漏斗（按职能）"),
                     (StatDimension.Education, "funnel-education", "招聘漏斗（按学历）"),
                 })
        {
            var rows = await stats.FunnelAsync(q, by, cancellationToken);
            funnel.Add(new FigureTable(name, title, FigureChart.Bar,
            [
                Column(by switch { StatDimension.City => "城市", StatDimension.Function => "职能", _ => "学历" }, FigureValueKind.Text),
                Column("投递", FigureValueKind.Count), Column("面试邀请", FigureValueKind.Count), Column("录用", FigureValueKind.Count), Column("首次回复（天）", FigureValueKind.Days),
            ], rows.Select(r => Row(r.Label, Cell(r.Applications), Cell(r.Interviews), Cell(r.Offers), Cell(r.ResponseDays))).ToList(),
                $"{Describe(q)}内提交的投递及其后续结果。" + HiddenNote));
        }

        var cohorts = await stats.CohortsAsync(q, cancellationToken);
        var feeds = await stats.FeedsAsync(q, cancellationToken);
        return new FigureSet($"明细-{q.Scope.Label}-{q.Period.Key}",
        [
            RatioTable("ratio-by-function", "求人倍率（按职能）", "职能", await stats.RatioByAsync(q, StatDimension.Function, cancellationToken), q),
            RatioTable("ratio-by-education", "求人倍率（按学历）", "学历", await stats.RatioByAsync(q, StatDimension.Education, cancellationToken), q),
            MatrixTable("ratio-city-education", "求人倍率：城市 × 学历", "城市", await stats.RatioMatrixAsync(matrixScope, StatDimension.Education, cancellationToken),
                FigureValueKind.Ratio, $"{Describe(matrixScope)}。"),
            MatrixTable("ratio-city-function", "求人倍率：城市 × 职能", "城市", await stats.RatioMatrixAsync(matrixScope, StatDimension.Function, cancellationToken),
                FigureValueKind.Ratio, $"{Describe(matrixScope)}。"),
            .. funnel,
            new FigureTable("cohorts", "各届毕业生获得录用的比例", FigureChart.Bar,
                [Column("届别", FigureValueKind.Text), Column("已录用比例", FigureValueKind.Share), Column("简历数", FigureValueKind.Count), Column("已录用", FigureValueKind.Count)],
                cohorts.Select(c => Row($"{c.Cohort}届", Cell(c.PlacedShare), Cell(c.Seekers), Cell(c.Placed))).ToList(),
                $"截至{q.Period.Label}末。" + HiddenNote),
            new FigureTable("feeds", "城市数据源", FigureChart.None,
                [Column("城市", FigureValueKind.Text), Column("导入次数", FigureValueKind.Count), Column("读取行数", FigureValueKind.Count), Column("拒收率", FigureValueKind.Share),
                    Column("最近成功（UTC）", FigureValueKind.Text)],
                feeds.Select(f => Row(f.Label, Cell(f.Runs), Cell(f.Rows), Cell(f.RejectionRate),
                    FigureCell.Label(f.LastSuccess?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "—"))).ToList(),
                $"{Describe(q)}。"),
        ]);
    }
}

/// <summary>The tables of the printable quarterly report <c>/data/report</c>.</summary>
public sealed class ReportFigures(StatisticsService stats, TimeProvider clock) : IFigureSource
{
    public const string SourceName = "report";

    public string Name => SourceName;

    public async Task<FigureSet?> BuildAsync(Actor reader, IQueryCollection query, CancellationToken cancellationToken) =>
        (await BuildReportAsync(reader, query, cancellationToken)).Figures;

    public async Task<(QuarterlyReport? Report, FigureSet? Figures, IReadOnlyList<string> Errors)> BuildReportAsync(Actor reader, IQueryCollection query,
        CancellationToken cancellationToken)
    {
        var (q, errors) = await ParseAsync(reader, query, stats, clock, cancellationToken);
        if (q is null)
        {
            return (null, null, errors);
        }

        var details = StatRequest.MaySeeDetails(reader);
        var report = await QuarterlyReport.BuildAsync(stats, q, details, cancellationToken);
        List<FigureTable> tables =
        [
            Headline(report.Current, report.Previous),
            RatioHeadline(report.Current, report.Previous),
            RatioTable("ratio-by-city", "各城市求人倍率", "城市", report.ByCity, q),
            Salaries(report.Current),
            Trend(report.Trend, q),
        ];
        if (report.ByEducation is { } byEducation)
        {
            tables.Add(RatioTable("ratio-by-education", "求人倍率（按学历）", "学历", byEducation, q));
        }

        if (report.ByFunction is { } byFunction)
        {
            tables.Add(RatioTable("ratio-by-function", "求人倍率（按职能）", "职能", byFunction, q));
        }

        return (report, new FigureSet($"供求分析-{q.Scope.Label}-{q.Period.Key}", tables), errors);
    }
}

public static class DataSetup
{
    /// <summary>The statistics pages' figure sources: each page and the download endpoint build the same figures from them.</summary>
    public static IServiceCollection AddDataPages(this IServiceCollection services)
    {
        services.AddScoped<OverviewFigures>();
        services.AddScoped<FlowFigures>();
        services.AddScoped<DetailFigures>();
        services.AddScoped<ReportFigures>();
        services.AddScoped<IFigureSource>(sp => sp.GetRequiredService<OverviewFigures>());
        services.AddScoped<IFigureSource>(sp => sp.GetRequiredService<FlowFigures>());
        services.AddScoped<IFigureSource>(sp => sp.GetRequiredService<DetailFigures>());
        services.AddScoped<IFigureSource>(sp => sp.GetRequiredService<ReportFigures>());
        return services;
    }
}
