using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Jobs.Core.Imports.Feeds;

/// <summary>A parsed feed date in UTC, remembering whether the text gave a time of day.</summary>
public readonly record struct FeedDate(DateTime Utc, bool HasTime)
{
    /// <summary>
    /// For a date without a time, the end of that day in China time: an expiry of <c>2025-03-31</c> keeps a posting up
    /// through the 31st, which is what a city means by it.
    /// </summary>
    public DateTime EndOfDayUtc => HasTime ? Utc : Utc.AddDays(1);
}

/// <summary>
/// Reads the date forms cities export: <c>2025-03-01</c>, <c>2025/3/1</c>, <c>2025.3.1</c>, <c>2025年3月1日</c>, and
/// ISO 8601 with a time (<c>T</c> or a space, optional seconds, fraction and offset). A time without an offset, and a
/// date alone (its midnight), is China time, UTC+8.
/// </summary>
public static class FeedDateParser
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public const int MinYear = 2000;
    public const int MaxYear = 2099;

    public static bool TryParse(string? text, out FeedDate date, [NotNullWhen(false)] out string? error)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "日期为空";
            return false;
        }

        var s = text.Trim();
        if (!Ascii.IsValid(s))
        {
            s = s.Normalize(NormalizationForm.FormKC);
        }

        var shown = s.Length <= 40 ? s : s[..40] + "…";
        var pos = 0;
        if (!ReadDigits(s, ref pos, 4, 4, out var year))
        {
            error = s.Length is >= 5 and <= 7 && s.All(char.IsAsciiDigit)
                ? $"日期“{shown}”像是 Excel 的日期序号，请导出为 2025-03-01 格式的文本"
                : FormatError(shown);
            return false;
        }

        int month, day;
        var sep = pos < s.Length ? s[pos] : '\0';
        if (sep == '年')
        {
            pos++;
            if (!ReadDigits(s, ref pos, 1, 2, out month) || !Expect(s, ref pos, '月') || !ReadDigits(s, ref pos, 1, 2, out day))
            {
                error = FormatError(shown);
                return false;
            }

            if (pos < s.Length && s[pos] is '日' or '号' or '號')
            {
                pos++;
            }
        }
        else if (sep is '-' or '/' or '.')
        {
            pos++;
            if (!ReadDigits(s, ref pos, 1, 2, out month) || !Expect(s, ref pos, sep) || !ReadDigits(s, ref pos, 1, 2, out day))
            {
                error = FormatError(shown);
                return false;
            }
        }
        else
        {
            error = FormatError(shown);
            return false;
        }

        var hasTime = false;
        int hour = 0, minute = 0, second = 0;
        long fractionTicks = 0;
        TimeSpan? offset = null;
        if (pos < s.Length)
        {
            if (s[pos] is 'T' or 't' or ' ')
            {
                pos++;
                while (pos < s.Length && s[pos] == ' ')
                {
                    pos++;
                }
            }
            else
            {
                error = FormatError(shown);
                return false;
            }

            if (!ReadDigits(s, ref pos, 1, 2, out hour) || !Expect(s, ref pos, ':') || !ReadDigits(s, ref pos, 2, 2, out minute))
            {
                error = FormatError(shown);
                return false;
            }

            hasTime = true;
            if (pos < s.Length && s[pos] == ':')
            {
                pos++;
                if (!ReadDigits(s, ref pos, 2, 2, out second))
                {
                    error = FormatError(shown);
                    return false;
                }

                if (pos < s.Length && s[pos] is '.' or ',')
                {
                    pos++;
                    var start = pos;
                    long scale = TimeSpan.TicksPerSecond;
                    while (pos < s.Length && char.IsAsciiDigit(s[pos]))
                    {
                        scale /= 10;
                        fractionTicks += (s[pos] - '0') * scale;
                        pos++;
                    }

                    if (pos == start)
                    {
                        error = FormatError(shown);
                        return false;
                    }
                }
            }

            while (pos < s.Length && s[pos] == ' ')
            {
                pos++;
            }

            if (pos < s.Length)
            {
                if (s[pos] is 'Z' or 'z')
                {
                    pos++;
                    offset = TimeSpan.Zero;
                }
                else if (s[pos] is '+' or '-')
                {
                    var sign = s[pos] == '-' ? -1 : 1;
                    pos++;
                    if (!ReadDigits(s, ref pos, 2, 2, out var offsetHours, exact: false))
                    {
                        error = FormatError(shown);
                        return false;
                    }

                    var offsetMinutes = 0;
                    if (pos < s.Length && s[pos] == ':')
                    {
                        pos++;
                    }

                    if (pos < s.Length && !ReadDigits(s, ref pos, 2, 2, out offsetMinutes))
                    {
                        error = FormatError(shown);
                        return false;
                    }

                    if (offsetHours > 14 || offsetMinutes > 59)
                    {
                        error = $"时区偏移无效：“{shown}”";
                        return false;
                    }

                    offset = sign * new TimeSpan(offsetHours, offsetMinutes, 0);
                }
            }
        }

        if (pos != s.Length)
        {
            error = FormatError(shown);
            return false;
        }

        if (year is < MinYear or > MaxYear)
        {
            error = $"年份{year}超出范围（{MinYear}–{MaxYear}）";
            return false;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = $"日期不存在：{year}年{month}月{day}日";
            return false;
        }

        if (hour > 23 || minute > 59 || second > 59)
        {
            error = $"时间无效：“{shown}”";
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks);
        date = new FeedDate(DateTime.SpecifyKind(local - (offset ?? ChinaOffset), DateTimeKind.Utc), hasTime);
        error = null;
        return true;
    }

    private static string FormatError(string shown) =>
        $"无法识别的日期“{shown}”，应为 2025-03-01、2025/3/1、2025年3月1日 或 ISO 8601（如 2025-03-01T09:30:00+08:00）";

    private static bool Expect(string s, ref int pos, char c)
    {
        if (pos < s.Length && s[pos] == c)
        {
            pos++;
            return true;
        }

        return false;
    }

    private static bool ReadDigits(string s, ref int pos, int minDigits, int maxDigits, out int value, bool exact = true)
    {
        value = 0;
        var start = pos;
        while (pos < s.Length && pos - start < maxDigits && char.IsAsciiDigit(s[pos]))
        {
            value = (value * 10) + (s[pos] - '0');
            pos++;
        }

        // A run longer than allowed ("20250301") is not this form; an offset "+0800" runs on into its minutes.
        if (exact && pos < s.Length && char.IsAsciiDigit(s[pos]))
        {
            return false;
        }

        return pos - start >= minDigits;
    }
}
