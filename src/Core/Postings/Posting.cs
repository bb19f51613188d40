using Jobs.Core.Common;

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

    public string? Category { get; set; }

    /// <summary>Monthly pay in CNY; null when negotiable.</summary>
    public int? SalaryMin { get; set; }

    public int? SalaryMax { get; set; }

    /// <summary>Months paid per year (13薪 = 13).</summary>
    public int SalaryMonths { get; set; } = 12;

    public bool SalaryNegotiable { get; set; }

    public EducationLevel Education { get; set; }

    public ExperienceLevel Experience { get; set; }

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
