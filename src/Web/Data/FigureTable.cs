namespace Jobs.Web.Data;

/// <summary>
/// One statistic as the table a page shows beside its chart and a download carries. Pages build these from the statistics
/// service; <see cref="Figure"/> draws them and the export endpoint writes them, so a number on the page and in the file
/// come from the same table.
/// </summary>
/// <param name="Name">Stable within its source, in lower-case ASCII (<c>ratio-by-city</c>); the export link names it.</param>
/// <param name="Title">Shown above the chart and used as the sheet name.</param>
/// <param name="Chart">How the page draws it; the table is always shown as well.</param>
/// <param name="Columns">The first column labels the rows (a city, a month); the others hold values.</param>
/// <param name="Note">A line under the table: the period, the source, why some cells are hidden.</param>
public sealed record FigureTable(
    string Name,
    string Title,
    FigureChart Chart,
    IReadOnlyList<FigureColumn> Columns,
    IReadOnlyList<FigureRow> Rows,
    string? Note = null);

public sealed record FigureColumn(string Header, FigureValueKind Kind);

public sealed record FigureRow(IReadOnlyList<FigureCell> Cells);

/// <summary>A text label, a number, or a value withheld because it rests on fewer job seekers than the platform shows.</summary>
public readonly record struct FigureCell(string? Text, decimal? Number, bool Withheld)
{
    public static FigureCell Label(string text) => new(text, null, false);

    public static FigureCell Value(decimal? number) => new(null, number, false);

    public static FigureCell Hidden { get; } = new(null, null, true);
}

/// <summary>How a value column is formatted on the page and typed in a spreadsheet.</summary>
public enum FigureValueKind
{
    Text,
    Count,

    /// <summary>Two decimals, as 求人倍率 is published (1.32).</summary>
    Ratio,

    /// <summary>Yuan per month, whole.</summary>
    Money,

    /// <summary>Stored as a fraction (0.25), shown as 25.0%.</summary>
    Share,

    /// <summary>Days, one decimal.</summary>
    Days,
}

public enum FigureChart
{
    None,

    /// <summary>Horizontal bars of the second column, one per row.</summary>
    Bar,

    /// <summary>Rows are points in time in order; each value column is a line.</summary>
    Line,

    /// <summary>Rows × value columns as a grid of cells shaded by value (the city × city flow matrix).</summary>
    HeatMap,
}
