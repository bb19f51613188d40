using System.Globalization;
using Jobs.Core.Common;
using Jobs.Core.Postings;
using Jobs.Core.Regions;

namespace Jobs.Core.Statistics;

/// <summary>
/// A statistics request as text (query string of the API, the pages and the downloads), checked into a <see cref="StatQuery"/>
/// with a Chinese reason per bad field. A period is a month (<c>2026-09</c>), a quarter (<c>2026Q3</c>), or <c>from</c>/<c>to</c>
/// days that make up exactly one month or quarter: the snapshot keeps distinct counts (job seekers) per month and quarter,
/// and those cannot be added up over other spans.
/// </summary>
public sealed record StatRequest(
    string? Period = null,
    string? Quarter = null,
    string? From = null,
    string? To = null,
    string? City = null,
    string? Region = null,
    string? Function = null,
    string? Industry = null,
    string? Education = null,
    string? Type = null)
{
    public bool HasDetailFilters =>
        !string.IsNullOrWhiteSpace(Function) || !string.IsNullOrWhiteSpace(Industry) || !string.IsNullOrWhiteSpace(Education) || !string.IsNullOrWhiteSpace(Type);

    /// <summary>Who may filter by function, industry, education and posting type, and read the detail figures.</summary>
    public static bool MaySeeDetails(Actor reader) => reader.IsAdmin || reader.IsOrganiser;

    /// <param name="fallback">The period when none is given (the newest snapshot quarter).</param>
    public StatQuery? TryParse(CityDirectory cities, StatPeriod fallback, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var period = fallback;
        var periodText = !string.IsNullOrWhiteSpace(Period) ? Period : Quarter;
        if (!string.IsNullOrWhiteSpace(periodText))
        {
            if (!StatPeriod.TryParse(periodText, out period))
            {
                errors[string.IsNullOrWhiteSpace(Period) ? "quarter" : "period"] = [$"无法识别的统计期“{periodText}”，请写成月份 2026-09 或季度 2026Q3"];
            }
        }
        else if (!string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(To))
        {
            if (SpanOf(From, To) is { } span)
            {
                period = span;
            }
            else
            {
                errors["from"] = ["自定义区间须为完整的一个月或一个季度（如 2026-07-01 至 2026-09-30），快照按月和按季度保存"];
            }
        }

        var scope = new StatisticsScopeResolver(cities).Resolve(City, Region);
        if (scope is null)
        {
            if (!string.IsNullOrWhiteSpace(City))
            {
                errors["city"] = [cities.UnknownCityMessage(City)];
            }
            else
            {
                errors["region"] = [$"未知地区“{Region}”。可选：{string.Join("、", cities.Regions.Select(r => r.Code))}"];
            }
        }

        string? function = null;
        if (!string.IsNullOrWhiteSpace(Function))
        {
            function = Taxonomy.JobFunctions.ByCode(Function.Trim())?.Code ?? Taxonomy.JobFunctions.Find(Function)?.Code;
            if (function is null)
            {
                errors["function"] = [$"未知职能“{Function}”"];
            }
        }

        string? industry = null;
        if (!string.IsNullOrWhiteSpace(Industry))
        {
            industry = Taxonomy.Industries.Find(Industry)?.Code;
            if (industry is null)
            {
                errors["industry"] = [$"未知行业“{Industry}”"];
            }
        }

        EducationLevel? education = null;
        if (!string.IsNullOrWhiteSpace(Education))
        {
            if (int.TryParse(Education, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && Enum.IsDefined((EducationLevel)n))
            {
                education = (EducationLevel)n;
            }
            else if (EducationLevels.TryParse(Education, out var level))
            {
                education = level;
            }
            else
            {
                errors["education"] = [$"未知学历“{Education}”，可选：{string.Join("、", EducationLevels.AllLabels)}"];
            }
        }

        PostingType? type = null;
        if (!string.IsNullOrWhiteSpace(Type))
        {
            if (PostingTypes.TryParse(Type, out var t))
            {
                type = t;
            }
            else
            {
                errors["type"] = [$"未知职位类型“{Type}”，可选：{string.Join("、", PostingTypes.AllLabels)}"];
            }
        }

        return errors.Count > 0 || scope is null ? null : new StatQuery(period, scope, function, industry, education, type);
    }

    private static StatPeriod? SpanOf(string? from, string? to)
    {
        if (!DateOnly.TryParseExact(from?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var a)
            || !DateOnly.TryParseExact(to?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var b))
        {
            return null;
        }

        foreach (var p in new[] { StatPeriod.MonthOf(a), StatPeriod.QuarterOf(a) })
        {
            if (p.FirstDay == a && p.EndDay.AddDays(-1) == b)
            {
                return p;
            }
        }

        return null;
    }
}

/// <summary>Resolves the scope words of a request; kept apart so the pages and the API agree on them.</summary>
public sealed class StatisticsScopeResolver(CityDirectory cities)
{
    public StatScope? Resolve(string? city, string? region)
    {
        if (!string.IsNullOrWhiteSpace(city))
        {
            return (cities.FindByCode(city.Trim()) ?? cities.Resolve(city)) is { } c ? StatScope.Of(c) : null;
        }

        if (!string.IsNullOrWhiteSpace(region))
        {
            return cities.FindRegion(region.Trim()) is { } r ? StatScope.Of(r) : null;
        }

        return StatScope.Circle(cities);
    }
}
