using System.Globalization;
using Jobs.Core.Common;
using Jobs.Core.Postings;
using Jobs.Core.Regions;
using Jobs.Core.Resumes;
using Jobs.Search.Analysis;

namespace Jobs.Search.Matching;

/// <summary>
/// The short Chinese reasons next to each part of a score. They are written from the same values the fits come from, so a
/// reason never claims what the numbers do not show (意向城市 only when the city is preferred, 薪资重合 only on overlap).
/// </summary>
internal sealed class MatchReasons(ChineseTextAnalysis analysis, CityDirectory cities)
{
    private const int MaxListed = 5;

    public static MatchExplanation Explanation(IReadOnlyList<MatchPart> parts) =>
        new(Math.Round(parts.Sum(p => p.Points), 4), parts, parts.Select(p => p.Reason).OfType<string>().ToArray());

    /// <summary>会计学 → 会计, 护理学 → 护理: adverts name the trade, not the degree subject.</summary>
    public static string MajorCore(string major)
    {
        var m = major.Trim();
        foreach (var suffix in new[] { "专业", "学" })
        {
            if (m.Length > suffix.Length + 1 && m.EndsWith(suffix, StringComparison.Ordinal))
            {
                m = m[..^suffix.Length];
            }
        }

        return m;
    }

    public IReadOnlyCollection<string> HighlightTerms(Resume r) =>
        r.Skills.Concat(r.DesiredTitles).SelectMany(analysis.Segment).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Which of the résumé's skills and desired titles the posting names, or what else of the résumé it mentions.</summary>
    public string PostingText(Resume r, Posting p)
    {
        var text = analysis.Fold(string.Join("\n", p.Title, string.Join(" ", p.Skills), p.Description, p.Category ?? ""));
        var title = analysis.Fold(p.Title);
        var reasons = new List<string>();
        var skills = r.Skills.Where(s => Contains(text, s)).Take(MaxListed).ToList();
        if (skills.Count > 0)
        {
            reasons.Add("技能匹配：" + string.Join("、", skills));
        }

        var titles = r.DesiredTitles.Where(t => Contains(title, t) || analysis.Segment(t).Where(w => w.Length >= 2).All(w => title.Contains(w, StringComparison.Ordinal)))
            .Take(MaxListed).ToList();
        if (titles.Count > 0)
        {
            reasons.Add("意向职位：" + string.Join("、", titles));
        }
        else
        {
            // No desired title in full: name the words of them the posting's title shares (软件测试 → 测试工程师 shares 测试).
            var shared = r.DesiredTitles.SelectMany(analysis.Segment).Where(w => w.Length >= 2 && title.Contains(w, StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal).Take(3).ToList();
            if (shared.Count > 0)
            {
                reasons.Add("职位相近：" + string.Join("、", shared));
            }
        }

        if (Contains(text, MajorCore(r.Major)))
        {
            reasons.Add("专业相关：" + r.Major);
        }

        var past = r.Experiences.Select(x => x.Title).Where(t => Contains(text, t)).Distinct().Take(2).ToList();
        if (past.Count > 0)
        {
            reasons.Add("做过相近工作：" + string.Join("、", past));
        }

        return reasons.Count > 0 ? string.Join("；", reasons) : "内容相关";
    }

    /// <summary>Which of the posting's skills, title and trade the résumé shows.</summary>
    public string CandidateText(Posting p, Resume r)
    {
        var text = analysis.Fold(string.Join("\n", string.Join(" ", r.Skills), string.Join(" ", r.DesiredTitles), r.Major,
            string.Join(" ", r.Experiences.Select(x => $"{x.Title} {x.Description}")), r.SelfIntroduction ?? ""));
        var reasons = new List<string>();
        var skills = p.Skills.Where(s => Contains(text, s)).Take(MaxListed).ToList();
        if (skills.Count > 0)
        {
            reasons.Add("技能匹配：" + string.Join("、", skills));
        }

        var titles = r.DesiredTitles.Where(t => Contains(analysis.Fold(p.Title), t) || Contains(analysis.Fold(t), p.Title)).Take(2).ToList();
        if (titles.Count > 0)
        {
            reasons.Add("意向职位：" + string.Join("、", titles));
        }

        if (Contains(analysis.Fold(string.Join("\n", p.Title, p.Description, p.Category ?? "")), MajorCore(r.Major)))
        {
            reasons.Add("专业对口：" + r.Major);
        }

        return reasons.Count > 0 ? string.Join("；", reasons) : "内容相关";
    }

    public string City(ReadOnlySpan<short> preferred, short city, MatchScoring scoring, string cityCode)
    {
        var name = cities.FindByCode(cityCode)?.Name ?? cityCode;
        if (preferred.Length == 0)
        {
            return "未填写意向城市：" + name;
        }

        if (city < 0)
        {
            return "城市不在都市圈内：" + name;
        }

        var nearest = (short)-1;
        foreach (var p in preferred)
        {
            if (p == city)
            {
                return "意向城市：" + name;
            }

            if (nearest < 0 || scoring.Km(p, city) < scoring.Km(nearest, city))
            {
                nearest = p;
            }
        }

        var km = scoring.Km(nearest, city);
        var from = cities.FindByCode(scoring.Keys.Cities[nearest])?.Name;
        var distance = string.Create(CultureInfo.InvariantCulture, $"{name}（距{from}约 {km:F0} 公里）");
        return km <= 2 * scoring.Options.DistanceScaleKm ? "邻近意向城市：" + distance : "距意向城市较远：" + distance;
    }

    public static string Education(EducationLevel held, EducationLevel required) => required switch
    {
        EducationLevel.Any => $"学历不限：{held.Label()}",
        _ when held.Rank() == required.Rank() => $"学历满足：{held.Label()}",
        _ => $"学历满足：{held.Label()}（要求{required.Label()}）",
    };

    /// <summary>Expected (graduate) against offered (posting) monthly pay; null ends mean not given.</summary>
    public static string Salary(int expectedMin, int expectedMax, int? payMin, int? payMax)
    {
        if (payMin is null && payMax is null)
        {
            return "薪资面议";
        }

        var lo = payMin ?? payMax!.Value;
        var hi = payMax ?? payMin!.Value;
        if (expectedMin < 0)
        {
            return $"未填写期望薪资（提供 {Range(lo, hi)}）";
        }

        if (hi < expectedMin)
        {
            return $"薪资低于期望：{Range(lo, hi)}（期望 {Range(expectedMin, expectedMax)}）";
        }

        if (lo > expectedMax)
        {
            return $"薪资高于期望：{Range(lo, hi)}";
        }

        return $"薪资重合：{Range(Math.Max(lo, expectedMin), Math.Min(hi, expectedMax))}";
    }

    public static string Experience(ExperienceLevel held, ExperienceLevel asked, double fit) => (asked, fit) switch
    {
        (ExperienceLevel.Any, _) => "经验不限",
        (_, >= 1) => $"经验符合：要求{asked.Label()}",
        (ExperienceLevel.FreshGraduate, _) => $"面向应届生：已有经验（{held.Label()}）",
        _ => $"经验不足：要求{asked.Label()}，现为{held.Label()}",
    };

    public static string Age(string prefix, TimeSpan age) => age.TotalDays switch
    {
        < 1 => prefix + "今天",
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{prefix} {(int)age.TotalDays} 天前"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{prefix} {(int)(age.TotalDays / 30)} 个月前"),
    };

    /// <summary>8000–12000 → 8-12K; 8500 → 8.5K.</summary>
    public static string Range(int lo, int hi) => lo == hi ? K(lo) + "K" : $"{K(lo)}-{K(hi)}K";

    private static string K(int yuan) => (yuan / 1000.0).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether the folded text holds the phrase. Latin edges must sit at word boundaries, so the skill C is not found in
    /// every word with a c in it, while C++ and C# still are.
    /// </summary>
    private bool Contains(string foldedText, string phrase)
    {
        var folded = analysis.Fold(phrase.Trim());
        if (folded.Length == 0)
        {
            return false;
        }

        for (var at = foldedText.IndexOf(folded, StringComparison.Ordinal); at >= 0;
             at = foldedText.IndexOf(folded, at + 1, StringComparison.Ordinal))
        {
            var end = at + folded.Length;
            var startsClean = !char.IsAsciiLetterOrDigit(folded[0]) || at == 0 || !char.IsAsciiLetterOrDigit(foldedText[at - 1]);
            var endsClean = !char.IsAsciiLetterOrDigit(folded[^1]) || end == foldedText.Length || !char.IsAsciiLetterOrDigit(foldedText[end]);
            if (startsClean && endsClean)
            {
                return true;
            }
        }

        return false;
    }
}
