using Jobs.Core.Common;
using Jobs.Core.Imports.Feeds;

namespace Jobs.Core.Postings;

public enum PostingStatus
{
    Open = 0,
    Closed = 1,
}

/// <summary>
/// Why an open posting is kept off the public site and search. A posting is listed only while it has no hold; each reason
/// is set and cleared by its own rule (employer verification, compliance review), so one clearing never lifts another.
/// </summary>
[Flags]
public enum PostingHolds
{
    None = 0,

    /// <summary>The employer has not been verified yet (or was sent back to review).</summary>
    EmployerUnverified = 1,

    /// <summary>The text needs an organiser's review for a possibly discriminatory requirement or a missing salary.</summary>
    ComplianceReview = 2,
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

    /// <summary>Reasons the posting is not public; <see cref="PostingHolds.None"/> when nothing holds it back.</summary>
    public PostingHolds Holds { get; set; }

    /// <summary>Open and held by nothing: the search index, the sitemap and public pages show exactly these (expiry aside).</summary>
    public bool IsListed => Status == PostingStatus.Open && Holds == PostingHolds.None;

    /// <summary>Listed and not expired: graduates can apply and employers can bring it to a fair.</summary>
    public bool IsActive(DateTime utcNow) => IsListed && !IsExpired(utcNow);
}

public static class PostingHoldsText
{
    /// <summary>Why a held posting is not public, in the words its employer reads: 等待企业认证、合规审核.</summary>
    public static string Describe(this PostingHolds holds)
    {
        var reasons = new List<string>(2);
        if (holds.HasFlag(PostingHolds.EmployerUnverified))
        {
            reasons.Add("等待企业认证");
        }

        if (holds.HasFlag(PostingHolds.ComplianceReview))
        {
            reasons.Add("等待合规审核");
        }

        return string.Join("、", reasons);
    }
}
