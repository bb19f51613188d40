using System.Globalization;
using System.Text.RegularExpressions;
using Jobs.Core.Common;
using Jobs.Core.Postings;

namespace Jobs.Search.Querying;

public sealed record UnderstoodBenefit(string Code, string Name, string Text);

/// <summary>The searcher's own experience read from the text: 没有工作经验 (a beginner) or 三年经验 (a level).</summary>
public sealed record UnderstoodExperience(ExperienceLevel Level, bool Beginner, string Text);

public sealed record UnderstoodType(PostingType Type, string Text);

public sealed record UnderstoodDistrict(string Name, string CityCode, string Text);

/// <summary>
/// The condition phrases a worker types beside the job: benefits (周末双休, 有五险一金, 管吃住), their own experience
/// (没有工作经验, 3年以上经验) and the kind of engagement (实习, 校招, 兼职). Each finder removes what it recognised from the
/// text, so the rest is the topic.
/// </summary>
internal static partial class ConditionPhrases
{
    /// <summary>Spoken variants the tag file does not list as aliases.</summary>
    private static readonly (string Text, string Code)[] ExtraBenefitWords =
    [
        ("包吃包住", "board-and-lodging"), ("管吃管住", "board-and-lodging"), ("吃住全包", "board-and-lodging"), ("包食宿", "board-and-lodging"),
        ("有年终奖", "year-end-bonus"), ("年底奖金", "year-end-bonus"), ("周末休息", "double-weekend"), ("周六日休息", "double-weekend"),
        ("不用加班", "no-overtime"), ("不加班", "no-overtime"), ("少加班", "no-overtime"), ("准点下班", "no-overtime"),
        ("两班倒", "two-shifts"), ("三班倒", "three-shifts"), ("有社保", "social-insurance"), ("交社保", "social-insurance"),
    ];

    /// <summary>A benefit word that begins a job title instead (班车司机, 体检中心护士) is left to the topic.</summary>
    private static readonly string[] JobWordStarts = ["司机", "中心", "科", "医生", "师", "员"];

    private static readonly string[] Negations = ["不要", "不想", "不需要", "拒绝", "没有", "不", "无", "没"];

    private static readonly Lazy<(string Text, BenefitTag Tag)[]> BenefitWords = new(() =>
        BenefitTags.All.SelectMany(t => new[] { t.Name }.Concat(t.Aliases).Select(a => (Text: LabourTerms.Fold(a), Tag: t)))
            .Concat(ExtraBenefitWords.Select(x => (Text: x.Text, Tag: BenefitTags.ByCode(x.Code)!)).Where(x => x.Tag is not null))
            // Longest first so 五险一金 wins over 五险 and 包吃住 over 包吃.
            .Where(x => x.Text.Length >= 2).DistinctBy(x => x.Text).OrderByDescending(x => x.Text.Length).ToArray());

    private static readonly (string Text, PostingType Type)[] TypeWords =
    [
        ("暑期实习", PostingType.Internship), ("实习生", PostingType.Internship), ("實習生", PostingType.Internship),
        ("实习", PostingType.Internship), ("實習", PostingType.Internship), ("校园招聘", PostingType.Campus), ("校招", PostingType.Campus),
        ("兼职", PostingType.PartTime), ("兼職", PostingType.PartTime), ("全职", PostingType.FullTime), ("全職", PostingType.FullTime),
    ];

    /// <summary>Benefits in <paramref name="text"/>; a negated one (不要倒班) is removed and returned in <paramref name="ignored"/>.</summary>
    public static List<UnderstoodBenefit> TakeBenefits(ref string text, List<string> ignored)
    {
        var found = new List<UnderstoodBenefit>();
        foreach (var (word, tag) in BenefitWords.Value)
        {
            for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase))
            {
                var current = text;
                var end = at + word.Length;
                if (JobWordStarts.Any(s => current.AsSpan(end).StartsWith(s, StringComparison.Ordinal)))
                {
                    break;
                }

                var start0 = at;
                var negation = word.StartsWith('不') || word.StartsWith('无') ? null
                    : Negations.FirstOrDefault(n => start0 >= n.Length && current.AsSpan(start0 - n.Length, n.Length).SequenceEqual(n));
                // 有没有双休 asks for it; only 没有双休 without the 有 before it says the opposite.
                if (negation is not null && negation[0] == '没' && at - negation.Length > 0 && text[at - negation.Length - 1] == '有')
                {
                    negation = null;
                }

                var start = negation is null ? at : at - negation.Length;
                var span = text.Substring(start, word.Length + (at - start));
                if (negation is not null)
                {
                    ignored.Add(span);
                }
                else if (found.All(b => b.Code != tag.Code))
                {
                    found.Add(new UnderstoodBenefit(tag.Code, tag.Name, span));
                }

                text = string.Concat(text.AsSpan(0, start), " ", text.AsSpan(at + word.Length));
            }
        }

        return found;
    }

    public static UnderstoodExperience? TakeExperience(ref string text)
    {
        var beginner = BeginnerRegex().Match(text);
        if (beginner.Success)
        {
            text = text.Remove(beginner.Index, beginner.Length).Insert(beginner.Index, " ");
            return new UnderstoodExperience(ExperienceLevel.FreshGraduate, true, beginner.Value);
        }

        var years = YearsRegex().Match(text);
        if (years.Success && ParseCount(years.Groups["n"].Value) is { } n)
        {
            text = text.Remove(years.Index, years.Length).Insert(years.Index, " ");
            var level = n switch
            {
                <= 0 => ExperienceLevel.FreshGraduate,
                < 3 => ExperienceLevel.OneToThreeYears,
                < 5 => ExperienceLevel.ThreeToFiveYears,
                < 10 => ExperienceLevel.FiveToTenYears,
                _ => ExperienceLevel.OverTenYears,
            };
            return new UnderstoodExperience(level, false, years.Value);
        }

        return null;
    }

    public static UnderstoodType? TakeType(ref string text)
    {
        foreach (var (word, type) in TypeWords)
        {
            var at = text.IndexOf(word, StringComparison.Ordinal);
            if (at >= 0)
            {
                text = string.Concat(text.AsSpan(0, at), " ", text.AsSpan(at + word.Length));
                return new UnderstoodType(type, word);
            }
        }

        return null;
    }

    /// <summary>五千 → 5千, 一万二 → 1.2万, 两万 → 2万, 过万 → 1万以上: spoken amounts the salary pattern can read.</summary>
    public static string SpokenAmounts(string text)
    {
        text = OverTenThousandRegex().Replace(text, "1万以上");
        return SpokenAmountRegex().Replace(text, m =>
        {
            var whole = ParseCount(m.Groups["n"].Value);
            if (whole is null)
            {
                return m.Value;
            }

            var tail = m.Groups["t"].Success ? ParseCount(m.Groups["t"].Value) : null;
            var value = whole.Value + ((tail ?? 0) / 10m);
            return value.ToString(CultureInfo.InvariantCulture) + m.Groups["u"].Value;
        });
    }

    /// <summary>1–99 in digits or Chinese numerals (三, 十二, 两).</summary>
    private static int? ParseCount(string s)
    {
        if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        const string digits = "零一二三四五六七八九";
        int Digit(char c) => c == '两' ? 2 : digits.IndexOf(c, StringComparison.Ordinal);
        var ten = s.IndexOf('十', StringComparison.Ordinal);
        if (ten < 0)
        {
            return s.Length == 1 && Digit(s[0]) >= 0 ? Digit(s[0]) : null;
        }

        var high = ten == 0 ? 1 : Digit(s[0]);
        var low = ten == s.Length - 1 ? 0 : Digit(s[^1]);
        return high < 0 || low < 0 || s.Length > 3 ? null : (high * 10) + low;
    }

    [GeneratedRegex("(没有|没|无|不要|不需要|无需|不限)(任何)?(工作|相关)?经验|零基础|0基础|无经验|没经验|新手|小白")]
    private static partial Regex BeginnerRegex();

    [GeneratedRegex(@"(?<n>\d{1,2}|[一二两三四五六七八九十]{1,3})\s*年(以上|多)?的?(工作|相关|开发|从业)?经验(以上)?")]
    private static partial Regex YearsRegex();

    [GeneratedRegex("(月薪|工资|收入|月入)?(过万|上万)")]
    private static partial Regex OverTenThousandRegex();

    [GeneratedRegex("(?<n>[一二两三四五六七八九十]{1,3})(?<u>千|万)(?<t>[一二三四五六七八九])?")]
    private static partial Regex SpokenAmountRegex();
}
