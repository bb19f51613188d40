using Jobs.Core.Common;
using Jobs.Core.Postings;

namespace Jobs.Core.Imports.Feeds;

/// <summary>
/// The outcome of parsing one feed file. When <see cref="FileError"/> is set the file could not be read as a whole and
/// <see cref="Rows"/>, <see cref="Rejections"/> and <see cref="Warnings"/> are empty: nothing of it may be imported.
/// </summary>
public sealed class FeedParseResult
{
    public string? FileError { get; init; }

    /// <summary>The line the file error points at (an unclosed quote's opening line, an undecodable byte's line), when it has one.</summary>
    public int? FileErrorLine { get; init; }

    public FeedFormat? Format { get; init; }

    public FeedTextEncoding? Encoding { get; init; }

    public IReadOnlyList<FeedPostingRow> Rows { get; init; } = [];

    /// <summary>One entry per problem: a row with three bad fields has three entries, all with its line.</summary>
    public IReadOnlyList<FeedRejection> Rejections { get; init; } = [];

    /// <summary>Problems that did not stop a row (or the file): unknown columns, unknown category or district.</summary>
    public IReadOnlyList<FeedWarning> Warnings { get; init; } = [];

    /// <summary>Data records read, blank lines not counted: accepted plus rejected rows.</summary>
    public int RecordCount { get; init; }

    public int RejectedRowCount => Rejections.Select(r => r.Line).Distinct().Count();

    public static FeedParseResult Failed(string reason, int? line = null, FeedFormat? format = null, FeedTextEncoding? encoding = null) =>
        new() { FileError = reason, FileErrorLine = line, Format = format, Encoding = encoding };
}

/// <summary>A row that will not be imported: where it is, which field, and why (in Chinese, for the city's staff).</summary>
public sealed record FeedRejection(int Line, string? ExternalId, string Field, string Reason)
{
    /// <summary>The <see cref="Field"/> of a problem with the record as a whole (malformed JSON, wrong field count).</summary>
    public const string WholeRecord = "*";
}

/// <summary>Something the city should fix that did not stop the row: the row is imported without that value.</summary>
public sealed record FeedWarning(int Line, string? ExternalId, string Field, string Reason);

/// <summary>A feed row checked against the posting rules and normalised, ready to become a posting.</summary>
public sealed record FeedPostingRow
{
    /// <summary>Physical line (1-based) where the record starts in the file.</summary>
    public required int Line { get; init; }

    public required string ExternalId { get; init; }

    public required string Title { get; init; }

    public required string EmployerName { get; init; }

    /// <summary>Upper-case, valid when present.</summary>
    public string? EmployerCreditCode { get; init; }

    public required string CityCode { get; init; }

    /// <summary>The district's canonical Simplified name, or null.</summary>
    public string? District { get; init; }

    /// <summary>One of <see cref="PostingCategories.All"/>, or null.</summary>
    public string? Category { get; init; }

    /// <summary>Monthly CNY; null when negotiable.</summary>
    public int? SalaryMin { get; init; }

    public int? SalaryMax { get; init; }

    public int SalaryMonths { get; init; } = PostingRules.MinSalaryMonths;

    public bool SalaryNegotiable { get; init; }

    /// <summary>The period the feed stated the salary in; the figures above are already monthly.</summary>
    public SalaryBasis SalaryBasis { get; init; }

    public EducationLevel Education { get; init; }

    public ExperienceLevel Experience { get; init; }

    /// <summary>Null when the feed left it open (empty, 若干, 不限); postings default to 1.</summary>
    public int? Headcount { get; init; }

    public IReadOnlyList<string> Skills { get; init; } = [];

    /// <summary>Plain text: HTML tags removed, entities decoded, paragraphs kept as line breaks.</summary>
    public required string Description { get; init; }

    public required DateTime PostedAtUtc { get; init; }

    public DateTime? ExpiresAtUtc { get; init; }

    public bool Closed { get; init; }

    /// <summary>Type and cohort, accepts-beginners, benefit tags and the salary as published (feed v1.1; derived for v1 rows).</summary>
    public PostingTerms Terms { get; init; } = PostingTerms.Default;

    /// <summary>The row as <see cref="PostingService"/> takes it; the service applies its own time rules (expiry after now).</summary>
    public PostingDraft ToDraft(long employerId) => new(
        Title, Description, CityCode, District, Category, SalaryMin, SalaryMax, SalaryMonths, SalaryNegotiable,
        Education.Label(), Experience.Label(), Headcount, Skills,
        ExpiresAtUtc is { } e ? new DateTimeOffset(e, TimeSpan.Zero) : null, employerId)
    {
        Terms = new PostingTermsInput
        {
            Type = Terms.Type.Label(),
            Cohort = Terms.Cohort?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            AcceptsBeginners = Terms.AcceptsBeginners,
            Benefits = Terms.Benefits.Where(b => b.Source == PostingBenefit.Explicit).Select(b => BenefitTags.NameOf(b.Tag)).ToList(),
        },
    };
}
