using Jobs.Core.Alerts;
using Jobs.Core.Common;
using Jobs.Core.Postings;
using Jobs.Core.Regions;

namespace Jobs.Search.Postings;

/// <summary>
/// The query parameters of a posting search as a caller writes them (the API's <c>/api/postings/search</c> and the site's
/// <c>/jobs</c> page): names and labels, not codes. <see cref="ToRequest"/> validates and resolves them with the same
/// messages everywhere.
/// </summary>
public sealed record PostingSearchQuery
{
    public string? Q { get; init; }

    public IReadOnlyList<string> City { get; init; } = [];

    public string? District { get; init; }

    public string? Category { get; init; }

    public string? Education { get; init; }

    public int? SalaryMin { get; init; }

    public int? SalaryMax { get; init; }

    public string? Experience { get; init; }

    public int? PostedWithinDays { get; init; }

    public long? EmployerId { get; init; }

    public string? Type { get; init; }

    public string? Cohort { get; init; }

    public bool? Beginners { get; init; }

    public IReadOnlyList<string> Benefit { get; init; } = [];

    public IReadOnlyList<string> Function { get; init; } = [];

    public IReadOnlyList<string> FunctionGroup { get; init; } = [];

    /// <summary>The request these parameters describe (paging left default); problems go to <paramref name="errors"/>.</summary>
    public PostingSearchRequest ToRequest(CityDirectory cities, ValidationErrors errors)
    {
        var request = PostingSearchFilters.ParseFilters(Q, [.. City], District, Category, Education, SalaryMin, SalaryMax, Experience,
            PostedWithinDays, EmployerId, cities, errors);
        request = PostingSearchFilters.ParseModelFilters(request, Type, Cohort, Beginners, [.. Benefit], errors);
        return PostingSearchFilters.ParseFunctionFilters(request, [.. Function], [.. FunctionGroup], errors);
    }
}

/// <summary>Validation of posting search filters, shared by search, matches, alerts and fair searches in the API and the site.</summary>
public static class PostingSearchFilters
{
    /// <summary>
    /// A saved search's criteria (the alert's filters), validated as search validates them; null when there are errors. The
    /// API's alert endpoint and the site's alert form both come here.
    /// </summary>
    public static SavedSearchCriteria? ParseSavedSearch(string? q, string[]? city, string? category, string? education, int? salaryMin,
        int? salaryMax, string? experience, CityDirectory cities, ValidationErrors errors)
    {
        var filters = ParseFilters(q, city, null, category, education, salaryMin, salaryMax, experience, null, null, cities, errors);
        if (q is { Length: > Querying.UserQuery.MaxLength })
        {
            errors.Add("q", $"搜索词最多 {Querying.UserQuery.MaxLength} 个字符");
        }

        return errors.IsEmpty
            ? new SavedSearchCriteria
            {
                Query = string.IsNullOrWhiteSpace(filters.Query) ? null : filters.Query.Trim(),
                CityCodes = filters.CityCodes.Distinct().ToList(),
                Category = filters.Category,
                Education = filters.Education,
                SalaryMin = filters.SalaryMin,
                SalaryMax = filters.SalaryMax,
                Experience = filters.Experience,
            }
            : null;
    }

    /// <summary>The filter parameters posting search and posting matches share, validated into a request (paging left default).</summary>
    public static PostingSearchRequest ParseFilters(string? q, string[]? city, string? district, string? category, string? education,
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
    public static PostingSearchRequest ParseModelFilters(PostingSearchRequest request, string? type, string? cohort, bool? beginners,
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
    public static PostingSearchRequest ParseFunctionFilters(PostingSearchRequest request, string[]? function, string[]? functionGroup,
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
