namespace Jobs.Core.Postings;

/// <summary>A posting as a client submits it, before validation: its fields and, for admins and organisers, the employer.</summary>
public sealed record PostingDraft(PostingInput Fields, long? EmployerId);

/// <summary>A posting together with the employer that owns it, as read models need it.</summary>
public sealed record PostingView(Posting Posting, string EmployerName)
{
    /// <summary>What was changed on the way in (an expiry clamped to the maximum); empty for reads.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Why the posting is held for compliance review (rule, field, words); empty unless it is.</summary>
    public IReadOnlyList<Compliance.ComplianceIssue> ComplianceFindings { get; init; } = [];

    /// <summary>The reviewer's reason when the posting was sent back to its employer; null otherwise.</summary>
    public string? ComplianceReturnedReason { get; init; }
}

public enum PostingListStatus
{
    /// <summary>Open and not expired: what job seekers browse.</summary>
    Open,
    Closed,
    Expired,
    All,
}

/// <param name="IncludeHeld">Also list postings held back from the public (for those who manage them).</param>
public sealed record PostingListQuery(IReadOnlyList<string> CityCodes, long? EmployerId, PostingListStatus Status, bool IncludeHeld = false);
