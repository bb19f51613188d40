namespace Jobs.Search.Postings;

/// <summary>Monthly-pay bands for the salaryBand facet, by the middle of the advertised range.</summary>
public static class SalaryBands
{
    public const string Negotiable = "面议";

    private static readonly (int UpTo, string Label)[] Bands =
    [
        (5000, "5千以下"),
        (8000, "5千-8千"),
        (12000, "8千-1.2万"),
        (20000, "1.2万-2万"),
        (30000, "2万-3万"),
        (int.MaxValue, "3万以上"),
    ];

    public static IReadOnlyList<string> Labels { get; } = [.. Bands.Select(b => b.Label), Negotiable];

    public static string For(int? min, int? max)
    {
        if (min is null && max is null)
        {
            return Negotiable;
        }

        var middle = ((long)(min ?? max!.Value) + (max ?? min!.Value)) / 2;
        foreach (var (upTo, label) in Bands)
        {
            if (middle < upTo)
            {
                return label;
            }
        }

        return Bands[^1].Label;
    }
}
