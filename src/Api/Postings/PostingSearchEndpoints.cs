using Jobs.Api.Infrastructure;
using Jobs.Api.RateLimiting;
using Jobs.Core.Common;
using Jobs.Core.Postings;
using Jobs.Core.Regions;
using Jobs.Search.Postings;
using Jobs.Search.Querying;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobs.Api.Postings;

public sealed record SearchHighlights(string Title, string Description);

public sealed record PostingSearchItem(
    long Id, string Title, string EmployerName, long EmployerId, string City, string CityCode, string? District,
    int? SalaryMin, int? SalaryMax, int SalaryMonths, string Education, DateTime PostedAt, double Score, SearchHighlights Highlights)
{
    /// <summary>Pay as published: 8-10K·13薪, 200元/天, 面议 (salaryMin/salaryMax stay the monthly equivalent).</summary>
    public string SalaryText { get; init; } = "";

    public string Type { get; init; } = "全职";

    public string? Cohort { get; init; }

    public bool AcceptsBeginners { get; init; }

    /// <summary>Benefit tag names, explicit ones first.</summary>
    public IReadOnlyList<string> Benefits { get; init; } = [];

    /// <summary>The job function (职能) code and name and its group, as on a posting; null when none was given or recognised.</summary>
    public string? FunctionCode { get; init; }

    public string? FunctionName { get; init; }

    public string? FunctionGroupCode { get; init; }

    public string? FunctionGroupName { get; init; }

    /// <summary>Near-identical postings of the same employer (same title and city) folded into this one.</summary>
    public int SimilarCount { get; init; }
}

public sealed record FacetValueResponse(string Value, int Count);

public sealed record PostingFacetsResponse(
    IReadOnlyList<FacetValueResponse> City, IReadOnlyList<FacetValueResponse> Category,
    IReadOnlyList<FacetValueResponse> Education, IReadOnlyList<FacetValueResponse> SalaryBand)
{
    public IReadOnlyList<FacetValueResponse> Type { get; init; } = [];

    public IReadOnlyList<FacetValueResponse> Cohort { get; init; } = [];

    public IReadOnlyList<FacetValueResponse> Benefit { get; init; } = [];

    /// <summary>Job functions by name, drill-sideways.</summary>
    public IReadOnlyList<FacetValueResponse> Function { get; init; } = [];

    /// <summary>Job function groups by name.</summary>
    public IReadOnlyList<FacetValueResponse> FunctionGroup { get; init; } = [];
}

public sealed record UnderstoodCityResponse(string Code, string Name, string Text);

public sealed record UnderstoodValueResponse(string Value, string Text);

public sealed record UnderstoodSalaryResponse(int? Min, int? Max, string Text);

/// <summary>What was taken out of the query text, for removable chips, and how the rest was read.</summary>
public sealed record UnderstoodResponse(
    string Text,
    IReadOnlyList<UnderstoodCityResponse> Cities,
    UnderstoodValueResponse? Education,
    UnderstoodValueResponse? Experience,
    UnderstoodSalaryResponse? Salary,
    IReadOnlyList<string> Phrases,
    IReadOnlyList<string> Excluded,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Synonyms,
    bool Truncated)
{
    /// <summary>Benefits read from the text (value = tag name); they rank postings with them first rather than filter.</summary>
    public IReadOnlyList<UnderstoodValueResponse> Benefits { get; init; } = [];

    /// <summary>Posting type read from the text (实习, 校招, 兼职): a filter.</summary>
    public UnderstoodValueResponse? Type { get; init; }

    /// <summary>District read from the text (江宁 → 江宁区): a filter.</summary>
    public UnderstoodValueResponse? District { get; init; }

    /// <summary>Intent-only words (找, 工作, 岗位) and negated conditions, not required to match.</summary>
    public IReadOnlyList<string> Ignored { get; init; } = [];

    public static UnderstoodResponse From(QueryReport r) => new(
        r.Text,
        r.Cities.Select(c => new UnderstoodCityResponse(c.Code, c.Name, c.Text)).ToArray(),
        r.Education is { } e ? new UnderstoodValueResponse(e.Level.Label(), e.Text) : null,
        r.Experience is { } x ? new UnderstoodValueResponse(x.Beginner ? "无经验" : x.Level.Label(), x.Text)
            : r.FreshGraduate is { } f ? new UnderstoodValueResponse(ExperienceLevel.FreshGraduate.Label(), f) : null,
        r.Salary is { } s ? new UnderstoodSalaryResponse(s.Min, s.Max, s.Text) : null,
        r.Phrases, r.Excluded, r.Synonyms, r.Truncated)
    {
        Benefits = r.Benefits.Select(b => new UnderstoodValueResponse(b.Name, b.Text)).ToArray(),
        Type = r.Type is { } t ? new UnderstoodValueResponse(t.Type.Label(), t.Text) : null,
        District = r.District is { } d ? new UnderstoodValueResponse(d.Name, d.Text) : null,
        Ignored = r.Ignored,
    };
}

/// <summary>
/// Present when too few postings matched every word and the search relaxed: level 1 dropped words, 2 fewer words required,
/// 3 parts of words, 4 characters. The first exactTotal items matched the query as typed.
/// </summary>
public sealed record RelaxedResponse(int Level, IReadOnlyList<string> Words, IReadOnlyList<string> Kept, IReadOnlyList<string> Dropped,
    int ExactTotal, string Message);

public sealed record PostingSearchResponse(
    int Total, int Page, int PageSize, IReadOnlyList<PostingSearchItem> Items, PostingFacetsResponse Facets,
    UnderstoodResponse Understood, string? NextCursor)
{
    /// <summary>For a search that found nothing or little: a spelling correction of q that finds clearly more (会记 → 会计), else null.</summary>
    public string? DidYouMean { get; init; }

    /// <summary>Null when every item matched the query as typed.</summary>
    public RelaxedResponse? Relaxed { get; init; }
}

public static class PostingSearchEndpoints
{
    public static void MapPostingSearchEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/postings/search", SearchAsync).WithTags("Search").RequireRateLimiting(RateLimitPolicies.Search).ProducesValidationProblem()
            .WithSummary("Search open postings across all member cities")
            .WithDescription("q: free text, \"quoted phrase\", -word excludes; every other character is plain text. A city, education, "
                + "应届 or a salary phrase (8k以上, 1万+, 15-20K) inside q becomes a filter, reported in 'understood'. Facet counts are "
                + "drill-sideways: a selected facet shows counts as if its own filter were off. Intent words (找, 工作, 岗位) need not match; "
                + "benefits (双休, 五险一金) rank postings with them first; experience (没有工作经验, 三年经验), type (实习, 校招, 兼职) "
                + "and district (江宁) filter. Too few exact matches relax the words step by step (see 'relaxed'); relevance pages "
                + "hold at most two postings of one employer on page 1 and fold near-identical ones (similarCount) unless diversify=false.");

    internal static async Task<Results<Ok<PostingSearchResponse>, ValidationProblem>> SearchAsync(
        string? q, string[]? city, string? district, string? category, string? education, int? salaryMin, int? salaryMax,
        string? experience, int? postedWithinDays, long? employerId, string? sort, int? page, int? pageSize, string? cursor,
        string? type, string? cohort, bool? beginners, string[]? benefit, string[]? function, string[]? functionGroup,
        bool? diversify, PostingSearchService search, CityDirectory cities, Jobs.Search.Suggest.DidYouMeanService didYouMean,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var paging = SearchParameters.Paging(page, pageSize, cursor, sort, errors, out var sortValue);
        var filters = new PostingSearchQuery
        {
            Q = q, City = city ?? [], District = district, Category = category, Education = education, SalaryMin = salaryMin,
            SalaryMax = salaryMax, Experience = experience, PostedWithinDays = postedWithinDays, EmployerId = employerId, Type = type,
            Cohort = cohort, Beginners = beginners, Benefit = benefit ?? [], Function = function ?? [], FunctionGroup = functionGroup ?? [],
        }.ToRequest(cities, errors);
        if (!errors.IsEmpty)
        {
            return ServiceResults.Validation(errors);
        }

        var request = filters with
        {
            Page = paging.Page,
            PageSize = paging.PageSize,
            Cursor = paging.Cursor,
            Sort = sortValue,
            Diversify = diversify ?? true,
        };
        var result = await search.SearchAsync(request, cancellationToken);
        return TypedResults.Ok(ToResponse(result, cities) with { DidYouMean = await didYouMean.SuggestAsync(request, result, cancellationToken) });
    }

    internal static PostingSearchResponse ToResponse(PostingSearchResult result, CityDirectory cities) => new(
        result.Total, result.Page, result.PageSize,
        result.Items.Select(h => ToItem(h, cities)).ToArray(),
        new PostingFacetsResponse(Map(result.Facets.City), Map(result.Facets.Category), Map(result.Facets.Education), Map(result.Facets.SalaryBand))
        {
            Type = Map(result.Facets.Type),
            Cohort = Map(result.Facets.Cohort),
            Benefit = Map(result.Facets.Benefit),
            Function = Map(result.Facets.Function),
            FunctionGroup = Map(result.Facets.FunctionGroup),
        },
        UnderstoodResponse.From(result.Understood),
        result.NextCursor)
    {
        Relaxed = result.Relaxed is { } r ? new RelaxedResponse(r.Level, r.Words, r.Kept, r.Dropped, r.ExactTotal, r.Message) : null,
    };

    private static PostingSearchItem ToItem(PostingHit h, CityDirectory cities)
    {
        var function = Jobs.Core.Taxonomy.JobFunctions.ByCode(h.FunctionCode);
        return new PostingSearchItem(h.Id, h.Title, h.EmployerName, h.EmployerId,
            cities.FindByCode(h.CityCode)?.Name ?? h.CityCode, h.CityCode, h.District, h.SalaryMin, h.SalaryMax, h.SalaryMonths,
            h.Education.Label(), h.PostedAt, h.Score, new SearchHighlights(h.TitleHighlight, h.DescriptionHighlight))
        {
            SalaryText = h.SalaryText,
            Type = h.Type.Label(),
            Cohort = h.Cohort is { } c ? $"{c}届" : null,
            AcceptsBeginners = h.AcceptsBeginners,
            Benefits = h.Benefits,
            FunctionCode = function?.Code,
            FunctionName = function?.Name,
            FunctionGroupCode = function?.Group.Code,
            FunctionGroupName = function?.Group.Name,
            SimilarCount = h.SimilarCount,
        };
    }

    private static FacetValueResponse[] Map(IReadOnlyList<FacetValue> values) => values.Select(v => new FacetValueResponse(v.Value, v.Count)).ToArray();
}

/// <summary>Paging, cursor and sort parameters shared by the search endpoints.</summary>
public static class SearchParameters
{
    public sealed record PagingValues(int Page, int PageSize, SearchCursor? Cursor);

    public static PagingValues Paging(int? page, int? pageSize, string? cursor, string? sort, ValidationErrors errors, out PostingSort sortValue)
    {
        sortValue = PostingSort.Relevance;
        if (!string.IsNullOrWhiteSpace(sort) && !Enum.TryParse(sort, ignoreCase: true, out sortValue))
        {
            errors.Add("sort", "排序应为 relevance、newest 或 salary");
        }

        var p = page ?? 1;
        var size = pageSize ?? PageRequest.DefaultPageSize;
        if (p < 1)
        {
            errors.Add("page", "页码从 1 开始");
        }

        if (size is < 1 or > PageRequest.MaxPageSize)
        {
            errors.Add("pageSize", $"每页条数应在 1 到 {PageRequest.MaxPageSize} 之间");
        }

        if (p >= 1 && size is >= 1 and <= PageRequest.MaxPageSize && (long)p * size > PostingSearchService.MaxDepth && cursor is null)
        {
            errors.Add("page", $"按页码最多翻到第 {PostingSearchService.MaxDepth} 条；更深请使用 nextCursor 返回的 cursor 参数");
        }

        SearchCursor? decoded = null;
        if (cursor is not null)
        {
            decoded = SearchCursor.TryDecode(cursor);
            if (decoded is null)
            {
                errors.Add("cursor", "cursor 无效，请使用上一页响应中的 nextCursor");
            }
            else if (!string.Equals(decoded.Sort, sortValue.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                errors.Add("cursor", "cursor 来自另一种排序，请重新从第一页开始");
            }
        }

        return new PagingValues(Math.Max(p, 1), Math.Clamp(size, 1, PageRequest.MaxPageSize), decoded);
    }
}
