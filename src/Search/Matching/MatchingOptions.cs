using System.ComponentModel.DataAnnotations;

namespace Jobs.Search.Matching;

/// <summary>
/// How much each part counts toward a match score. A part's points are its weight times its fit (0–1), and the score is the
/// sum of the points, so with weights summing to 1 a perfect match scores 1.
/// </summary>
public sealed class MatchingOptions
{
    public const string Section = "Matching";

    /// <summary>Skills, desired titles, major, experience and self-introduction against the other side's text.</summary>
    [Range(0, 10)]
    public double TextWeight { get; set; } = 0.45;

    /// <summary>Preferred cities, with nearby member cities counting by distance.</summary>
    [Range(0, 10)]
    public double CityWeight { get; set; } = 0.2;

    /// <summary>The degree requirement is a hard rule; this part only prefers a level that fits over one far above it.</summary>
    [Range(0, 10)]
    public double EducationWeight { get; set; } = 0.05;

    [Range(0, 10)]
    public double SalaryWeight { get; set; } = 0.1;

    [Range(0, 10)]
    public double ExperienceWeight { get; set; } = 0.1;

    /// <summary>How recent the posting (or, matching candidates, the résumé update) is.</summary>
    [Range(0, 10)]
    public double FreshnessWeight { get; set; } = 0.1;

    /// <summary>Campus postings (校招) and postings for the graduate's own cohort: a small boost among otherwise equal matches.</summary>
    [Range(0, 10)]
    public double CohortWeight { get; set; } = 0.03;

    /// <summary>A non-preferred city's fit falls as e^(−km/scale) from the nearest preferred city.</summary>
    [Range(1, 2000)]
    public double DistanceScaleKm { get; set; } = 60;

    /// <summary>The fit of a non-preferred city at distance zero; preferred cities start at 1.</summary>
    [Range(0, 1)]
    public double NearbyCityFit { get; set; } = 0.75;

    [Range(1, 365)]
    public double PostingHalfLifeDays { get; set; } = 14;

    [Range(1, 3650)]
    public double ResumeHalfLifeDays { get; set; } = 90;

    /// <summary>Résumé or posting words turned into query terms at most; more add cost, not precision.</summary>
    [Range(4, 100)]
    public int MaxQueryConcepts { get; set; } = 24;
}
