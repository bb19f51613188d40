namespace Jobs.Core.Statistics;

/// <summary>
/// Salaries are kept as histograms of 1,000-yuan buckets (percentiles cannot be merged from percentiles, histograms can be
/// summed across cities and filters). A percentile is interpolated inside its bucket, so it is within 500 yuan of the exact
/// value for bucket-wide error, and usually much closer; everything from 100,000 yuan a month up is one bucket.
/// </summary>
public static class SalaryBuckets
{
    public const int Width = 1000;
    public const int Last = 100;

    /// <summary>The monthly equivalent over a year (13薪 counts 13/12 of the monthly figure), the midpoint of a range.</summary>
    public static double? MonthlyEquivalent(int? min, int? max, int months = 12)
    {
        if (min is null && max is null)
        {
            return null;
        }

        var mid = ((min ?? max)!.Value + (max ?? min)!.Value) / 2.0;
        return mid * months / 12.0;
    }

    public static int Of(double monthly) => Math.Clamp((int)(monthly / Width), 0, Last);

    /// <summary>The <paramref name="p"/> quantile (0..1) of a histogram, interpolated linearly inside the bucket; null when empty.</summary>
    public static double? Percentile(IReadOnlyDictionary<int, double> histogram, double p)
    {
        var total = histogram.Values.Sum();
        if (total <= 0)
        {
            return null;
        }

        var rank = p * total;
        double below = 0;
        foreach (var (bucket, count) in histogram.OrderBy(b => b.Key))
        {
            if (count <= 0)
            {
                continue;
            }

            if (below + count >= rank)
            {
                var within = (rank - below) / count;
                return (bucket + within) * Width;
            }

            below += count;
        }

        return (histogram.Keys.Max() + 1) * Width;
    }
}
