using Jobs.Core.Common;
using Jobs.Core.Postings;
using Jobs.Core.Regions;
using Jobs.Search.Postings;

namespace Jobs.Search.Matching;

/// <summary>
/// The fit functions both match directions use, each 0–1, and the weights that turn fits into points. The collectors and
/// the explanations call the same functions on the same values, so an explanation always adds up to the score it explains.
/// </summary>
public sealed class MatchScoring
{
    /// <summary>Fit when a side gave no preference (no cities, no expected salary, negotiable pay): neither good nor bad.</summary>
    public const double Neutral = 0.5;

    private readonly double[,] _km;
    private readonly double[] _weights;

    public MatchScoring(MatchingOptions options, CityDirectory cities, PostingColumnKeys keys)
    {
        Options = options;
        Keys = keys;
        var list = keys.Cities.Select(cities.GetByCode).ToArray();
        _km = new double[list.Length, list.Length];
        for (var i = 0; i < list.Length; i++)
        {
            for (var j = 0; j < list.Length; j++)
            {
                _km[i, j] = i == j ? 0 : list[i].DistanceKmTo(list[j]);
            }
        }

        _weights = new double[Enum.GetValues<MatchPartKind>().Length];
        _weights[(int)MatchPartKind.Text] = options.TextWeight;
        _weights[(int)MatchPartKind.City] = options.CityWeight;
        _weights[(int)MatchPartKind.Education] = options.EducationWeight;
        _weights[(int)MatchPartKind.Salary] = options.SalaryWeight;
        _weights[(int)MatchPartKind.Experience] = options.ExperienceWeight;
        _weights[(int)MatchPartKind.Freshness] = options.FreshnessWeight;
        _weights[(int)MatchPartKind.Cohort] = options.CohortWeight;
        _postingFreshness = new(() => FreshnessTable(options.PostingHalfLifeDays));
        _resumeFreshness = new(() => FreshnessTable(options.ResumeHalfLifeDays));
    }

    public MatchingOptions Options { get; }

    private readonly Lazy<(double Fit, double Points)[]> _postingFreshness;
    private readonly Lazy<(double Fit, double Points)[]> _resumeFreshness;

    public PostingColumnKeys Keys { get; }

    public double Weight(MatchPartKind kind) => _weights[(int)kind];

    /// <summary>Rounded to 4 places here, once, so the score (a sum of these) and the parts shown agree exactly.</summary>
    public double Points(MatchPartKind kind, double fit) => Math.Round(_weights[(int)kind] * fit, 4);

    public double Km(short a, short b) => _km[a, b];

    /// <summary>
    /// First preference 1, each later one 0.05 less; another city by its distance to the nearest preferred one, so a
    /// graduate preferring Nanjing ranks Ma'anshan and Chuzhou (≈51–53 km) well above Huai'an (≈172 km).
    /// </summary>
    public double CityFit(ReadOnlySpan<short> preferred, short city)
    {
        if (preferred.Length == 0)
        {
            return Neutral;
        }

        if (city < 0)
        {
            return 0;
        }

        var nearest = double.MaxValue;
        for (var rank = 0; rank < preferred.Length; rank++)
        {
            var p = preferred[rank];
            if (p == city)
            {
                return Math.Max(0.8, 1 - (0.05 * rank));
            }

            if (p >= 0)
            {
                nearest = Math.Min(nearest, _km[p, city]);
            }
        }

        return nearest == double.MaxValue ? 0 : Options.NearbyCityFit * Math.Exp(-nearest / Options.DistanceScaleKm);
    }

    /// <summary>The fit of every city index for one list of preferences, computed once per request.</summary>
    public double[] CityFits(ReadOnlySpan<short> preferred)
    {
        var fits = new double[Keys.Cities.Count];
        for (short c = 0; c < fits.Length; c++)
        {
            fits[c] = CityFit(preferred, c);
        }

        return fits;
    }

    public short[] CityIndexes(IEnumerable<string> codes) =>
        codes.Select(code => Keys.CityIndex.TryGetValue(code, out var i) ? i : (short)-1).Where(i => i >= 0).ToArray();

    /// <summary>
    /// Pay reaching the expected minimum fits fully (a posting paying more than hoped is no worse); below it the fit falls
    /// to zero where the posting's top is half the expected minimum. Monthly CNY; -1 means not given.
    /// </summary>
    public static double SalaryFit(int expectedMin, int expectedMax, int payMin, int payMax)
    {
        if (expectedMin < 0 && expectedMax < 0)
        {
            return Neutral;
        }

        if (payMax < 0)
        {
            return Neutral;
        }

        var want = expectedMin >= 0 ? expectedMin : expectedMax;
        if (payMax >= want)
        {
            return 1;
        }

        return Math.Max(0, 1 - ((want - payMax) / (0.5 * want)));
    }

    /// <summary>The requirement itself is a hard rule; among those who meet it, the closest level fits best.</summary>
    public static double EducationFit(EducationLevel held, EducationLevel required)
    {
        if (required == EducationLevel.Any)
        {
            return 0.9;
        }

        return (held.Rank() - required.Rank()) switch
        {
            <= 0 => 1,
            1 => 0.85,
            _ => 0.6,
        };
    }

    /// <summary>
    /// Meeting the asked experience fits fully; each band short costs more (应届 against 3-5年 is nearly no fit). A seasoned
    /// candidate for a 应届 posting fits partly: such postings are meant for new graduates.
    /// </summary>
    public static double ExperienceFit(ExperienceLevel held, ExperienceLevel asked)
    {
        if (asked == ExperienceLevel.Any)
        {
            return 1;
        }

        var gap = asked.Step() - held.Step();
        if (gap <= 0)
        {
            return asked == ExperienceLevel.FreshGraduate && held.Step() >= 3 ? 0.6 : 1;
        }

        return gap switch
        {
            1 => 0.5,
            2 => 0.15,
            _ => 0,
        };
    }

    /// <summary>Graduates of this year are 应届; otherwise years since graduation (July) give the band.</summary>
    public static ExperienceLevel HeldExperience(int graduationYear, DateTime utcNow)
    {
        var years = utcNow.Year - graduationYear - (utcNow.Month < 7 ? 1 : 0);
        return years switch
        {
            <= 0 => ExperienceLevel.FreshGraduate,
            1 => ExperienceLevel.UnderOneYear,
            2 => ExperienceLevel.OneToThreeYears,
            3 or 4 => ExperienceLevel.ThreeToFiveYears,
            < 10 => ExperienceLevel.FiveToTenYears,
            _ => ExperienceLevel.OverTenYears,
        };
    }

    /// <summary>
    /// Campus hiring for the graduate's own cohort fits fully; campus hiring naming no cohort fits half for someone graduating
    /// this year or later; an internship for the graduate's cohort fits half; anything else (other cohorts, 全职, 兼职) 0.
    /// <paramref name="cohort"/> is 0 when the posting names none.
    /// </summary>
    public static double CohortFit(PostingType type, int cohort, int graduationYear, int currentYear)
    {
        var own = cohort > 0 && cohort == graduationYear;
        return type switch
        {
            PostingType.Campus when own => 1,
            PostingType.Campus when cohort == 0 && graduationYear >= currentYear => 0.5,
            PostingType.Internship when own => 0.5,
            _ => 0,
        };
    }

    public static string? CohortReason(PostingType type, int cohort, double fit) => fit switch
    {
        >= 1 => $"{cohort}届校招，正是你的届别",
        > 0 when type == PostingType.Campus => "校招职位，面向应届毕业生",
        > 0 => $"{cohort}届实习，正是你的届别",
        _ => null,
    };

    /// <summary>Ages are counted in whole hours, up to this many; older counts as this old.</summary>
    private const int MaxAgeHours = 2 * 366 * 24;

    /// <summary>2^(−age/half-life) by whole hours of age: a table lookup per match instead of a power.</summary>
    public double FreshnessFit(long ageSeconds, bool resume) => (resume ? _resumeFreshness : _postingFreshness).Value[AgeHours(ageSeconds)].Fit;

    public double FreshnessPoints(long ageSeconds, bool resume) =>
        (resume ? _resumeFreshness : _postingFreshness).Value[AgeHours(ageSeconds)].Points;

    private static int AgeHours(long ageSeconds) => (int)Math.Clamp(ageSeconds / 3600, 0, MaxAgeHours);

    private (double Fit, double Points)[] FreshnessTable(double halfLifeDays)
    {
        var table = new (double, double)[MaxAgeHours + 1];
        for (var h = 0; h <= MaxAgeHours; h++)
        {
            var fit = Math.Pow(2, -h / (halfLifeDays * 24.0));
            table[h] = (fit, Points(MatchPartKind.Freshness, fit));
        }

        return table;
    }

}
