using Jobs.Core.Regions;
using Jobs.Core.Statistics;

namespace Jobs.Tests.Statistics;

public sealed class QuarterlyReportTests
{
    private static readonly StatScope Nanjing = StatScope.Of(CityDirectory.LoadEmbedded().GetByCode("nanjing"));

    private static SupplyDemand Figures(string quarter, double headcount, Shown seekers, Shown ratio, double? offered = null, double? expected = null)
    {
        Assert.True(StatPeriod.TryParse(quarter, out var period));
        var none = new SalaryRange(Shown.Of(null), Shown.Of(null), Shown.Of(null));
        return new SupplyDemand(new StatQuery(period, Nanjing), 0, 0, 3, headcount, seekers, ratio,
            offered is { } o ? none with { Median = Shown.Of(o) } : none, expected is { } e ? none with { Median = Shown.Of(e) } : none);
    }

    [Fact]
    public void Write_RatioRose_SaysHowMuchAgainstThePreviousQuarter()
    {
        // 1.32 − 1.24 = 0.08; headcount 1,320 against 1,200 = +10.0 %; seekers 1,000 against 968 = +3.3 %.
        var sentences = QuarterlyReport.Write(
            Figures("2026Q3", 1320, Shown.Of(1000), Shown.Of(1.32), offered: 7800, expected: 8200),
            Figures("2026Q2", 1200, Shown.Of(968), Shown.Of(1.24)));

        Assert.Equal("本季度南京求人倍率为1.32，较上季度上升0.08，岗位需求大于求职人数。", sentences[0]);
        Assert.Equal("本季度南京在招岗位3个，需求人数1,320人，较上季度增长10.0%；求职人数1,000人，较上季度增长3.3%。", sentences[1]);
        // 8,200 − 7,800 = 400.
        Assert.Equal("企业提供的月薪中位数为7,800元，求职者期望月薪中位数为8,200元，低于求职者期望400元。", sentences[2]);
    }

    [Fact]
    public void Write_RatioFellOrStayed_SaysSo()
    {
        var fell = QuarterlyReport.Write(Figures("2026Q3", 90, Shown.Of(100), Shown.Of(0.9)), Figures("2026Q2", 95, Shown.Of(100), Shown.Of(0.95)));
        var same = QuarterlyReport.Write(Figures("2026Q3", 100, Shown.Of(100), Shown.Of(1.0)), Figures("2026Q2", 100, Shown.Of(100), Shown.Of(1.0)));

        Assert.StartsWith("本季度南京求人倍率为0.90，较上季度下降0.05，求职人数多于岗位需求。", fell[0], StringComparison.Ordinal);
        Assert.Equal("本季度南京求人倍率为1.00，与上季度持平，供求基本平衡。", same[0]);
    }

    [Fact]
    public void Write_WithheldFigures_AreNeverPutIntoWords()
    {
        var thin = QuarterlyReport.Write(Figures("2026Q3", 10, Shown.Hidden, Shown.Hidden), Figures("2026Q2", 0, Shown.Of(0), Shown.Of(null)));
        var noPrevious = QuarterlyReport.Write(Figures("2026Q3", 10, Shown.Of(8), Shown.Of(1.25)), Figures("2026Q2", 0, Shown.Hidden, Shown.Hidden));

        Assert.Equal("本季度南京求职人数不足以公布（少于5人），求人倍率不予公布。", thin[0]);
        Assert.DoesNotContain("求职人数", thin[1], StringComparison.Ordinal);
        Assert.Equal("本季度南京求人倍率为1.25（上季度无可比数据），岗位需求大于求职人数。", noPrevious[0]);
    }
}
