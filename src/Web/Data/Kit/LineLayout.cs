namespace Jobs.Web.Data.Kit;

/// <summary>
/// Rows as points in time, in the order given, and one line per value column. Across, positions are percentages of the
/// chart's width (the SVG is as wide as its box and its text keeps its size); down, pixels. A withheld or missing value
/// breaks its line instead of dropping it to zero.
/// </summary>
public sealed record LineLayout(
    IReadOnlyList<LineSeries> Series,
    IReadOnlyList<AxisTick> YTicks,
    IReadOnlyList<AxisLabel> XLabels,
    int Height,
    string Summary)
{
    public const int Top = 14;
    public const int PlotHeight = 170;
    public const double RightPercent = 97;
    public const double FontSize = 11;

    /// <summary>The narrowest box the axis labels must fit: a 360 px phone less the page's and the figure's padding.</summary>
    public const double NarrowestWidth = 290;

    /// <summary>Where the first point sits: right of the value labels, which stand above their gridlines at the left edge.</summary>
    public double LeftPercent { get; init; }

    public int Bottom => Top + PlotHeight;

    public static LineLayout? For(FigureTable table)
    {
        if (table.Columns.Count < 2 || table.Rows.Count == 0)
        {
            return null;
        }

        var kind = table.Columns[1].Kind;
        var values = table.Rows
            .Select(r => Enumerable.Range(1, table.Columns.Count - 1)
                .Select(c => c < r.Cells.Count && r.Cells[c] is { Withheld: false, Number: { } n } ? (double)n : (double?)null)
                .ToArray())
            .ToList();
        var present = values.SelectMany(v => v).OfType<double>().ToList();
        var low = present.DefaultIfEmpty(0).Min();
        var high = present.DefaultIfEmpty(1).Max();
        // A count read from zero shows its size; a ratio drifting between 1.2 and 1.4 would be a flat line from zero.
        if (low >= 0 && low <= high / 2)
        {
            low = 0;
        }

        var scale = NiceScale.For(low, high, minStep: NiceScale.FinestStep(kind));
        double Y(double v) => Top + ((1 - scale.Fraction(v)) * PlotHeight);
        var tickTexts = scale.Ticks.Select(t => (Tick: t, Text: FigureFormat.Number((decimal)t, kind))).ToList();
        var left = Math.Min(25, (tickTexts.Max(t => FigureFormat.TextWidth(t.Text, FontSize)) + 8) / NarrowestWidth * 100);
        var count = table.Rows.Count;
        double X(int i) => count == 1 ? (left + RightPercent) / 2 : left + (i * (RightPercent - left) / (count - 1));
        var labels = table.Rows.Select(r => r.Cells.Count > 0 ? FigureFormat.Cell(r.Cells[0], FigureValueKind.Text) : "").ToList();

        var series = new List<LineSeries>();
        for (var s = 0; s < table.Columns.Count - 1; s++)
        {
            var points = new List<LinePoint?>();
            var segments = new List<LineSegment>();
            for (var i = 0; i < count; i++)
            {
                if (values[i][s] is not { } v)
                {
                    points.Add(null);
                    continue;
                }

                var point = new LinePoint(X(i), Y(v), labels[i], FigureFormat.Cell(table.Rows[i].Cells[s + 1], table.Columns[s + 1].Kind));
                if (i > 0 && points[i - 1] is { } previous)
                {
                    segments.Add(new LineSegment(previous.XPercent, previous.Y, point.XPercent, point.Y));
                }

                points.Add(point);
            }

            series.Add(new LineSeries(table.Columns[s + 1].Header, s, points, segments));
        }

        var ticks = tickTexts.Select(t => new AxisTick(Y(t.Tick), t.Text)).ToList();
        return new LineLayout(series, ticks, TimeLabels(labels, X, left), Top + PlotHeight + 22, Summarise(table, labels, series)) { LeftPercent = left };
    }

    /// <summary>
    /// As many time labels as fit the narrowest box, counted back from the latest point so the most recent period is
    /// always named. Two shown labels stand at least one and a half label widths apart, which keeps an edge label
    /// (anchored at its end, not its middle) clear of its neighbour too.
    /// </summary>
    private static List<AxisLabel> TimeLabels(List<string> labels, Func<int, double> x, double left)
    {
        var widest = labels.Select(l => FigureFormat.TextWidth(l, FontSize)).DefaultIfEmpty(0).Max();
        var pointGap = labels.Count < 2 ? NarrowestWidth : (RightPercent - left) / 100 * NarrowestWidth / (labels.Count - 1);
        var every = Math.Max(1, (int)Math.Ceiling(((1.5 * widest) + 8) / pointGap));
        var result = new List<AxisLabel>();
        for (var i = 0; i < labels.Count; i++)
        {
            if ((labels.Count - 1 - i) % every != 0)
            {
                continue;
            }

            var anchor = labels.Count == 1 ? "middle" : i == 0 ? "start" : i == labels.Count - 1 ? "end" : "middle";
            result.Add(new AxisLabel(x(i), labels[i], anchor));
        }

        return result;
    }

    private static string Summarise(FigureTable table, List<string> labels, List<LineSeries> series)
    {
        var names = string.Join("、", series.Select(s => s.Name));
        var latest = series
            .Select(s => s.Points.LastOrDefault(p => p is not null) is { } p ? $"{s.Name}最近为{p.ValueText}（{p.Label}）" : null)
            .OfType<string>();
        return $"{table.Title}：折线图，{labels[0]}至{labels[^1]}的{names}；{string.Join("，", latest)}。详细数据见旁边的表格。";
    }
}

public sealed record LineSeries(string Name, int Index, IReadOnlyList<LinePoint?> Points, IReadOnlyList<LineSegment> Segments)
{
    /// <summary>Six looks, each a colour and a dash, so lines differ for readers who cannot tell the colours apart.</summary>
    public string CssClass => $"series-{Index % 6}";
}

public sealed record LinePoint(double XPercent, double Y, string Label, string ValueText);

public sealed record LineSegment(double X1Percent, double Y1, double X2Percent, double Y2);

public sealed record AxisTick(double Y, string Text);

public sealed record AxisLabel(double XPercent, string Text, string Anchor);
