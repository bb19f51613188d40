namespace Jobs.Web.Data.Kit;

/// <summary>
/// Rows × value columns as a grid of cells shaded in steps of the brand colour, each with its number. Sized in pixels
/// (numbers must stay legible), so a wide matrix scrolls sideways inside its own box on a phone.
/// </summary>
public sealed record HeatLayout(
    IReadOnlyList<HeatCell> Cells,
    IReadOnlyList<HeatLabel> ColumnLabels,
    IReadOnlyList<HeatLabel> RowLabels,
    IReadOnlyList<HeatLegendItem> Legend,
    int LegendTop,
    int CellWidth,
    int Width,
    int Height,
    string Summary)
{
    public const int CellHeight = 30;
    public const int HeaderHeight = 26;
    public const double FontSize = 12;
    public const int LegendSwatchWidth = 46;

    public static HeatLayout? For(FigureTable table)
    {
        if (table.Columns.Count < 2 || table.Rows.Count == 0)
        {
            return null;
        }

        var columns = table.Columns.Count - 1;
        var kind = table.Columns[1].Kind;
        var texts = table.Rows.Select(r => Enumerable.Range(1, columns).Select(c => c < r.Cells.Count ? r.Cells[c] : FigureCell.Value(null)).ToArray()).ToList();
        var max = texts.SelectMany(r => r).Where(c => !c.Withheld && c.Number is > 0).Select(c => c.Number!.Value).DefaultIfEmpty(0).Max();
        var rowNames = table.Rows.Select(r => r.Cells.Count > 0 ? FigureFormat.Cell(r.Cells[0], FigureValueKind.Text) : "").ToList();

        var widestText = table.Columns.Skip(1).Select(c => c.Header)
            .Concat(texts.SelectMany(r => r.Select((c, i) => FigureFormat.Cell(c, table.Columns[i + 1].Kind))))
            .Select(t => FigureFormat.TextWidth(t, FontSize)).DefaultIfEmpty(0).Max();
        var cellWidth = (int)Math.Max(44, Math.Ceiling(widestText + 12));
        var labelWidth = (int)Math.Ceiling(rowNames.Select(n => FigureFormat.TextWidth(n, FontSize)).DefaultIfEmpty(0).Max() + 14);

        var cells = new List<HeatCell>();
        for (var r = 0; r < texts.Count; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var cell = texts[r][c];
                var level = cell is { Withheld: false, Number: { } n } ? HeatScale.Level(n, max) : 0;
                cells.Add(new HeatCell(
                    labelWidth + (c * cellWidth),
                    HeaderHeight + (r * CellHeight),
                    level,
                    cell.Withheld,
                    FigureFormat.Cell(cell, table.Columns[c + 1].Kind),
                    HeatScale.LightText(level)));
            }
        }

        var columnLabels = table.Columns.Skip(1).Select((c, i) => new HeatLabel(labelWidth + (i * cellWidth) + (cellWidth / 2.0), c.Header)).ToList();
        var rowLabels = rowNames.Select((n, i) => new HeatLabel(HeaderHeight + (i * CellHeight) + (CellHeight / 2.0), n)).ToList();
        var legendTop = HeaderHeight + (texts.Count * CellHeight) + 12;
        var legend = BuildLegend(max, kind, cells.Any(c => c.Withheld));
        var width = Math.Max(labelWidth + (columns * cellWidth), legend.Count * LegendSwatchWidth) + 2;
        return new HeatLayout(cells, columnLabels, rowLabels, legend, legendTop, cellWidth, width, legendTop + 36,
            Summarise(table, texts, rowNames, max, kind));
    }

    /// <summary>One swatch per step, named by the largest value it holds; a hatched one for withheld cells.</summary>
    private static List<HeatLegendItem> BuildLegend(decimal max, FigureValueKind kind, bool anyWithheld)
    {
        var items = new List<HeatLegendItem> { new(0, "0", false) };
        for (var level = 1; level <= HeatScale.Levels; level++)
        {
            items.Add(new HeatLegendItem(level, "≤" + FigureFormat.Number(HeatScale.UpperBound(level, max), kind), false));
        }

        if (anyWithheld)
        {
            items.Add(new HeatLegendItem(0, "不予显示", true));
        }

        return items;
    }

    private static string Summarise(FigureTable table, List<FigureCell[]> cells, List<string> rowNames, decimal max, FigureValueKind kind)
    {
        var summary = $"{table.Title}：热力图，{rowNames.Count}行×{table.Columns.Count - 1}列";
        for (var r = 0; r < cells.Count && max > 0; r++)
        {
            for (var c = 0; c < cells[r].Length; c++)
            {
                if (cells[r][c] is { Withheld: false, Number: { } n } && n == max)
                {
                    return summary + $"，最大值为{rowNames[r]}—{table.Columns[c + 1].Header} {FigureFormat.Number(n, kind)}。详细数据见下方的表格。";
                }
            }
        }

        return summary + "。详细数据见下方的表格。";
    }
}

/// <summary>The shading steps: an opacity of the brand colour over white, and whether the number on it is written in white.</summary>
public static class HeatScale
{
    public const int Levels = 5;

    /// <summary>
    /// Opacities of <c>--brand</c> per level (0 = nothing or zero). The steps skip the middle band where neither ink nor
    /// white text reaches 4.5:1 on the blend; a test checks this against the colours in site.css.
    /// </summary>
    public static IReadOnlyList<double> Opacities { get; } = [0, 0.1, 0.28, 0.46, 0.64, 1.0];

    /// <summary>Zero and below are level 0; above zero the level rises with the value, so shading never falls as a value grows.</summary>
    public static int Level(decimal value, decimal max) =>
        value <= 0 || max <= 0 ? 0 : (int)Math.Clamp(Math.Ceiling(value / max * Levels), 1, Levels);

    public static decimal UpperBound(int level, decimal max) => max * level / Levels;

    public static bool LightText(int level) => Opacities[level] >= 0.9;
}

/// <param name="X">Left edge in pixels.</param>
/// <param name="Y">Top edge in pixels.</param>
public sealed record HeatCell(int X, int Y, int Level, bool Withheld, string Text, bool LightText);

/// <param name="Center">The label's centre: across for a column, down for a row.</param>
public sealed record HeatLabel(double Center, string Text);

public sealed record HeatLegendItem(int Level, string Text, bool Withheld);
