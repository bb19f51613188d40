using System.Globalization;

namespace Jobs.Core.Statistics;

/// <summary>
/// The quarterly supply-and-demand analysis (供求分析) of one scope: headline figures against the previous quarter, tables,
/// and the sentences a bureau prints above them, all generated from the same numbers.
/// </summary>
public sealed record QuarterlyReport(
    StatQuery Query,
    SupplyDemand Current,
    SupplyDemand Previous,
    IReadOnlyList<RatioRow> ByCity,
    IReadOnlyList<RatioRow>? ByEducation,
    IReadOnlyList<RatioRow>? ByFunction,
    IReadOnlyList<TrendPoint> Trend,
    IReadOnlyList<string> Sentences)
{
    public static async Task<QuarterlyReport> BuildAsync(StatisticsService stats, StatQuery query, bool details, CancellationToken ct)
    {
        var current = await stats.SupplyDemandAsync(query, ct);
        var previous = await stats.SupplyDemandAsync(query.At(query.Period.Previous), ct);
        // A city's report shows it among the circle's cities, as the bureaus compare themselves with their neighbours.
        var byCity = await stats.RatioByAsync(query.Scope.IsCity ? query.In(StatScope.Circle(stats.Cities)) : query, StatDimension.City, ct);
        var byEducation = details ? await stats.RatioByAsync(query, StatDimension.Education, ct) : null;
        var byFunction = details ? await stats.RatioByAsync(query, StatDimension.Function, ct) : null;
        var trend = await stats.TrendAsync(query, 4, ct);
        return new QuarterlyReport(query, current, previous, byCity, byEducation, byFunction, trend, Write(current, previous));
    }

    /// <summary>The report's sentences: the ratio and its change, demand and supply and their change, pay offered against expected.</summary>
    public static IReadOnlyList<string> Write(SupplyDemand current, SupplyDemand previous)
    {
        var where = current.Query.Scope.Label;
        var when = current.Query.Period.IsQuarter ? "本季度" : "本月";
        var before = current.Query.Period.IsQuarter ? "上季度" : "上月";
        var sentences = new List<string>(4);

        if (current.Ratio is { Withheld: false, Value: { } ratio })
        {
            var text = $"{when}{where}求人倍率为{Ratio(ratio)}";
            text += previous.Ratio is { Withheld: false, Value: { } last }
                ? "，" + Change(ratio, last, before)
                : $"（{before}无可比数据）";
            sentences.Add(text + "，" + Balance(ratio) + "。");
        }
        else if (current.Seekers.Withheld)
        {
            sentences.Add($"{when}{where}求职人数不足以公布（少于5人），求人倍率不予公布。");
        }
        else
        {
            sentences.Add($"{when}{where}暂无求职人员数据，无法计算求人倍率。");
        }

        var demand = $"{when}{where}在招岗位{Count(current.OpenPostings)}个，需求人数{Count(current.OpenHeadcount)}人";
        if (previous.OpenHeadcount > 0)
        {
            demand += "，" + Percent(current.OpenHeadcount, previous.OpenHeadcount, before);
        }

        if (current.Seekers is { Withheld: false, Value: { } seekers } && seekers > 0)
        {
            demand += $"；求职人数{Count(seekers)}人";
            if (previous.Seekers is { Withheld: false, Value: { } lastSeekers } && lastSeekers > 0)
            {
                demand += "，" + Percent(seekers, lastSeekers, before);
            }
        }

        sentences.Add(demand + "。");

        if (current.Offered.Median is { Withheld: false, Value: { } offered })
        {
            var pay = $"企业提供的月薪中位数为{Count(offered)}元";
            if (current.Expected.Median is { Withheld: false, Value: { } expected })
            {
                pay += $"，求职者期望月薪中位数为{Count(expected)}元";
                pay += offered >= expected ? "，企业报价高于或等于求职者期望" : $"，低于求职者期望{Count(expected - offered)}元";
            }

            sentences.Add(pay + "。");
        }

        return sentences;
    }

    private static string Ratio(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Count(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>Compares the ratios as printed (two decimals), so the sentence agrees with the table.</summary>
    private static string Change(double now, double before, string label)
    {
        var delta = Math.Round(Math.Round(now, 2) - Math.Round(before, 2), 2);
        return delta switch
        {
            > 0 => $"较{label}上升{Ratio(delta)}",
            < 0 => $"较{label}下降{Ratio(-delta)}",
            _ => $"与{label}持平",
        };
    }

    private static string Percent(double now, double before, string label)
    {
        var change = Math.Round((now - before) / before * 100, 1);
        return change switch
        {
            > 0 => $"较{label}增长{change.ToString("0.0", CultureInfo.InvariantCulture)}%",
            < 0 => $"较{label}减少{(-change).ToString("0.0", CultureInfo.InvariantCulture)}%",
            _ => $"与{label}持平",
        };
    }

    private static string Balance(double ratio) => ratio switch
    {
        > 1 => "岗位需求大于求职人数",
        < 1 => "求职人数多于岗位需求",
        _ => "供求基本平衡",
    };
}
