using System.Globalization;
using System.Text.RegularExpressions;
using Jobs.Tests.Infrastructure;
using Jobs.Web.Data;
using Jobs.Web.Data.Kit;

namespace Jobs.Tests.Web.Data;

/// <summary>The charts' geometry without a browser: what a reader would measure on the drawing must match the table.</summary>
public sealed partial class ChartLayoutTests
{
    [Fact]
    public void BarLayout_Values_LengthsProportionalAndWithheldHasNoBar()
    {
        var layout = BarLayout.For(FigureSamples.RatioByCity())!;

        var bars = layout.Rows.Where(r => r.HasBar).ToList();
        decimal[] values = [1.3249m, 0.5m, 2.25m];
        Assert.Equal(3, bars.Count);
        for (var i = 0; i < bars.Count; i++)
        {
            Assert.Equal(bars[0].WidthPercent / (double)values[0], bars[i].WidthPercent / (double)values[i], 9);
            Assert.Equal(layout.ZeroPercent, bars[i].StartPercent);
        }

        Assert.Equal(BarLayout.RightPercent, bars.Max(b => b.WidthPercent), 9);
        var withheld = layout.Rows[2];
        Assert.Equal("马鞍山", withheld.Label);
        Assert.False(withheld.HasBar);
        Assert.Equal(0, withheld.WidthPercent);
        Assert.Equal(FigureFormat.WithheldMark, withheld.ValueText);
        Assert.Equal("1.32", layout.Rows[0].ValueText);
        Assert.Equal([0, 40, 80, 120], layout.Rows.Select(r => r.Top));
        Assert.Contains("最高为扬州 2.25", layout.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void BarLayout_NegativeValue_DrawnLeftOfZeroWithItsValueBefore()
    {
        var table = new FigureTable("change", "环比变化", FigureChart.Bar, [new("城市", FigureValueKind.Text), new("变化", FigureValueKind.Ratio)],
            [FigureSamples.Row("南京", 0.08m), FigureSamples.Row("镇江", -0.04m)]);

        var layout = BarLayout.For(table)!;

        var (up, down) = (layout.Rows[0], layout.Rows[1]);
        Assert.True(layout.ZeroPercent > 0);
        Assert.Equal(layout.ZeroPercent, up.StartPercent, 9);
        Assert.Equal(layout.ZeroPercent, down.StartPercent + down.WidthPercent, 9);
        Assert.Equal(2, up.WidthPercent / down.WidthPercent, 9);
        Assert.True(down.ValueBeforeBar);
        Assert.False(up.ValueBeforeBar);
    }

    [Fact]
    public void LineLayout_Trend_PointsInRowOrderHigherValuesHigherAndGapsAtWithheld()
    {
        var table = FigureSamples.Trend();

        var layout = LineLayout.For(table)!;

        var nanjing = layout.Series[0];
        var zhenjiang = layout.Series[1];
        Assert.Equal(["南京", "镇江"], layout.Series.Select(s => s.Name));
        var xs = nanjing.Points.Select(p => p!.XPercent).ToList();
        Assert.Equal(xs.Order(), xs);
        Assert.Equal(xs.Count, xs.Distinct().Count());
        for (var i = 1; i < table.Rows.Count; i++)
        {
            var (before, after) = ((double)table.Rows[i - 1].Cells[1].Number!, (double)table.Rows[i].Cells[1].Number!);
            Assert.Equal(Math.Sign(after - before), Math.Sign(nanjing.Points[i - 1]!.Y - nanjing.Points[i]!.Y));
        }

        Assert.Null(zhenjiang.Points[2]);
        Assert.Equal(8, nanjing.Segments.Count);
        Assert.Equal(6, zhenjiang.Segments.Count);
        Assert.DoesNotContain(zhenjiang.Segments, s => s.X1Percent == xs[2] || s.X2Percent == xs[2]);
        Assert.Equal("2026-09", layout.XLabels[^1].Text);
        Assert.Equal("end", layout.XLabels[^1].Anchor);
        AssertLabelsApartOnAPhone(layout);
        Assert.All(layout.YTicks, t => Assert.InRange(t.Y, LineLayout.Top, layout.Bottom));
        Assert.Contains("南京最近为1.45（2026-09）", layout.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void LineLayout_ManyPeriods_LabelsThinnedToFitAPhoneKeepingTheLatest()
    {
        var rows = Enumerable.Range(0, 36).Select(i => FigureSamples.Row($"{2024 + (i / 12)}年{(i % 12) + 1}月", 10 + i)).ToList();
        var table = new FigureTable("t", "三年", FigureChart.Line, [new("月份", FigureValueKind.Text), new("岗位数", FigureValueKind.Count)], rows);

        var layout = LineLayout.For(table)!;

        var widths = layout.XLabels.Sum(l => FigureFormat.TextWidth(l.Text, LineLayout.FontSize) + 10);
        Assert.InRange(widths, 1, LineLayout.NarrowestWidth);
        Assert.Equal("2026年12月", layout.XLabels[^1].Text);
        AssertLabelsApartOnAPhone(layout);
        Assert.Equal("0", layout.YTicks.First(t => t.Y == layout.Bottom).Text);
    }

    /// <summary>On the narrowest chart no time label runs into the next, and no point sits under a value label.</summary>
    private static void AssertLabelsApartOnAPhone(LineLayout layout)
    {
        var extents = layout.XLabels.Select(l =>
        {
            var (x, w) = (l.XPercent / 100 * LineLayout.NarrowestWidth, FigureFormat.TextWidth(l.Text, LineLayout.FontSize));
            return l.Anchor switch { "start" => (From: x, To: x + w), "end" => (From: x - w, To: x), _ => (From: x - (w / 2), To: x + (w / 2)) };
        }).ToList();
        Assert.InRange(extents[0].From, 0, LineLayout.NarrowestWidth);
        Assert.InRange(extents[^1].To, 0, LineLayout.NarrowestWidth);
        for (var i = 1; i < extents.Count; i++)
        {
            Assert.True(extents[i].From >= extents[i - 1].To + 4, $"{layout.XLabels[i - 1].Text} runs into {layout.XLabels[i].Text}");
        }

        var firstPoint = layout.Series.SelectMany(s => s.Points).OfType<LinePoint>().Min(p => p.XPercent) / 100 * LineLayout.NarrowestWidth;
        Assert.True(firstPoint > layout.YTicks.Max(t => FigureFormat.TextWidth(t.Text, LineLayout.FontSize)), "the first point is right of the value labels");
    }

    [Fact]
    public void HeatLayout_Flows_ShadingNeverFallsAsValueRisesAndWithheldIsHatched()
    {
        var table = FigureSamples.Flows();

        var layout = HeatLayout.For(table)!;

        var values = table.Rows.SelectMany(r => r.Cells.Skip(1)).ToList();
        Assert.Equal(values.Count, layout.Cells.Count);
        var shown = layout.Cells.Zip(values).Where(p => !p.Second.Withheld).ToList();
        foreach (var (cell, value) in shown)
        {
            foreach (var (other, otherValue) in shown)
            {
                if (value.Number < otherValue.Number)
                {
                    Assert.True(cell.Level <= other.Level, $"{value.Number} shaded {cell.Level}, {otherValue.Number} shaded {other.Level}");
                }
            }
        }

        Assert.Equal(HeatScale.Levels, shown.Single(p => p.Second.Number == shown.Max(q => q.Second.Number)).First.Level);
        var hidden = layout.Cells[(4 * 8) + 2];
        Assert.True(hidden.Withheld);
        Assert.Equal(FigureFormat.WithheldMark, hidden.Text);
        Assert.Equal(0, hidden.Level);
        Assert.Contains(layout.Legend, l => l.Withheld);
        Assert.Equal("1,180", layout.Cells[^1].Text);
        Assert.Equal(8, layout.ColumnLabels.Count);
        Assert.Equal(layout.Cells[1].X - layout.Cells[0].X, layout.CellWidth);
    }

    [Theory]
    [InlineData(0, 94.6, 0, 100)]
    [InlineData(1.18, 1.47, 1.1, 1.5)]
    [InlineData(0, 3, 0, 3)]
    [InlineData(5, 5, 0, 10)]
    public void NiceScale_Range_RoundTicksCoveringTheData(double low, double high, double min, double max)
    {
        var scale = NiceScale.For(low, high, minStep: 0.01);

        Assert.Equal(min, scale.Min, 9);
        Assert.Equal(max, scale.Max, 9);
        Assert.InRange(scale.Ticks.Count, 3, 7);
        var mantissa = scale.Step / Math.Pow(10, Math.Floor(Math.Log10(scale.Step)));
        Assert.Contains(Math.Round(mantissa, 6), new[] { 1.0, 2.0, 5.0 });
    }

    /// <summary>
    /// Every shading step, as the browser blends --brand over white at the opacity site.css gives it, must carry its
    /// number (ink, or white on the darkest step) at 4.5:1 or more.
    /// </summary>
    [Fact]
    public void HeatScale_EveryStep_NumberContrastAtLeastFourAndAHalfAgainstSiteColours()
    {
        var css = File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "Web", "wwwroot", "site.css"));
        var brand = Colour(css, "brand");
        var ink = Colour(css, "ink");
        for (var level = 0; level <= HeatScale.Levels; level++)
        {
            var opacity = HeatScale.Opacities[level];
            if (level > 0)
            {
                var declared = Regex.Match(css, $@"\.heat-map \.heat-{level} \.cell-box \{{ fill: var\(--brand\); fill-opacity: ([0-9.]+); \}}");
                Assert.True(declared.Success, $"site.css shades step {level}");
                Assert.Equal(opacity, double.Parse(declared.Groups[1].Value, CultureInfo.InvariantCulture), 9);
            }

            var fill = brand.Select(c => (opacity * c) + ((1 - opacity) * 255)).ToArray();
            var text = HeatScale.LightText(level) ? [255.0, 255, 255] : ink;
            Assert.True(Contrast(fill, text) >= 4.5, $"step {level}: {Contrast(fill, text):0.00}");
        }
    }

    private static double[] Colour(string css, string name)
    {
        var hex = Regex.Match(css, $@"--{name}: #([0-9a-fA-F]{{6}})").Groups[1].Value;
        return [.. Enumerable.Range(0, 3).Select(i => (double)Convert.ToInt32(hex.Substring(i * 2, 2), 16))];
    }

    private static double Contrast(double[] a, double[] b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(double[] rgb)
    {
        var linear = rgb.Select(c => Math.Round(c) / 255).Select(c => c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4)).ToArray();
        return (0.2126 * linear[0]) + (0.7152 * linear[1]) + (0.0722 * linear[2]);
    }

    internal static string RepositoryRoot() => Path.GetFullPath(Path.Combine(PageSession.ScreensDirectory, "..", ".."));
}
