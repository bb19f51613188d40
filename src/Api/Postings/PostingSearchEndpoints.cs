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
    public static UnderstoodResponse From(QueryReport r) => new(
        r.Text,
        r.Cities.Select(c => new UnderstoodCityResponse(c.Code, c.Name, c.Text)).ToArray(),
        r.Education is { } e ? new UnderstoodValueResponse(e.Level.Label(), e.Text) : null,
        r.FreshGraduate is { } f ? new UnderstoodValueResponse(ExperienceLevel.FreshGraduate.Label(), f) : null,
        r.Salary is { } s ? new UnderstoodSalaryResponse(s.Min, s.Max, s.Text) : null,
        r.Phrases, r.Excluded, r.Synonyms, r.Truncated);
}

public sealed record PostingSearchResponse(
    int Total, int Page, int PageSize, IReadOnlyList<PostingSearchItem> Items, PostingFacetsResponse Facets,
    UnderstoodResponse Understood, string? NextCursor);

public static class PostingSearchEndpoints
{
    public static void MapPostingSearchEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/postings/search", SearchAsync).WithTags("Search").RequireRateLimiting(RateLimitPolicies.Search).ProducesValidationProblem()
            .WithSummary("Search open postings across all member cities")
            .WithDescription("q: free text, \"quoted phrase\", -word excludes; every other character is plain text. A city, education, "
                + "应届 or a salary phrase (8k以上, 1万+, 15-20K) inside q becomes a filter, reported in 'understood'. Facet counts are "
                + "drill-sideways: a selected facet shows counts as if its own filter were off.");

    internal static async Task<Results<Ok<PostingSearchResponse>, ValidationProblem>> SearchAsync(
        string? q, string[]? city, string? district, string? category, string? education, int? salaryMin, int? salaryMax,
        string? experience, int? postedWithinDays, long? employerId, string? sort, int? page, int? pageSize, string? cursor,
        string? type, string? cohort, bool? beginners, string[]? benefit, string[]? function, string[]? functionGroup,
        PostingSearchService search, CityDirectory cities, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var paging = SearchParameters.Paging(page, pageSize, cursor, sort, errors, out var sortValue);
        var filters = ParseFilters(q, city, district, category, education, salaryMin, salaryMax, experience, postedWithinDays, employerId,
            cities, errors);
        filters = ParseModelFilters(filters, type, cohort, beginners, benefit, errors);
        filters = ParseFunctionFilters(filters, function, functionGroup, errors);
        if (!errors.IsEmpty)
        {
            return ServiceResults.Validation(errors);
        }

        var result = await search.SearchAsync(filters with
        {
            Page = paging.Page,
            PageSize = paging.PageSize,
            Cursor = paging.Cursor,
            Sort = sortValue,
        }, cancellationToken);
        return TypedResults.Ok(ToResponse(result, cities));
    }

    /// <summary>The filter parameters posting search and posting matches share, validated into a request (paging left default).</summary>
    internal static PostingSearchRequest ParseFilters(string? q, string[]? city, string? district, string? category, string? education,
        int? salaryMin, int? salaryMax, string? experience, int? postedWithinDays, long? employerId, CityDirectory cities, ValidationErrors errors)
    {
        var codes = new List<string>();
        foreach (var name in city ?? [])
        {
            if (cities.Resolve(name) is { } c)
            {
                codes.Add(c.Code);
            }
            else
            {
                errors.Add("city", cities.UnknownCityMessage(name));
            }
        }

        string? categoryValue = null;
        if (!string.IsNullOrWhiteSpace(category))
        {
            categoryValue = PostingCategories.Normalize(category);
            if (categoryValue is null)
            {
                errors.Add("category", $"未知行业类别。可选：{string.Join("、", PostingCategories.All)}");
            }
        }

        EducationLevel? educationValue = null;
        if (!string.IsNullOrWhiteSpace(education))
        {
            if (EducationLevels.TryParse(education, out var level))
            {
                educationValue = level;
            }
            else
            {
                errors.Add("education", $"未知学历。可选：{string.Join("、", EducationLevels.AllLabels)}");
            }
        }

        ExperienceLevel? experienceValue = null;
        if (!string.IsNullOrWhiteSpace(experience))
        {
            if (ExperienceLevels.TryParse(experience, out var level))
            {
                experienceValue = level;
            }
            else
            {
                errors.Add("experience", $"未知经验。可选：{string.Join("、", ExperienceLevels.AllLabels)}");
            }
        }

        if (salaryMin is < 0 or > PostingRules.MaxMonthlySalary)
        {
            errors.Add("salaryMin", $"月薪应在 0 到 {PostingRules.MaxMonthlySalary} 元之间");
        }

        if (salaryMax is < 0 or > PostingRules.MaxMonthlySalary)
        {
            errors.Add("salaryMax", $"月薪应在 0 到 {PostingRules.MaxMonthlySalary} 元之间");
        }

        if (salaryMin is { } lo && salaryMax is { } hi && lo > hi)
        {
            errors.Add("salaryMax", "月薪上限不能低于下限");
        }

        if (postedWithinDays is < 1 or > 3650)
        {
            errors.Add("postedWithinDays", "发布天数应在 1 到 3650 之间");
        }

        if (district is { Length: > 50 })
        {
            errors.Add("district", "区县最多 50 个字符");
        }

        return new PostingSearchRequest
        {
            Query = q,
            CityCodes = codes,
            District = errors.IsEmpty ? NormalizeDistrict(district, codes, cities) : null,
            Category = categoryValue,
            Education = educationValue,
            SalaryMin = salaryMin,
            SalaryMax = salaryMax,
            Experience = experienceValue,
            PostedWithinDays = postedWithinDays,
            EmployerId = employerId,
        };
    }

    /// <summary>Posting type, cohort, beginners and benefit filters (all benefits must match).</summary>
    internal static PostingSearchRequest ParseModelFilters(PostingSearchRequest request, string? type, string? cohort, bool? beginners,
        string[]? benefit, ValidationErrors errors)
    {
        PostingType? typeValue = null;
        if (!string.IsNullOrWhiteSpace(type))
        {
            if (PostingTypes.TryParse(type, out var t))
            {
                typeValue = t;
            }
            else
            {
                errors.Add("type", $"未知职位类型。可选：{string.Join("、", PostingTypes.AllLabels)}");
            }
        }

        int? cohortValue = null;
        if (!string.IsNullOrWhiteSpace(cohort))
        {
            cohortValue = LabourTerms.ParseCohortYear(cohort);
            if (cohortValue is null or < 2000 or > 2100)
            {
                errors.Add("cohort", "届别应写成 2026届 或 2026");
                cohortValue = null;
            }
        }

        var codes = new List<string>();
        foreach (var text in benefit ?? [])
        {
            if (BenefitTags.Find(text) is { } tag)
            {
                codes.Add(tag.Code);
            }
            else
            {
                errors.Add("benefit", $"未知福利标签“{text}”。可选：{string.Join("、", BenefitTags.All.Select(t => t.Name))}");
            }
        }

        return request with { Type = typeValue, Cohort = cohortValue, Beginners = beginners, Benefits = codes };
    }

    /// <summary>Functions (code, name or alias) and function groups (code or name), each repeatable and ORed.</summary>
    internal static PostingSearchRequest ParseFunctionFilters(PostingSearchRequest request, string[]? function, string[]? functionGroup,
        ValidationErrors errors)
    {
        var functions = new List<string>();
        foreach (var text in function ?? [])
        {
            if (Jobs.Core.Taxonomy.JobFunctions.Find(text) is { } f)
            {
                functions.Add(f.Code);
            }
            else
            {
                errors.Add("function", $"未知职能“{text}”。请填写职能代码或名称，如 后端开发、普工/操作工");
            }
        }

        var groups = new List<string>();
        foreach (var text in functionGroup ?? [])
        {
            if (Jobs.Core.Taxonomy.JobFunctions.FindGroup(text) is { } g)
            {
                groups.Add(g.Code);
            }
            else
            {
                errors.Add("functionGroup",
                    $"未知职能类别“{text}”。可选：{string.Join("、", Jobs.Core.Taxonomy.JobFunctions.Groups.Select(x => x.Name))}");
            }
        }

        return request with { Functions = functions, FunctionGroups = groups };
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
        result.NextCursor);

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
        };
    }

    private static FacetValueResponse[] Map(IReadOnlyList<FacetValue> values) => values.Select(v => new FacetValueResponse(v.Value, v.Count)).ToArray();

    /// <summary>鼓楼 → 鼓楼区 when the filtered city knows it; otherwise the text as given.</summary>
    private static string? NormalizeDistrict(string? district, List<string> cityCodes, CityDirectory cities)
    {
        if (string.IsNullOrWhiteSpace(district))
        {
            return null;
        }

        foreach (var code in cityCodes)
        {
            if (CityDirectory.FindDistrict(cities.GetByCode(code), district) is { } d)
            {
                return d.Name;
            }
        }

        foreach (var c in cities.Cities)
        {
            if (CityDirectory.FindDistrict(c, district) is { } d)
            {
                return d.Name;
            }
        }

        return district.Trim();
    }
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
