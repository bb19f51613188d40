using System.Globalization;
using System.Text;
using Jobs.Core.Postings;

namespace Jobs.Core.Imports.Feeds;

/// <summary>The period an advertised salary was stated in; every figure is converted to monthly pay.</summary>
public enum SalaryBasis
{
    Monthly = 0,
    Daily = 1,
    Yearly = 2,
    Hourly = 3,
}

/// <summary>
/// A salary as Chinese job adverts write it (<c>8-12K</c>, <c>8千-1.2万/月</c>, <c>15-25K·14薪</c>, <c>面议</c>,
/// <c>200元/天</c>, <c>年薪20-30万</c>), converted to the monthly CNY range postings store.
/// </summary>
public sealed record SalaryText
{
    /// <summary>Average working days per month in Chinese labour law (人社部: 250 days ÷ 12 = 20.83 worked, 21.75 paid).</summary>
    public const decimal WorkingDaysPerMonth = 21.75m;

    /// <summary>21.75 paid days × 8 hours: the statutory monthly hours used to convert hourly pay.</summary>
    public const decimal WorkingHoursPerMonth = 174m;

    /// <summary>Below this a monthly figure is almost certainly a missing unit ("8-12" meaning 8-12K).</summary>
    public const int MinPlausibleMonthly = 500;

    /// <summary>Monthly CNY; null when negotiable or when parsing failed.</summary>
    public int? Min { get; init; }

    /// <summary>Monthly CNY; equals <see cref="Min"/> for a single figure or an open-ended "以上" figure.</summary>
    public int? Max { get; init; }

    public int MonthsPerYear { get; init; } = PostingRules.MinSalaryMonths;

    public bool Negotiable { get; init; }

    public SalaryBasis Basis { get; init; }

    /// <summary>The figures as published, in yuan per <see cref="Basis"/> (200 for 200元/天); null when negotiable.</summary>
    public double? PostedMin { get; init; }

    public double? PostedMax { get; init; }

    /// <summary>The text said "以上", "起" or "+": Max is only the stated floor.</summary>
    public bool OpenEnded { get; init; }

    /// <summary>Why the text could not be used, in Chinese; null on success.</summary>
    public string? Error { get; init; }

    public bool Succeeded => Error is null;

    private static SalaryText Fail(string reason) => new() { Error = reason };

    public static SalaryText Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Fail("薪资为空");
        }

        if (text.Length > 60)
        {
            return Fail("薪资文本过长（最多60个字符），请只写薪资本身，如“8-12K”");
        }

        var s = Normalize(text);
        var shown = text.Trim();
        if (!s.Any(char.IsAsciiDigit))
        {
            return s.Contains("面议", StringComparison.Ordinal) || s.Contains("面谈", StringComparison.Ordinal)
                || s is "议价" or "可议"
                ? new SalaryText { Negotiable = true }
                : Fail($"无法识别的薪资“{shown}”");
        }

        SalaryBasis? basis = null;
        int? months = null;
        var openEnded = false;

        foreach (var (prefix, b) in Prefixes)
        {
            if (s.StartsWith(prefix, StringComparison.Ordinal))
            {
                s = s[prefix.Length..];
                basis ??= b;
                break;
            }
        }

        // Suffixes come in any order ("8000元/月以上", "15-25k·14薪/月"), so strip until nothing more matches.
        var changed = true;
        while (changed && s.Length > 0)
        {
            changed = false;
            foreach (var (suffix, b) in BasisSuffixes)
            {
                if (s.EndsWith(suffix, StringComparison.Ordinal))
                {
                    if (basis is { } existing && existing != b)
                    {
                        return Fail($"薪资“{shown}”的计薪周期前后矛盾");
                    }

                    basis = b;
                    s = s[..^suffix.Length];
                    changed = true;
                    break;
                }
            }

            if (s.Length > 0 && s[^1] == '薪')
            {
                var end = s.Length - 1;
                var start = end;
                while (start > 0 && end - start < 2 && char.IsAsciiDigit(s[start - 1]))
                {
                    start--;
                }

                if (start == end)
                {
                    return Fail($"无法识别的薪资“{shown}”（发薪月数应写成“·14薪”）");
                }

                var m = int.Parse(s.AsSpan(start, end - start), CultureInfo.InvariantCulture);
                if (m is < PostingRules.MinSalaryMonths or > PostingRules.MaxSalaryMonths)
                {
                    return Fail($"每年发薪月数应在 {PostingRules.MinSalaryMonths} 到 {PostingRules.MaxSalaryMonths} 之间，实际为{m}");
                }

                months = m;
                s = s[..start].TrimEnd(MonthSeparators);
                changed = true;
            }

            foreach (var suffix in OpenEndedSuffixes)
            {
                if (s.EndsWith(suffix, StringComparison.Ordinal))
                {
                    openEnded = true;
                    s = s[..^suffix.Length];
                    changed = true;
                    break;
                }
            }

            if (s.EndsWith("以下", StringComparison.Ordinal) || s.EndsWith("以内", StringComparison.Ordinal))
            {
                return Fail($"薪资“{shown}”只有上限，请写成区间，如“3000-5000元/月”");
            }
        }

        if (s.Length == 0)
        {
            return Fail($"无法识别的薪资“{shown}”");
        }

        if (s[0] is '-' or '−')
        {
            return Fail("薪资不能为负数");
        }

        var pos = 0;
        if (!TryReadAmount(s, ref pos, out var low, out var lowUnit))
        {
            return Fail($"无法识别的薪资“{shown}”");
        }

        var high = low;
        var highUnit = lowUnit;
        var isRange = false;
        if (pos < s.Length && RangeSeparators.Contains(s[pos]))
        {
            pos++;
            if (pos < s.Length && s[pos] is '-' or '−')
            {
                return Fail("薪资不能为负数");
            }

            if (!TryReadAmount(s, ref pos, out high, out highUnit))
            {
                return Fail($"无法识别的薪资“{shown}”");
            }

            isRange = true;
        }

        if (pos != s.Length)
        {
            return Fail($"无法识别的薪资“{shown}”");
        }

        if (isRange && openEnded)
        {
            return Fail($"薪资“{shown}”既是区间又写了“以上”，请只写一种");
        }

        // "8-12K" and "1-1.5万": a bare lower figure takes the upper figure's unit; "8k-12" the other way round.
        // A bare figure of 1000 or more already reads as yuan ("8000-12k", "8k-12000").
        if (lowUnit is null && low < 1000)
        {
            lowUnit = highUnit;
        }
        else if (highUnit is null && high < 1000)
        {
            highUnit = lowUnit;
        }

        var b2 = basis ?? SalaryBasis.Monthly;
        var monthsPerYear = months ?? PostingRules.MinSalaryMonths;
        var minYuan = low * (lowUnit ?? 1);
        var maxYuan = high * (highUnit ?? 1);
        if (minYuan <= 0 || maxYuan <= 0)
        {
            return Fail("薪资必须大于0");
        }

        if (minYuan > maxYuan)
        {
            return Fail("薪资下限高于上限");
        }

        var min = ToMonthly(minYuan, b2, monthsPerYear);
        var max = ToMonthly(maxYuan, b2, monthsPerYear);
        if (max > PostingRules.MaxMonthlySalary)
        {
            return Fail($"月薪折算为{max:0}元，超过上限{PostingRules.MaxMonthlySalary}元，疑似单位错误");
        }

        if (min < MinPlausibleMonthly)
        {
            return Fail($"月薪折算为{min:0}元，低于{MinPlausibleMonthly}元，疑似缺少单位（如 8K、8千、0.8万）");
        }

        return new SalaryText
        {
            Min = (int)min,
            Max = (int)max,
            MonthsPerYear = monthsPerYear,
            Basis = b2,
            OpenEnded = openEnded,
            PostedMin = (double)minYuan,
            PostedMax = (double)maxYuan,
        };
    }

    /// <summary>The monthly CNY equivalent of a figure stated per <paramref name="basis"/>, rounded to whole yuan.</summary>
    public static int MonthlyOf(decimal yuan, SalaryBasis basis, int monthsPerYear) =>
        (int)Math.Min(int.MaxValue, ToMonthly(yuan, basis, monthsPerYear));

    private static decimal ToMonthly(decimal yuan, SalaryBasis basis, int monthsPerYear)
    {
        var monthly = basis switch
        {
            SalaryBasis.Daily => yuan * WorkingDaysPerMonth,
            SalaryBasis.Hourly => yuan * WorkingHoursPerMonth,
            SalaryBasis.Yearly => yuan / monthsPerYear,
            _ => yuan,
        };
        return Math.Round(monthly, 0, MidpointRounding.AwayFromZero);
    }

    /// <summary>A number with an optional multiplier (k, 千, 万, w) and an optional 元; the multiplier is null when absent.</summary>
    private static bool TryReadAmount(string s, ref int pos, out decimal value, out decimal? unit)
    {
        value = 0;
        unit = null;
        var start = pos;
        var dot = false;
        while (pos < s.Length && (char.IsAsciiDigit(s[pos]) || (s[pos] == '.' && !dot)))
        {
            dot |= s[pos] == '.';
            pos++;
        }

        // Twelve characters is far beyond any salary; longer runs are typos and would overflow decimal maths anyway.
        if (pos == start || pos - start > 12
            || !decimal.TryParse(s.AsSpan(start, pos - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        if (pos < s.Length)
        {
            switch (s[pos])
            {
                case 'k' or '千':
                    unit = 1_000;
                    pos++;
                    break;
                case 'w' or '万':
                    unit = 10_000;
                    pos++;
                    break;
            }
        }

        if (pos < s.Length && s[pos] is '元' or '块')
        {
            unit ??= 1;
            pos++;
        }

        return true;
    }

    private static readonly (string Prefix, SalaryBasis Basis)[] Prefixes =
    [
        ("年薪", SalaryBasis.Yearly), ("月薪", SalaryBasis.Monthly), ("日薪", SalaryBasis.Daily), ("时薪", SalaryBasis.Hourly),
    ];

    // Longest first, so "/小时" wins over "时".
    private static readonly (string Suffix, SalaryBasis Basis)[] BasisSuffixes =
    [
        ("年薪", SalaryBasis.Yearly), ("月薪", SalaryBasis.Monthly), ("日薪", SalaryBasis.Daily), ("时薪", SalaryBasis.Hourly),
        ("/小时", SalaryBasis.Hourly), ("每小时", SalaryBasis.Hourly), ("/时", SalaryBasis.Hourly), ("/h", SalaryBasis.Hourly),
        ("/月", SalaryBasis.Monthly), ("每月", SalaryBasis.Monthly), ("/m", SalaryBasis.Monthly),
        ("/天", SalaryBasis.Daily), ("/日", SalaryBasis.Daily), ("每天", SalaryBasis.Daily), ("每日", SalaryBasis.Daily), ("/d", SalaryBasis.Daily),
        ("/年", SalaryBasis.Yearly), ("每年", SalaryBasis.Yearly), ("/y", SalaryBasis.Yearly),
    ];

    private static readonly string[] OpenEndedSuffixes = ["及以上", "以上", "起", "+"];

    private static readonly char[] MonthSeparators = ['·', '・', '•', '*', 'x', '×', ',', '，', '/'];

    private static readonly HashSet<char> RangeSeparators = ['-', '~', '〜', '至', '到', '—', '–', '－', '―'];

    /// <summary>Width-folded, lower-case, without spaces, currency marks, brackets or Traditional variants.</summary>
    private static string Normalize(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            if (char.IsWhiteSpace(ch) || ch is '¥' or '(' or ')' or '（' or '）' or '【' or '】')
            {
                continue;
            }

            sb.Append(ch switch
            {
                '萬' => '万',
                '仟' => '千',
                '圓' or '圆' => '元',
                '議' => '议',
                '談' => '谈',
                '時' => '时',
                '塊' => '块',
                '資' => '资',
                _ => char.ToLowerInvariant(ch),
            });
        }

        var s = sb.ToString();
        foreach (var noise in Noise)
        {
            if (s.Contains(noise, StringComparison.Ordinal))
            {
                s = s.Replace(noise, "", StringComparison.Ordinal);
            }
        }

        return s;
    }

    // Words that say "this is money" without changing the amount.
    private static readonly string[] Noise = ["人民币", "rmb", "cny", "薪资", "薪酬", "工资", "待遇", "税前"];
}
