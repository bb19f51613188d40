using System.Text.Json.Serialization;
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

/// <summary>
/// A feed row checked by the posting rules (<see cref="PostingValues.Check"/>): the posting's fields, and what only a feed
/// has (its line, the external id, the employer as named, the posting date and whether the feed closed it).
/// </summary>
public sealed record FeedPostingRow
{
    /// <summary>Physical line (1-based) where the record starts in the file.</summary>
    public required int Line { get; init; }

    public required string ExternalId { get; init; }

    public required string EmployerName { get; init; }

    /// <summary>Upper-case, valid when present.</summary>
    public string? EmployerCreditCode { get; init; }

    public required DateTime PostedAtUtc { get; init; }

    public bool Closed { get; init; }

    /// <summary>Everything the posting stores; <see cref="PostingValues.ApplyTo"/> writes it.</summary>
    public required PostingValues Fields { get; init; }

    // Shortcuts for readers of a row; the content hash serialises Fields only, once.
    [JsonIgnore] public string Title => Fields.Title;

    [JsonIgnore] public string Description => Fields.Description;

    [JsonIgnore] public string CityCode => Fields.CityCode;

    [JsonIgnore] public string? District => Fields.District;

    [JsonIgnore] public string? Category => Fields.Category;

    [JsonIgnore] public int? SalaryMin => Fields.SalaryMin;

    [JsonIgnore] public int? SalaryMax => Fields.SalaryMax;

    [JsonIgnore] public int SalaryMonths => Fields.SalaryMonths;

    [JsonIgnore] public bool SalaryNegotiable => Fields.SalaryNegotiable;

    [JsonIgnore] public SalaryBasis SalaryBasis => Fields.Terms.SalaryBasis;

    [JsonIgnore] public EducationLevel Education => Fields.Education;

    [JsonIgnore] public ExperienceLevel Experience => Fields.Experience;

    [JsonIgnore] public int Headcount => Fields.Headcount;

    [JsonIgnore] public IReadOnlyList<string> Skills => Fields.Skills;

    /// <summary>Null when the feed gave none: the posting then stays while the city's feed lists it.</summary>
    [JsonIgnore] public DateTime? ExpiresAtUtc => Fields.ExpiresAt;

    [JsonIgnore] public PostingTerms Terms => Fields.Terms;
}
