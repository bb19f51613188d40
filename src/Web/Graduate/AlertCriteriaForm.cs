using Jobs.Core.Alerts;
using Jobs.Core.Common;
using Jobs.Core.Postings;
using Jobs.Core.Regions;

namespace Jobs.Web.Graduate;

/// <summary>
/// A saved search's criteria from the alert form, with the messages and field names of the API's search filters. The API
/// parses the same filters in its search endpoint (PostingSearchEndpoints.ParseFilters), which is being moved out of the
/// API for the public search page; once it is, this should call that parser instead.
/// </summary>
internal static class AlertCriteriaForm
{
    public static SavedSearchCriteria? Parse(string? q, IReadOnlyList<string> cityNames, string? category, string? education, string? experience,
        string? salaryMinText, string? salaryMaxText, CityDirectory cities, ValidationErrors errors)
    {
        var query = q?.Trim();
        if (query is { Length: > Jobs.Search.Querying.UserQuery.MaxLength })
        {
            errors.Add("q", $"搜索词最多 {Jobs.Search.Querying.UserQuery.MaxLength} 个字符");
        }

        var codes = new List<string>();
        foreach (var name in cityNames)
        {
            if (cities.Resolve(name) is { } c)
            {
                if (!codes.Contains(c.Code))
                {
                    codes.Add(c.Code);
                }
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

        int? salaryMin = null;
        int? salaryMax = null;
        if (!GraduateText.TryNumber(salaryMinText, out salaryMin) || salaryMin is < 0 or > PostingRules.MaxMonthlySalary)
        {
            errors.Add("salaryMin", $"月薪应在 0 到 {PostingRules.MaxMonthlySalary} 元之间");
        }

        if (!GraduateText.TryNumber(salaryMaxText, out salaryMax) || salaryMax is < 0 or > PostingRules.MaxMonthlySalary)
        {
            errors.Add("salaryMax", $"月薪应在 0 到 {PostingRules.MaxMonthlySalary} 元之间");
        }

        if (salaryMin is { } lo && salaryMax is { } hi && lo > hi)
        {
            errors.Add("salaryMax", "月薪上限不能低于下限");
        }

        return errors.IsEmpty
            ? new SavedSearchCriteria
            {
                Query = string.IsNullOrEmpty(query) ? null : query,
                CityCodes = codes,
                Category = categoryValue,
                Education = educationValue,
                SalaryMin = salaryMin,
                SalaryMax = salaryMax,
                Experience = experienceValue,
            }
            : null;
    }
}
