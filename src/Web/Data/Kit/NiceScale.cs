namespace Jobs.Web.Data.Kit;

/// <summary>
/// A value axis with round tick steps (1, 2, 5 × 10ⁿ) that covers the data, so gridlines fall on numbers a reader can
/// read off (0, 50, 100 rather than 0, 47.3, 94.6).
/// </summary>
public sealed record NiceScale(double Min, double Max, double Step)
{
    public static NiceScale For(double low, double high, int maxTicks = 5, double minStep = 0)
    {
        if (double.IsNaN(low) || double.IsNaN(high) || low > high)
        {
            (low, high) = (0, 1);
        }

        if (low == high)
        {
            // One value (or all equal): draw it halfway up an axis from zero, so it reads as the size it is.
            (low, high) = low > 0 ? (0.0, low * 2) : low < 0 ? (low * 2, 0.0) : (0.0, 1.0);
        }

        var step = Math.Max(minStep, NiceStep((high - low) / Math.Max(1, maxTicks - 1)));
        var min = Math.Floor(low / step) * step;
        var max = Math.Ceiling(high / step) * step;
        return new NiceScale(min, max, step);
    }

    public IReadOnlyList<double> Ticks
    {
        get
        {
            var ticks = new List<double>();
            // Counting steps rather than adding them keeps 0.1 + 0.2 style drift out of the labels.
            var count = (int)Math.Round((Max - Min) / Step);
            for (var i = 0; i <= count; i++)
            {
                ticks.Add(Math.Round(Min + (i * Step), 10));
            }

            return ticks;
        }
    }

    /// <summary>The finest step whose ticks still read differently at the precision <paramref name="kind"/> is shown in.</summary>
    public static double FinestStep(FigureValueKind kind) => kind switch
    {
        FigureValueKind.Ratio => 0.01,
        FigureValueKind.Share => 0.001,
        FigureValueKind.Days => 0.1,
        _ => 1,
    };

    /// <summary>Where <paramref name="value"/> sits between <see cref="Min"/> (0) and <see cref="Max"/> (1).</summary>
    public double Fraction(double value) => Max == Min ? 0 : (value - Min) / (Max - Min);

    private static double NiceStep(double rough)
    {
        var exponent = Math.Floor(Math.Log10(rough));
        var fraction = rough / Math.Pow(10, exponent);
        var nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
        return nice * Math.Pow(10, exponent);
    }
}
