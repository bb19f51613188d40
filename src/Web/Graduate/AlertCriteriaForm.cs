using Jobs.Core.Alerts;
using Jobs.Core.Common;
using Jobs.Core.Postings;
using Jobs.Core.Regions;
using Jobs.Search.Postings;

namespace Jobs.Web.Graduate;

/// <summary>
/// A saved search's criteria from the alert form: the form's text figures read as numbers, then the same validation the
/// API's alert endpoint uses (<see cref="PostingSearchFilters.ParseSavedSearch"/>), with its messages and field names.
/// </summary>
internal static class AlertCriteriaForm
{
    public static SavedSearchCriteria? Parse(string? q, IReadOnlyList<string> cityNames, string? category, string? education, string? experience,
        string? salaryMinText, string? salaryMaxText, CityDirectory cities, ValidationErrors errors)
    {
        if (!GraduateText.TryNumber(salaryMinText, out var salaryMin))
        {
            errors.Add("salaryMin", $"月薪应在 0 到 {PostingRules.MaxMonthlySalary} 元之间");
        }

        if (!GraduateText.TryNumber(salaryMaxText, out var salaryMax))
        {
            errors.Add("salaryMax", $"月薪应在 0 到 {PostingRules.MaxMonthlySalary} 元之间");
        }

        return PostingSearchFilters.ParseSavedSearch(q?.Trim(), [.. cityNames], category, education, salaryMin, salaryMax, experience, cities, errors);
    }
}
