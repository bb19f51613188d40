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
    long? EmployerId);

/// <summary>A posting together with the employer that owns it, as read models need it.</summary>
public sealed record PostingView(Posting Posting, string EmployerName);

public enum PostingListStatus
{
    /// <summary>Open and not expired: what job seekers browse.</summary>
    Open,
    Closed,
    Expired,
    All,
}

public sealed record PostingListQuery(IReadOnlyList<string> CityCodes, long? EmployerId, PostingListStatus Status);
