namespace Jobs.Core.Resumes;

/// <summary>A graduate applying to a posting with their résumé; it entitles the posting's employer to the contact data.</summary>
public sealed class Application
{
    public long Id { get; set; }

    public long PostingId { get; set; }

    public long ResumeId { get; set; }

    public long EmployerId { get; set; }

    public string? CoverLetter { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Where the application stands in the pipeline; every change is kept in <see cref="ApplicationStageChange"/>.</summary>
    public ApplicationStage Stage { get; set; }

    public DateTime StageChangedAt { get; set; }

    /// <summary>When the employer first opened it (or first moved it on); null while nobody there has looked.</summary>
    public DateTime? ViewedAt { get; set; }
}
