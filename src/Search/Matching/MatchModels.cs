namespace Jobs.Search.Matching;

/// <summary>The parts a match score is made of, in the order explanations list them.</summary>
public enum MatchPartKind
{
    Text,
    City,
    Education,
    Salary,
    Experience,
    Freshness,

    /// <summary>Campus hiring and the graduate's own cohort (届别): a small preference, zero for everything else.</summary>
    Cohort,
}

/// <summary>One part of a score: <see cref="Points"/> = <see cref="Weight"/> × <see cref="Fit"/>, rounded to 4 places.</summary>
public sealed record MatchPart(MatchPartKind Kind, string Label, double Weight, double Fit, double Points, string? Reason);

/// <summary>A score and the parts it is the sum of; <see cref="Reasons"/> are the parts' reasons, for display.</summary>
public sealed record MatchExplanation(double Score, IReadOnlyList<MatchPart> Parts, IReadOnlyList<string> Reasons);

public sealed record PostingMatch(Postings.PostingHit Posting, Jobs.Core.Common.ExperienceLevel Experience, MatchExplanation Explanation);

public sealed record CandidateMatch(long ResumeId, MatchExplanation Explanation);

public sealed record MatchResult<T>(int Total, int Page, int PageSize, IReadOnlyList<T> Items, string? NextCursor);
