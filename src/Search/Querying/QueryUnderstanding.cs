using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Jobs.Core.Common;
using Jobs.Core.Regions;

namespace Jobs.Search.Querying;

public sealed record UnderstoodCity(string Code, string Name, string Text);

public sealed record UnderstoodEducation(EducationLevel Level, string Text);

public sealed record UnderstoodSalary(int? Min, int? Max, string Text);

/// <summary>What was taken out of the free text as filters, so a page can show each as a removable chip.</summary>
public sealed record Understanding(
    string RemainingText,
    IReadOnlyList<UnderstoodCity> Cities,
    UnderstoodEducation? Education,
    string? FreshGraduateText,
    UnderstoodSalary? Salary)
{
    public IReadOnlyList<UnderstoodBenefit> Benefits { get; init; } = [];

    public UnderstoodExperience? Experience { get; init; }

    public UnderstoodType? Type { get; init; }

    public UnderstoodDistrict? District { get; init; }

    /// <summary>Condition phrases recognised but not used, such as a negated benefit (不要倒班).</summary>
    public IReadOnlyList<string> Ignored { get; init; } = [];
}

/// <summary>
/// Finds filters inside free text: a member city in any spelling (南京 java, nanjing java, 馬鞍山 会计), an education level
/// (本科, 硕士及以上), fresh-graduate wording (应届), and salary phrases (8k以上, 1万+, 15-20K, 8千-1.2万).
/// </summary>
public sealed partial class QueryUnderstanding
{
    private readonly CityDirectory _cities;
    private readonly (string Spelling, City City)[] _cjkSpellings;

    private static readonly (string Text, EducationLevel Level)[] EducationWords =
    [
        ("博士研究生", EducationLevel.Doctorate), ("博士", EducationLevel.Doctorate),
        ("硕士研究生", EducationLevel.Master), ("研究生", EducationLevel.Master), ("硕士", EducationLevel.Master), ("碩士", EducationLevel.Master),
        ("本科生", EducationLevel.Bachelor), ("本科", EducationLevel.Bachelor),
        ("大专", EducationLevel.Associate), ("大專", EducationLevel.Associate), ("专科", EducationLevel.Associate), ("專科", EducationLevel.Associate),
        ("中专", EducationLevel.SecondaryVocational), ("中專", EducationLevel.SecondaryVocational),
        ("高中", EducationLevel.HighSchool),
    ];

    private static readonly string[] FreshGraduateWords = ["应届毕业生", "應屆畢業生", "应届生", "應屆生", "应届", "應屆", "校招", "校园招聘"];

    public QueryUnderstanding(CityDirectory cities)
    {
        _cities = cities;
        _cjkSpellings = cities.Cities
            .SelectMany(c => new[] { c.FullName, c.FullNameTraditional, c.Name + "市", c.NameTraditional + "市", c.Name, c.NameTraditional }
                .Concat(c.Aliases).Select(s => (Spelling: s, City: c)))
            .Where(x => x.Spelling.Length >= 2 && x.Spelling.Any(IsCjk))
            .DistinctBy(x => x.Spelling)
            .OrderByDescending(x => x.Spelling.Length)
            .ToArray();
        var citySpellings = _cjkSpellings.Select(x => x.Spelling).ToHashSet(StringComparer.Ordinal);
        _districtSpellings = cities.Cities
            .SelectMany(c => c.Districts.SelectMany(d => new[] { d.Name, d.NameTraditional, ShortDistrictName(d.Name), ShortDistrictName(d.NameTraditional) }
                .OfType<string>().Select(s => (Spelling: s, d.Name, CityCode: c.Code))))
            .Where(x => x.Spelling.Length >= 2 && !citySpellings.Contains(x.Spelling) && !AmbiguousDistrictWords.Contains(x.Spelling))
            .DistinctBy(x => x.Spelling)
            .OrderByDescending(x => x.Spelling.Length)
            .ToArray();
    }

    /// <summary>Short district spellings that are everyday words (市中心, 东城) rather than places.</summary>
    private static readonly HashSet<string> AmbiguousDistrictWords = new(StringComparer.Ordinal) { "市中", "河东", "金城", "西城", "东城", "古县", "上兴", "上黄", "和县", "单县" };

    private readonly (string Spelling, string Name, string CityCode)[] _districtSpellings;

    /// <summary>江宁区 → 江宁; towns and street offices (镇, 街道) only by their full names.</summary>
    private static string? ShortDistrictName(string name) =>
        name.Length > 2 && "区區县縣市".Contains(name[^1], StringComparison.Ordinal) ? name[..^1] : null;

    /// <param name="text">The free text of the query.</param>
    /// <param name="conditions">
    /// Also read the posting conditions a worker writes beside the job — district, benefits, their own experience, posting
    /// type, spoken salaries (五千以上, 月薪过万, 一万左右). Résumé search leaves them as words.
    /// </param>
    public Understanding Understand(string text, bool conditions = false)
    {
        var t = text.Normalize(NormalizationForm.FormKC);
        var cities = new List<UnderstoodCity>();
        var ignored = new List<string>();
        UnderstoodDistrict? district = null;
        List<UnderstoodBenefit> benefits = [];
        UnderstoodExperience? experience = null;
        UnderstoodType? type = null;
        if (conditions)
        {
            // Before cities, so 淮安区 is the district rather than the city 淮安 and a stray 区.
            district = TakeDistrict(ref t);
            benefits = ConditionPhrases.TakeBenefits(ref t, ignored);
            experience = ConditionPhrases.TakeExperience(ref t);
            type = ConditionPhrases.TakeType(ref t);
            t = ConditionPhrases.SpokenAmounts(t);
        }

        // Latin words that are whole city names: "nanjing java", "Ma'anshan".
        var kept = new List<string>();
        foreach (var word in t.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.All(ch => ch < 128) && word.Any(char.IsLetter) && _cities.Resolve(word) is { } latinCity)
            {
                AddCity(cities, latinCity, word);
            }
            else
            {
                kept.Add(word);
            }
        }

        t = string.Join(' ', kept);

        foreach (var (spelling, city) in _cjkSpellings)
        {
            var at = t.IndexOf(spelling, StringComparison.Ordinal);
            while (at >= 0)
            {
                AddCity(cities, city, spelling);
                t = string.Concat(t.AsSpan(0, at), " ", t.AsSpan(at + spelling.Length));
                at = t.IndexOf(spelling, StringComparison.Ordinal);
            }
        }

        UnderstoodSalary? salary = null;
        foreach (Match salaryMatch in SalaryRegex().Matches(t))
        {
            if (ParseSalary(salaryMatch) is { } parsed)
            {
                salary = parsed;
                t = t.Remove(salaryMatch.Index, salaryMatch.Length).Insert(salaryMatch.Index, " ");
                break;
            }
        }

        UnderstoodEducation? education = null;
        foreach (var (word, level) in EducationWords)
        {
            var m = Regex.Match(t, Regex.Escape(word) + "(及以上|以上)?(学历|學歷)?");
            if (m.Success)
            {
                education ??= new UnderstoodEducation(level, m.Value);
                t = t.Remove(m.Index, m.Length).Insert(m.Index, " ");
            }
        }

        string? fresh = null;
        foreach (var word in FreshGraduateWords)
        {
            var at = t.IndexOf(word, StringComparison.Ordinal);
            if (at >= 0)
            {
                fresh ??= word;
                t = t.Remove(at, word.Length).Insert(at, " ");
            }
        }

        return new Understanding(UserQuery.CollapseSpaces(t), cities, education, fresh, salary)
        {
            Benefits = benefits,
            Experience = experience,
            Type = type,
            District = district,
            Ignored = ignored,
        };
    }

    private UnderstoodDistrict? TakeDistrict(ref string t)
    {
        foreach (var (spelling, name, cityCode) in _districtSpellings)
        {
            var at = t.IndexOf(spelling, StringComparison.Ordinal);
            if (at >= 0)
            {
                t = string.Concat(t.AsSpan(0, at), " ", t.AsSpan(at + spelling.Length));
                return new UnderstoodDistrict(name, cityCode, spelling);
            }
        }

        return null;
    }

    private static void AddCity(List<UnderstoodCity> cities, City city, string text)
    {
        if (cities.All(c => c.Code != city.Code))
        {
            cities.Add(new UnderstoodCity(city.Code, city.Name, text));
        }
    }

    private static UnderstoodSalary? ParseSalary(Match m)
    {
        var low = Amount(m.Groups["a"].Value, m.Groups["ua"].Value.Length > 0 ? m.Groups["ua"].Value : m.Groups["ub"].Value);
        if (low is null)
        {
            return null;
        }

        if (m.Groups["b"].Success && m.Groups["b"].Value.Length > 0)
        {
            var high = Amount(m.Groups["b"].Value, m.Groups["ub"].Value.Length > 0 ? m.Groups["ub"].Value : m.Groups["ua"].Value);
            if (high is null || high < low)
            {
                return null;
            }

            return new UnderstoodSalary(low, high, m.Value.Trim());
        }

        var orMore = m.Groups["more"].Success && m.Groups["more"].Value.Length > 0;
        var orLess = m.Groups["less"].Success && m.Groups["less"].Value.Length > 0;
        var about = m.Groups["about"].Success && m.Groups["about"].Value.Length > 0;
        var unit = m.Groups["ua"].Value + m.Groups["ub"].Value;
        // A bare number is only a salary with a unit or "以上/+": "java 8" is not a pay filter.
        if (!orMore && !orLess && !about && unit.Length == 0)
        {
            return null;
        }

        if (orLess)
        {
            return new UnderstoodSalary(null, low, m.Value.Trim());
        }

        // 一万左右: postings whose range reaches within 15% of the figure either way.
        return about
            ? new UnderstoodSalary((int)Math.Round(low.Value * 0.85m), (int)Math.Round(low.Value * 1.15m), m.Value.Trim())
            : new UnderstoodSalary(low, null, m.Value.Trim());
    }

    private static int? Amount(string number, string unit)
    {
        if (!decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        var multiplier = unit.ToLowerInvariant() switch
        {
            "k" or "千" => 1000m,
            "w" or "万" or "萬" => 10000m,
            "元" or "块" or "" => 1m,
            _ => 1m,
        };
        var value = n * multiplier;
        // Below 100 with no unit is not a monthly wage in CNY; above a million is not monthly either.
        return value is >= 500 and <= 1_000_000 ? (int)value : null;
    }

    private static bool IsCjk(char c) => c is >= '\u3400' and <= '\u9fff';

    [GeneratedRegex(@"(?:月薪|薪资|薪水|工资|底薪|收入|月入|待遇)?\s*(?<a>\d+(\.\d+)?)\s*(?<ua>[kK千wW万萬元块]?)\s*(?:[-~～到至]\s*(?<b>\d+(\.\d+)?)\s*(?<ub>[kK千wW万萬元块]?))?\s*(?:/月|每月|一个月)?\s*(?:(?<more>以上|起|\+|多)|(?<less>以下|以内)|(?<about>左右|上下))?")]
    private static partial Regex SalaryRegex();
}
