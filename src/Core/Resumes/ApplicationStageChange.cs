namespace Jobs.Core.Resumes;

/// <summary>
/// One move of an application through the pipeline, kept for good: the graduate's history, and what the data platform counts
/// interviews and offers from. The first row of each application (<see cref="FromStage"/> null) is the submission itself.
/// </summary>
public sealed class ApplicationStageChange
{
    public long Id { get; set; }

    public long ApplicationId { get; set; }

    public ApplicationStage? FromStage { get; set; }

    public ApplicationStage ToStage { get; set; }

    public DateTime At { get; set; }

    /// <summary>The account that made the change; null when the platform did (e.g. the upgrade that started the history).</summary>
    public long? ByUserId { get; set; }

    /// <summary>The posting's city when the change was made, so counts per city need no join and do not move with later edits.</summary>
    public required string CityCode { get; set; }

    /// <summary>The rejection or withdrawal reason, or the employer's message with an offer.</summary>
    public string? Note { get; set; }

    /// <summary>An offer made without an interview invitation, because the employer said so.</summary>
    public bool SkippedInterview { get; set; }

    public DateTime? InterviewAt { get; set; }

    public string? InterviewPlace { get; set; }

    public string? InterviewLink { get; set; }

    public string? InterviewMessage { get; set; }
}
