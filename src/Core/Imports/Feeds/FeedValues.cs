using System.Globalization;
using System.Text;
using Jobs.Core.Common;
using Jobs.Core.Postings;

namespace Jobs.Core.Imports.Feeds;

/// <summary>Feed spellings of the enumerated posting fields, on top of what the shared parsers accept.</summary>
public static class FeedValues
{
    /// <summary>
    /// Experience as adverts write it. Beyond the shared labels, "N年以上", "N年及以上", "N年+", "经验N年" and a range
    /// "a-b年" map to the band that contains N (or a): a band's minimum is what a posting asks for at least, so
    /// "3年以上" is 3-5年 and "2年以上" is 1-3年.
    /// </summary>
    public static bool TryParseExperience(string? text, out ExperienceLevel level) => TryParseExperience(text, out level, out _);

    /// <summary>As above; <paramref name="welcomesBeginners"/> tells whether the spelling welcomes beginners (无经验可培训).</summary>
    public static bool TryParseExperience(string? text, out ExperienceLevel level, out bool welcomesBeginners)
    {
        if (ExperienceLevels.TryParse(text, out level, out welcomesBeginners))
        {
            return true;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = Fold(text);
        foreach (var noise in ExperienceNoise)
        {
            t = t.Replace(noise, "", StringComparison.Ordinal);
        }

        if (ExperienceLevels.TryParse(t, out level))
        {
            return true;
        }

        switch (t)
        {
            case "" or "无" or "無" or "无要求" or "無要求" or "不要求" or "无需" or "無需":
                level = ExperienceLevel.Any;
                return true;
            case "在校生" or "实习生" or "實習生" or "应届毕业生" or "应届生/在校生" or "毕业生" or "畢業生":
                level = ExperienceLevel.FreshGraduate;
                return true;
        }

        // "3年以上", "3年", "3+年", "3年+", "2-3年", "三年以上": the leading number decides.
        var pos = 0;
        if (!TryReadYears(t, ref pos, out var years))
        {
            return false;
        }

        var rest = t[pos..];
        var range = false;
        if (rest.Length > 0 && rest[0] is '-' or '~' or '至' or '到')
        {
            range = true;
            var p = 1;
            if (!TryReadYears(rest, ref p, out var upper) || upper < years)
            {
                return false;
            }

            rest = rest[p..];
        }

        if (rest is not ("年" or "年以上" or "年及以上" or "年+" or "+年" or "年起"))
        {
            return false;
        }

        level = years switch
        {
            0 => range ? ExperienceLevel.UnderOneYear : ExperienceLevel.Any,
            < 3 => ExperienceLevel.OneToThreeYears,
            < 5 => ExperienceLevel.ThreeToFiveYears,
            < 10 => ExperienceLevel.FiveToTenYears,
            <= 50 => ExperienceLevel.OverTenYears,
            _ => ExperienceLevel.Any,
        };
        return years <= 50;
    }

    /// <summary>长期有效 and its variants: the posting stays up as long as postings may.</summary>
    public static bool IsIndefinite(string text) =>
        Fold(text) is "长期有效" or "长期" or "长期招聘" or "常年有效" or "常年招聘" or "長期有效" or "不限期" or "永久有效";

    /// <summary>Education with the shared parser, after dropping the words adverts wrap around the level.</summary>
    public static bool TryParseEducation(string? text, out EducationLevel level)
    {
        if (EducationLevels.TryParse(text, out level))
        {
            return true;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = Fold(text);
        foreach (var noise in EducationNoise)
        {
            t = t.Replace(noise, "", StringComparison.Ordinal);
        }

        return t.Length > 0 && EducationLevels.TryParse(t, out level);
    }

    /// <summary>One of <see cref="PostingCategories.All"/> for a Simplified or Traditional spelling, or null.</summary>
    public static string? NormalizeCategory(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (PostingCategories.Normalize(text) is { } direct)
        {
            return direct;
        }

        var folded = Fold(text);
        foreach (var (traditional, simplified) in TraditionalCategoryWords)
        {
            folded = folded.Replace(traditional, simplified, StringComparison.Ordinal);
        }

        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            sb.Append(TraditionalCategoryChars.TryGetValue(c, out var simplified) ? simplified : c);
        }

        return PostingCategories.Normalize(sb.ToString());
    }

    private static string Fold(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c))
            {
                sb.Append(c is '～' or '〜' or '—' or '–' ? '-' : c);
            }
        }

        return sb.ToString();
    }

    private static bool TryReadYears(string s, ref int pos, out int years)
    {
        years = 0;
        var start = pos;
        while (pos < s.Length && char.IsAsciiDigit(s[pos]) && pos - start < 3)
        {
            years = (years * 10) + (s[pos] - '0');
            pos++;
        }

        if (pos > start)
        {
            return true;
        }

        // 一 … 十 cover what adverts spell out; "十年以上" is already a shared label.
        var index = pos < s.Length ? ChineseDigits.IndexOf(s[pos], StringComparison.Ordinal) : -1;
        if (index < 0)
        {
            return false;
        }

        years = index + 1;
        pos++;
        return true;
    }

    private const string ChineseDigits = "一二三四五六七八九十";

    private static readonly string[] ExperienceNoise = ["工作经验", "工作經驗", "相关经验", "相關經驗", "经验", "經驗", "要求", "以內"];

    private static readonly string[] EducationNoise = ["或以上", "及以上", "以上", "学历", "學歷", "全日制", "统招", "統招", "要求", "文凭", "文憑"];

    // Taiwan and Hong Kong words differ from the mainland's, not only their characters.
    private static readonly (string Traditional, string Simplified)[] TraditionalCategoryWords =
        [("軟體", "软件"), ("網際網路", "互联网"), ("互聯網", "互联网"), ("半導體", "半导体")];

    private static readonly Dictionary<char, char> TraditionalCategoryChars = new()
    {
        ['軟'] = '软', ['體'] = '体', ['聯'] = '联', ['網'] = '网', ['車'] = '车', ['鋼'] = '钢', ['鐵'] = '铁',
        ['倉'] = '仓', ['儲'] = '储', ['醫'] = '医', ['療'] = '疗', ['訓'] = '训', ['險'] = '险', ['電'] = '电',
        ['務'] = '务', ['產'] = '产', ['製'] = '制', ['築'] = '筑', ['飲'] = '饮', ['導'] = '导', ['後'] = '后',
        ['資'] = '资', ['業'] = '业', ['場'] = '场', ['學'] = '学', ['廠'] = '厂', ['與'] = '与',
    };

    internal static int? ParseHeadcount(string text, out bool valid)
    {
        valid = true;
        var t = Fold(text).TrimEnd('人', '名', '位', '个');
        if (t is "" or "若干" or "不限" or "多名" or "多" or "数名" or "數名")
        {
            return null;
        }

        // "3-5人": the upper figure is how many the employer will take.
        var dash = t.IndexOf('-', StringComparison.Ordinal);
        var figure = dash > 0 ? t[(dash + 1)..] : t;
        if (dash > 0 && !int.TryParse(t.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            valid = false;
            return null;
        }

        if (int.TryParse(figure, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= PostingRules.MaxHeadcount)
        {
            return n;
        }

        valid = false;
        return null;
    }
}
