namespace Jobs.Core.Postings;

/// <summary>A posting as a client or a feed submits it, before validation. Text fields arrive as typed.</summary>
public sealed record PostingDraft(
    string? Title,
    string? Description,
    string? City,
    string? District,
    string? Category,
    int? SalaryMin,
    int? SalaryMax,
    int? SalaryMonths,
    bool? Negotiable,
    string? Education,
    string? Experience,
    int? Headcount,
    IReadOnlyList<string>? Skills,
    DateTimeOffset? ExpiresAt,
    long? EmployerId)
{
    /// <summary>The job-model fields (type, cohort, beginners, benefits); salary basis is <see cref="SalaryBasis"/>.</summary>
    public PostingTermsInput Terms { get; init; } = new();

    /// <summary>月薪, 日薪, 时薪, 年薪 or 面议; the salary figures are in this basis (yuan per day for 日薪). Null means 月薪.</summary>
    public string? SalaryBasis { get; init; }
}

/// <summary>A posting together with the employer that owns it, as read models need it.</summary>
public sealed record PostingView(Posting Posting, string EmployerName)
{
    /// <summary>What was changed on the way in (an expiry clamped to the maximum); empty for reads.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

public enum PostingListStatus
{
    /// <summary>Open and not expired: what job seekers browse.</summary>
    Open,
    Closed,
    Expired,
    All,
}

public sealed record PostingListQuery(IReadOnlyList<string> CityCodes, long? EmployerId, PostingListStatus Status);
