using System.Globalization;

namespace Jobs.Web.Data.Kit;

/// <summary>
/// How a figure's numbers read on the page, on the chart and in the files. The files carry the value rounded to what the
/// page shows, so a reader who checks a downloaded number against the page finds the same number.
/// </summary>
public static class FigureFormat
{
    /// <summary>The note every figure with a withheld cell carries, on the page and under the table in a workbook.</summary>
    public const string WithheldNote = "少于5人的数据不予显示";

    public const string WithheldMark = "—";

    public static string Cell(FigureCell cell, FigureValueKind kind) => cell switch
    {
        { Withheld: true } => WithheldMark,
        { Number: { } n } => Number(n, kind),
        { Text: { } t } => t,
        _ => "",
    };

    public static string Number(decimal n, FigureValueKind kind) => kind switch
    {
        FigureValueKind.Ratio => n.ToString("0.00", CultureInfo.InvariantCulture),
        FigureValueKind.Money => n.ToString("#,0", CultureInfo.InvariantCulture),
        FigureValueKind.Share => (n * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%",
        FigureValueKind.Days => n.ToString("0.0", CultureInfo.InvariantCulture),
        _ => n.ToString("#,0", CultureInfo.InvariantCulture),
    };

    /// <summary>The value at the precision the page shows it (a share to a tenth of a percent, so three decimals of the fraction).</summary>
    public static decimal Rounded(decimal n, FigureValueKind kind) => kind switch
    {
        FigureValueKind.Ratio => Math.Round(n, 2, MidpointRounding.AwayFromZero),
        FigureValueKind.Money => Math.Round(n, 0, MidpointRounding.AwayFromZero),
        FigureValueKind.Share => Math.Round(n, 3, MidpointRounding.AwayFromZero),
        FigureValueKind.Days => Math.Round(n, 1, MidpointRounding.AwayFromZero),
        FigureValueKind.Count => Math.Round(n, 0, MidpointRounding.AwayFromZero),
        _ => n,
    };

    /// <summary>A plain invariant number for a machine: no grouping, no trailing zeros, a point for decimals.</summary>
    public static string Plain(decimal n) => n.ToString("0.############################", CultureInfo.InvariantCulture);

    public static bool HasWithheld(FigureTable table) => table.Rows.Any(r => r.Cells.Any(c => c.Withheld));

    /// <summary>A number with a percent sign for SVG coordinates that scale with the chart's width.</summary>
    internal static string Percent(double value) => value.ToString("0.###", CultureInfo.InvariantCulture) + "%";

    internal static string Px(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// A rough width of a label in pixels: a CJK character is one em, anything else about six tenths. Good enough to size
    /// columns and thin out axis labels without measuring fonts on the server.
    /// </summary>
    internal static double TextWidth(string text, double fontSize) =>
        text.Sum(c => c >= '\u2E80' ? 1.0 : 0.6) * fontSize;
}
