using Jobs.Api.Postings;
using Jobs.Api.Resumes;
using Jobs.Core.Resumes;

namespace Jobs.Api.Applications;

public sealed record ApplyRequest(string? CoverLetter);

/// <summary>An interview invitation: a time with its offset (2027-03-20T14:00:00+08:00), and a place, an http(s) link or both.</summary>
public sealed record InterviewRequest(DateTimeOffset? At, string? Place, string? Link, string? Message)
{
    public InterviewDraft ToDraft() => new(At, Place, Link, Message);
}

/// <summary>
/// Moves an application: <c>stage</c> is viewed, interviewInvited, offered or rejected. <c>interview</c> goes with interviewInvited,
/// <c>reason</c> with rejected, <c>message</c> with offered; <c>skipInterview: true</c> allows an offer without an invitation.
/// </summary>
public sealed record StageRequest(string? Stage, InterviewRequest? Interview, string? Reason, string? Message, bool? SkipInterview)
{
    public StageMove ToMove() => new(Stage, Interview?.ToDraft(), Reason, Message, SkipInterview);
}

/// <summary>The same move for several applications of one posting.</summary>
public sealed record BulkStageRequest(long[]? Ids, string? Stage, InterviewRequest? Interview, string? Reason, string? Message, bool? SkipInterview)
{
    public StageMove ToMove() => new(Stage, Interview?.ToDraft(), Reason, Message, SkipInterview);
}

public sealed record WithdrawRequest(string? Reason);

public sealed record InterviewResponse(DateTime At, string? Place, string? Link, string? Message)
{
    public static InterviewResponse? From(ApplicationStageChange? c) =>
        c?.InterviewAt is { } at ? new(at, c.InterviewPlace, c.InterviewLink, c.InterviewMessage) : null;
}

/// <summary>One move; <c>from</c> is null for the submission itself.</summary>
public sealed record StageChangeResponse(string? From, string? FromLabel, string To, string ToLabel, DateTime At, long? ByUserId, string? Note,
    bool SkippedInterview, InterviewResponse? Interview)
{
    public static StageChangeResponse Of(ApplicationStageChange c) => new(c.FromStage?.Wire(), c.FromStage?.Label(), c.ToStage.Wire(), c.ToStage.Label(),
        c.At, c.ByUserId, c.Note, c.SkippedInterview, InterviewResponse.From(c));
}

/// <summary>An application with its stage (<c>stage</c> in lower camel English, <c>stageLabel</c> in Chinese) and its history, oldest first.</summary>
public sealed record ApplicationResponse(long Id, long PostingId, long ResumeId, string? CoverLetter, DateTime CreatedAt, string Stage, string StageLabel,
    DateTime StageChangedAt, DateTime? ViewedAt, InterviewResponse? Interview, IReadOnlyList<StageChangeResponse> History)
{
    public static ApplicationResponse From(ApplicationRecord record)
    {
        var a = record.Application;
        return new(a.Id, a.PostingId, a.ResumeId, a.CoverLetter, a.CreatedAt, a.Stage.Wire(), a.Stage.Label(), a.StageChangedAt, a.ViewedAt,
            InterviewResponse.From(record.Interview), record.History.Select(StageChangeResponse.Of).ToArray());
    }

    /// <summary>A new application, whose history is its submission.</summary>
    public static ApplicationResponse Submitted(Application a, long? byUserId) => From(new ApplicationRecord(a,
        [new ApplicationStageChange { ApplicationId = a.Id, ToStage = ApplicationStage.Submitted, At = a.CreatedAt, ByUserId = byUserId, CityCode = "" }]));
}

public sealed record ApplicantResponse(ApplicationResponse Application, ResumeResponse Resume);

public sealed record StageCountResponse(string Stage, string StageLabel, int Count);

/// <summary>A page of applicants in pipeline order, with how many applications of the posting are in each stage.</summary>
public sealed record ApplicantsResponse(int Total, int Page, int PageSize, IReadOnlyList<ApplicantResponse> Items, IReadOnlyList<StageCountResponse> StageCounts);

public sealed record MyApplicationResponse(ApplicationResponse Application, PostingResponse Posting);

public sealed record ApplicationDetailResponse(ApplicationResponse Application, PostingResponse Posting, ResumeResponse Resume);

/// <summary>One id of a bulk move: <c>outcome</c> is moved or refused (with <c>reason</c>); <c>stage</c> is where it stands now.</summary>
public sealed record BulkStageItemResponse(long Id, string Outcome, string? Stage, string? StageLabel, string? Reason);

public sealed record BulkStageResponse(int Moved, int Refused, IReadOnlyList<BulkStageItemResponse> Results);
