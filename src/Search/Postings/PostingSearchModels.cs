using Jobs.Core.Common;
using Jobs.Core.Postings;

namespace Jobs.Search.Postings;

public enum PostingSort
{
    /// <summary>BM25 combined with freshness and posting quality.</summary>
    Relevance,
    Newest,
    Salary,
}

/// <summary>A posting search after the HTTP layer validated and resolved its parameters.</summary>
public sealed record PostingSearchRequest
{
    public string? Query { get; init; }

    public IReadOnlyList<string> CityCodes { get; init; } = [];

    public string? District { get; init; }

    public string? Category { get; init; }

    /// <summary>Function codes, any of which a posting may have (OR).</summary>
    public IReadOnlyList<string> Functions { get; init; } = [];

    /// <summary>Function group codes, any of which a posting's function may belong to (OR); ANDed with <see cref="Functions"/>.</summary>
    public IReadOnlyList<string> FunctionGroups { get; init; } = [];

    /// <summary>The searcher's education: postings requiring at most this.</summary>
    public EducationLevel? Education { get; init; }

    /// <summary>Monthly CNY; postings whose range overlaps [SalaryMin, SalaryMax].</summary>
    public int? SalaryMin { get; init; }

    public int? SalaryMax { get; init; }

    /// <summary>The searcher's experience: postings asking for at most this.</summary>
    public ExperienceLevel? Experience { get; init; }

    public int? PostedWithinDays { get; init; }

    public PostingType? Type { get; init; }

    /// <summary>Graduation year of the cohort (2026 for 2026届).</summary>
    public int? Cohort { get; init; }

    /// <summary>True: only postings that say beginners are welcome.</summary>
    public bool? Beginners { get; init; }

    /// <summary>Benefit tag codes a posting must all have.</summary>
    public IReadOnlyList<string> Benefits { get; init; } = [];

    public long? EmployerId { get; init; }

    /// <summary>Only these postings (a fair's exhibitors bring a set); null means all.</summary>
    public IReadOnlyCollection<long>? OnlyIds { get; init; }

    /// <summary>Only postings with a larger id: the ones added after a job alert's last run.</summary>
    public long? IdAfter { get; init; }

    /// <summary>Only postings up to this id: the newest one a job alert run has seen.</summary>
    public long? IdAtMost { get; init; }

    public PostingSort Sort { get; init; } = PostingSort.Relevance;

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;

    public Querying.SearchCursor? Cursor { get; init; }
}

public sealed record PostingHit(
    long Id,
    string Title,
    string EmployerName,
    long EmployerId,
    string CityCode,
    string? District,
    int? SalaryMin,
    int? SalaryMax,
    int SalaryMonths,
    EducationLevel Education,
    DateTime PostedAt,
    double Score,
    string TitleHighlight,
    string DescriptionHighlight)
{
    public PostingType Type { get; init; }

    public int? Cohort { get; init; }

    public bool AcceptsBeginners { get; init; }

    /// <summary>Benefit tag names (包吃住, 长白班 …), explicit ones first.</summary>
    public IReadOnlyList<string> Benefits { get; init; } = [];

    /// <summary>Pay as published: 8-10K·13薪, 200元/天, 面议.</summary>
    public string SalaryText { get; init; } = "";

    /// <summary>The job function (职能) code, or null.</summary>
    public string? FunctionCode { get; init; }
}

public sealed record FacetValue(string Value, int Count);

public sealed record PostingFacets(
    IReadOnlyList<FacetValue> City,
    IReadOnlyList<FacetValue> Category,
    IReadOnlyList<FacetValue> Education,
    IReadOnlyList<FacetValue> SalaryBand)
{
    /// <summary>Drill-sideways like the four above.</summary>
    public IReadOnlyList<FacetValue> Type { get; init; } = [];

    /// <summary>Counted over the hits (届别 as 2026届).</summary>
    public IReadOnlyList<FacetValue> Cohort { get; init; } = [];

    /// <summary>Counted over the hits, by tag name.</summary>
    public IReadOnlyList<FacetValue> Benefit { get; init; } = [];

    /// <summary>Drill-sideways, by function name (后端开发, 普工/操作工 …).</summary>
    public IReadOnlyList<FacetValue> Function { get; init; } = [];

    /// <summary>The function counts summed per group, by group name.</summary>
    public IReadOnlyList<FacetValue> FunctionGroup { get; init; } = [];
}

/// <summary>What query understanding and the vocabulary did with the text.</summary>
public sealed record QueryReport(
    string Text,
    IReadOnlyList<Querying.UnderstoodCity> Cities,
    Querying.UnderstoodEducation? Education,
    string? FreshGraduate,
    Querying.UnderstoodSalary? Salary,
    IReadOnlyList<string> Phrases,
    IReadOnlyList<string> Excluded,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Synonyms,
    bool Truncated);

public sealed record PostingSearchResult(
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<PostingHit> Items,
    PostingFacets Facets,
    QueryReport Understood,
    string? NextCursor);
