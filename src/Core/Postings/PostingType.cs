using System.Globalization;
using Jobs.Core.Imports.Feeds;

namespace Jobs.Core.Postings;

/// <summary>What kind of engagement a posting offers. Stored as its number; never renumber.</summary>
public enum PostingType
{
    FullTime = 0,
    PartTime = 1,
    Internship = 2,
    Campus = 3,
}

public static class PostingTypes
{
    private static readonly string[] Labels = ["全职", "兼职", "实习", "校招"];
    private static readonly string[] Codes = ["full-time", "part-time", "internship", "campus"];

    public static IReadOnlyList<string> AllLabels => Labels;

    public static string Label(this PostingType type) => Labels[(int)type];

    /// <summary>Campus hiring and internships are aimed at a graduating cohort (届别).</summary>
    public static bool HasCohort(this PostingType type) => type is PostingType.Campus or PostingType.Internship;

    internal static PostingType FromCode(string code)
    {
        var i = Array.IndexOf(Codes, code);
        return i >= 0 ? (PostingType)i : throw new InvalidOperationException($"Unknown posting type code '{code}' in labour-terms.json.");
    }

    /// <summary>The labels, the aliases of labour-terms.json (社招, 暑期实习, 管培生 …) and the English names.</summary>
    public static bool TryParse(string? text, out PostingType type)
    {
        type = PostingType.FullTime;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (LabourTerms.TypeAliases.TryGetValue(LabourTerms.Fold(text), out type))
        {
            return true;
        }

        return Enum.TryParse(text.Trim(), ignoreCase: true, out type) && Enum.IsDefined(type);
    }
}

/// <summary>A benefit or working condition of a posting (a tag of benefit-tags.json) and where it came from.</summary>
public sealed class PostingBenefit
{
    public const string Explicit = "explicit";
    public const string Extracted = "extracted";

    /// <summary>The tag's code: board-and-lodging, long-day-shift …</summary>
    public required string Tag { get; set; }

    /// <summary><see cref="Explicit"/> when the employer or feed named it; <see cref="Extracted"/> when found in the description.</summary>
    public required string Source { get; set; }

    /// <summary>The text that set it: the explicit value, or the matched span of the description.</summary>
    public string? Evidence { get; set; }
}

/// <summary>Pay as it was published: 8-10K·13薪, 200元/天, 25元/时, 20-30万/年, 面议.</summary>
public static class SalaryDisplay
{
    public static string Label(this SalaryBasis basis) => basis switch
    {
        SalaryBasis.Daily => "日薪",
        SalaryBasis.Hourly => "时薪",
        SalaryBasis.Yearly => "年薪",
        _ => "月薪",
    };

    public static string Format(Posting p)
    {
        if (p.SalaryMin is null || p.SalaryMax is null)
        {
            return "面议";
        }

        // Postings from before the basis was kept have only the monthly figures, which were what they published.
        double min = p.PostedSalaryMin ?? p.SalaryMin.Value;
        double max = p.PostedSalaryMax ?? p.SalaryMax.Value;
        var basis = p.PostedSalaryMin is null ? SalaryBasis.Monthly : p.SalaryBasis;
        var months = p.SalaryMonths > 12 ? $"·{p.SalaryMonths}薪" : "";
        return basis switch
        {
            SalaryBasis.Daily => $"{Range(min, max)}元/天",
            SalaryBasis.Hourly => $"{Range(min, max)}元/时",
            SalaryBasis.Yearly => min >= 10_000 && max >= 10_000 ? $"{Range(min / 10_000, max / 10_000)}万/年" : $"{Range(min, max)}元/年",
            _ => (min >= 1000 && max >= 1000 && min % 100 == 0 && max % 100 == 0 ? $"{Range(min / 1000, max / 1000)}K" : $"{Range(min, max)}元") + months,
        };

        static string Range(double lo, double hi) => lo == hi ? N(lo) : $"{N(lo)}-{N(hi)}";

        static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
