namespace Jobs.Core.Imports;

/// <summary>How a run was started; shown in run lists so staff can tell a schedule from a person.</summary>
public enum ImportTrigger
{
    Schedule = 0,
    Manual = 1,
    Upload = 2,
    CommandLine = 3,
    Confirmation = 4,
}

public enum ImportRunStatus
{
    /// <summary>In progress, or the process died while it was (a later run of the source marks it <see cref="Abandoned"/>).</summary>
    Running = 0,
    Succeeded = 1,

    /// <summary>The file could not be read as a whole; nothing was changed.</summary>
    Failed = 2,

    /// <summary>It would close more than the allowed share of the source's open postings; waits for an organiser.</summary>
    Held = 3,

    /// <summary>A held run an organiser applied; the applying run is a new run that names this one.</summary>
    Confirmed = 4,
    Discarded = 5,

    /// <summary>The process died during the run; its transaction never committed, so nothing of it was stored.</summary>
    Abandoned = 6,

    /// <summary>A held run that a later run of the same source made stale before anyone decided.</summary>
    Superseded = 7,
}

/// <summary>One import of one source's file: what happened, counted, with every rejected row kept as <see cref="ImportProblem"/>.</summary>
public sealed class ImportRun
{
    public long Id { get; set; }

    /// <summary>The source is the city whose bureau publishes the feed; postings in it may be for other cities.</summary>
    public required string SourceCity { get; set; }

    /// <summary>
    /// Set when an organiser started the run (or its held run): rows may create or change only postings of the source
    /// city, and the run closes no posting of another city. A confirmation keeps the held run's limit.
    /// </summary>
    public bool OwnCityOnly { get; set; }

    public ImportTrigger Trigger { get; set; }

    public ImportRunStatus Status { get; set; }

    public string? FileName { get; set; }

    public string? Format { get; set; }

    public string? Encoding { get; set; }

    public long FileBytes { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public long? DurationMs { get; set; }

    public int Records { get; set; }

    public int Added { get; set; }

    /// <summary>Of <see cref="Added"/>: rows that joined a posting another source already listed (cross-source duplicates).</summary>
    public int Merged { get; set; }

    public int Updated { get; set; }

    public int Closed { get; set; }

    public int Unchanged { get; set; }

    /// <summary>Rejected rows (a row with three bad fields counts once; it has three problems).</summary>
    public int Rejected { get; set; }

    public int Warnings { get; set; }

    /// <summary>The source's open postings before the run, the base of the mass-close share.</summary>
    public int OpenBefore { get; set; }

    public string? FileError { get; set; }

    public int? FileErrorLine { get; set; }

    public string? Message { get; set; }

    public long? RequestedBy { get; set; }

    /// <summary>For a run started by confirming a held run: that run.</summary>
    public long? ConfirmsRunId { get; set; }

    public long? DecidedBy { get; set; }

    public DateTime? DecidedAt { get; set; }
}

public enum ImportProblemKind
{
    Rejection = 0,
    Warning = 1,
}

/// <summary>A rejected row's reason (one per bad field) or a warning, with the physical line it starts on.</summary>
public sealed class ImportProblem
{
    public long Id { get; set; }

    public long RunId { get; set; }

    public ImportProblemKind Kind { get; set; }

    public int Line { get; set; }

    public string? ExternalId { get; set; }

    public required string Field { get; set; }

    public required string Reason { get; set; }
}

/// <summary>
/// Where a posting came from: one row per (source, external id). A posting that two cities' feeds both list has two
/// rows; it stays open while any of them is active.
/// </summary>
public sealed class PostingSource
{
    public required string SourceCity { get; set; }

    public required string ExternalId { get; set; }

    public long PostingId { get; set; }

    /// <summary>Employer, normalised title and work city: how the same vacancy is recognised in another city's feed.</summary>
    public required string DuplicateKey { get; set; }

    /// <summary>Hash of the row's normalised content: an unchanged row is recognised without comparing fields.</summary>
    public required string ContentHash { get; set; }

    /// <summary>False once the source dropped the row (or listed it as closed); the link is kept for the record.</summary>
    public bool Active { get; set; }

    public long LastRunId { get; set; }

    public DateTime UpdatedAt { get; set; }
}
