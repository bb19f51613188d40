namespace Jobs.Core.Postings.Compliance;

/// <summary>
/// A finding that holds a posting for review: the rule, where it was found and the words quoted. A posting's findings are
/// replaced whenever its text is checked again, so they always describe the current text.
/// </summary>
public sealed class ComplianceFinding
{
    public const int WordsMaxLength = 200;

    public long Id { get; set; }

    public long PostingId { get; set; }

    /// <summary>A rule code of compliance-rules.json (gender, age …).</summary>
    public required string Rule { get; set; }

    /// <summary>The posting field (API JSON name): title, description, skills or salaryMin.</summary>
    public required string Field { get; set; }

    public required string Words { get; set; }

    public DateTime FoundAt { get; set; }

    public ComplianceIssue ToIssue() => new(Rule, Field, Words);

    public static ComplianceFinding From(long postingId, ComplianceIssue issue, DateTime now) => new()
    {
        PostingId = postingId,
        Rule = issue.Rule,
        Field = issue.Field,
        Words = issue.Words.Length <= WordsMaxLength ? issue.Words : issue.Words[..WordsMaxLength],
        FoundAt = now,
    };
}

public enum ComplianceDecision
{
    /// <summary>The wording is acceptable: the compliance hold is lifted, and the same findings do not hold the posting again.</summary>
    Approved = 1,

    /// <summary>Sent back to the employer with a reason; the posting stays held and leaves the queue until it is edited.</summary>
    Returned = 2,

    /// <summary>Edited by its employer after it was sent back and still held: it is in the review queue again.</summary>
    Resubmitted = 3,
}

/// <summary>An organiser's or admin's decision on a held posting (or its employer's resubmission); every decision is kept.</summary>
public sealed class ComplianceReview
{
    public const int ReasonMaxLength = 500;

    public long Id { get; set; }

    public long PostingId { get; set; }

    public ComplianceDecision Decision { get; set; }

    public long? ReviewerUserId { get; set; }

    public DateTime DecidedAt { get; set; }

    public string? Reason { get; set; }

    /// <summary>The findings decided on (<see cref="ComplianceIssue.Key"/>, one per line): an approval covers exactly these.</summary>
    public string Findings { get; set; } = "";

    public IReadOnlyList<string> FindingKeys => Findings.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
