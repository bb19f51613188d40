using Jobs.Core.Common;
using Jobs.Core.Imports.Feeds;

namespace Jobs.Core.Postings;

public enum PostingStatus
{
    Open = 0,
    Closed = 1,
}

/// <summary>A job advert. Closed and expired postings are kept, never deleted.</summary>
public sealed class Posting
{
    public long Id { get; set; }

    public long EmployerId { get; set; }

    public required string Title { get; set; }

    public required string Description { get; set; }

    public required string CityCode { get; set; }

    public string? District { get; set; }

    /// <summary>The legacy category label (one of 16); kept for compatibility, <see cref="FunctionCode"/> supersedes it.</summary>
    public string? Category { get; set; }

    /// <summary>The job function (职能) code from job-functions.json; null when neither given nor recognisable.</summary>
    public string? FunctionCode { get; set; }

    /// <summary>Monthly pay in CNY; null when negotiable.</summary>
    public int? SalaryMin { get; set; }

    public int? SalaryMax { get; set; }

    /// <summary>Months paid per year (13薪 = 13).</summary>
    public int SalaryMonths { get; set; } = 12;

    public bool SalaryNegotiable { get; set; }

    /// <summary>The period the pay was published in; <see cref="SalaryMin"/> and <see cref="SalaryMax"/> are its monthly equivalents.</summary>
    public SalaryBasis SalaryBasis { get; set; }

    /// <summary>The lower figure as published, in yuan per <see cref="SalaryBasis"/> (200 for 200元/天); null for older postings.</summary>
    public double? PostedSalaryMin { get; set; }

    public double? PostedSalaryMax { get; set; }

    public EducationLevel Education { get; set; }

    public ExperienceLevel Experience { get; set; }

    /// <summary>Says explicitly that people without experience are welcome (无经验可培训, 应届生可投 …).</summary>
    public bool AcceptsBeginners { get; set; }

    public PostingType Type { get; set; }

    /// <summary>Graduation year of the cohort (届别) a campus or internship posting is for: 2026 for 2026届.</summary>
    public int? Cohort { get; set; }

    /// <summary>Benefit and condition tags, explicit ones first; one entry per tag.</summary>
    public List<PostingBenefit> Benefits { get; set; } = [];

    public int Headcount { get; set; } = 1;

    public List<string> Skills { get; set; } = [];

    public DateTime PostedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public DateTime? ExpiresAt { get; set; }

    public PostingStatus Status { get; set; }

    public DateTime? ClosedAt { get; set; }

    public bool IsExpired(DateTime utcNow) => ExpiresAt is { } e && e <= utcNow;

    public bool IsActive(DateTime utcNow) => Status == PostingStatus.Open && !IsExpired(utcNow);
}
