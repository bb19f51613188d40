namespace Jobs.Web.Data.Kit;

/// <summary>
/// Horizontal bars of a figure's second column. Across, positions are percentages of the chart's width so the SVG fills a
/// 360 px phone and a desktop column alike while its text stays at its real size; down, each row has a fixed height with
/// its label above its bar, so long labels never squeeze the bars.
/// </summary>
public sealed record BarLayout(IReadOnlyList<BarRow> Rows, double ZeroPercent, int Height, string Summary)
{
    public const int RowHeight = 40;
    public const int BarHeight = 14;

    /// <summary>The bars end here at most; the rest of the width is for the value written after the longest bar.</summary>
    public const double RightPercent = 80;

    /// <summary>Room on the left for the values of negative bars, when there are any.</summary>
    public const double NegativeRoomPercent = 18;

    public static BarLayout? For(FigureTable table)
    {
        if (table.Columns.Count < 2)
        {
            return null;
        }

        var kind = table.Columns[1].Kind;
        var numbers = table.Rows.Select(r => ValueOf(r) is { Number: { } n } ? (double)n : (double?)null).ToList();
        var present = numbers.OfType<double>().ToList();
        var low = Math.Min(0, present.DefaultIfEmpty(0).Min());
        var high = Math.Max(0, present.DefaultIfEmpty(0).Max());
        if (high == low)
        {
            high = low + 1;
        }

        var left = low < 0 ? NegativeRoomPercent : 0;
        double X(double v) => left + ((v - low) / (high - low) * (RightPercent - left));
        var zero = X(0);

        var rows = new List<BarRow>();
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var cell = ValueOf(table.Rows[i]);
            var label = table.Rows[i].Cells.Count > 0 ? FigureFormat.Cell(table.Rows[i].Cells[0], FigureValueKind.Text) : "";
            var text = FigureFormat.Cell(cell, kind);
            var top = i * RowHeight;
            if (numbers[i] is not { } v)
            {
                // Withheld or missing: no bar at all, so it cannot be read as a zero; the mark says why.
                rows.Add(new BarRow(label, text, HasBar: false, zero, 0, zero, ValueBeforeBar: false, top));
                continue;
            }

            var end = X(v);
            var start = Math.Min(zero, end);
            rows.Add(new BarRow(label, text, HasBar: true, start, Math.Abs(end - zero), end, ValueBeforeBar: v < 0, top));
        }

        return new BarLayout(rows, zero, Math.Max(1, rows.Count) * RowHeight, Summarise(table, numbers, kind));
    }

    private static FigureCell ValueOf(FigureRow row) => row.Cells.Count > 1 ? row.Cells[1] : FigureCell.Value(null);

    private static string Summarise(FigureTable table, List<double?> numbers, FigureValueKind kind)
    {
        var summary = $"{table.Title}：条形图，共{table.Rows.Count}项";
        var best = numbers.Select((n, i) => (n, i)).Where(p => p.n is not null).OrderByDescending(p => p.n).FirstOrDefault();
        if (best.n is not null)
        {
            var row = table.Rows[best.i];
            summary += $"，最高为{FigureFormat.Cell(row.Cells[0], FigureValueKind.Text)} {FigureFormat.Cell(row.Cells[1], kind)}";
        }

        return summary + "。详细数据见旁边的表格。";
    }
}

/// <param name="StartPercent">The bar's left edge.</param>
/// <param name="ValueX">Where the value is written: after the bar's end, or before it for a negative bar.</param>
/// <param name="Top">The row's top in pixels; the label sits above the bar inside the row.</param>
public sealed record BarRow(string Label, string ValueText, bool HasBar, double StartPercent, double WidthPercent, double ValueX, bool ValueBeforeBar, int Top);
