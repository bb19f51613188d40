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

    /// <summary>Relax the words step by step when too few postings match them all (off for job alerts).</summary>
    public bool Relax { get; init; } = true;

    /// <summary>At most a few postings of one employer on the first page, and near-identical ones folded (relevance sort, page paging).</summary>
    public bool Diversify { get; init; } = true;

    /// <summary>
    /// Type, district and experience words read from the text are searched as words instead of filtering: the retry when
    /// those filters leave nothing (兼职 where no posting is typed part-time, but some say 兼职).
    /// </summary>
    internal bool ConditionsAsWords { get; init; }
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

    /// <summary>Near-identical postings of the same employer (same title and city) folded into this one.</summary>
    public int SimilarCount { get; init; }
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
    bool Truncated)
{
    /// <summary>Benefits read from the text; they raise postings that have them rather than hide the others.</summary>
    public IReadOnlyList<Querying.UnderstoodBenefit> Benefits { get; init; } = [];

    /// <summary>The searcher's experience read from the text (没有工作经验, 三年经验): a filter.</summary>
    public Querying.UnderstoodExperience? Experience { get; init; }

    /// <summary>Posting type read from the text (实习, 校招, 兼职): a filter.</summary>
    public Querying.UnderstoodType? Type { get; init; }

    /// <summary>District read from the text (江宁, 鼓楼区): a filter.</summary>
    public Querying.UnderstoodDistrict? District { get; init; }

    /// <summary>Words that carry only intent (找, 工作, 岗位) or a negated condition, left out of what must match.</summary>
    public IReadOnlyList<string> Ignored { get; init; } = [];
}

/// <summary>
/// How a search was relaxed because too few postings matched every word: the <see cref="Level"/> reached (1 words dropped,
/// 2 fewer words required, 3 parts of words, 4 characters), the query's words, the ones still required and the ones dropped,
/// and how many postings matched the query as typed (they come first).
/// </summary>
public sealed record RelaxedSearch(int Level, IReadOnlyList<string> Words, IReadOnlyList<string> Kept, IReadOnlyList<string> Dropped, int ExactTotal)
{
    /// <summary>What happened, in Chinese for a reader: 没有同时包含“销售”和“经理”的职位，以下为包含“销售”的结果.</summary>
    public string Message
    {
        get
        {
            var all = Words.Count > 1 ? $"同时包含{Quote(Words)}" : $"包含{Quote(Words)}";
            var head = ExactTotal > 0 ? $"{all}的职位只有 {ExactTotal} 个，其后为" : $"没有{all}的职位，以下为";
            return Level switch
            {
                Querying.RelaxationLadder.DroppedWords when Dropped.Count == 0 =>
                    (ExactTotal > 0 ? $"包含“{string.Concat(Words)}”的职位只有 {ExactTotal} 个，其后为" : $"没有包含“{string.Concat(Words)}”的职位，以下为")
                    + $"同时包含{Quote(Kept)}的结果",
                Querying.RelaxationLadder.DroppedWords => $"{head}包含{Quote(Kept)}的结果",
                Querying.RelaxationLadder.FewerWords => $"{head}包含其中部分词语的结果",
                Querying.RelaxationLadder.WordParts => $"{head}包含相近字词（{string.Join("、", Kept.Take(6))}）的结果",
                _ => $"{head}标题含有相同汉字的结果",
            };
        }
    }

    private static string Quote(IReadOnlyList<string> words) => words.Count switch
    {
        0 => "",
        1 => $"“{words[0]}”",
        _ => string.Concat(words.Take(words.Count - 1).Select(w => $"“{w}”")) + $"和“{words[^1]}”",
    };
}

public sealed record PostingSearchResult(
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<PostingHit> Items,
    PostingFacets Facets,
    QueryReport Understood,
    string? NextCursor)
{
    /// <summary>Null when every shown posting matched the query as typed.</summary>
    public RelaxedSearch? Relaxed { get; init; }
}
