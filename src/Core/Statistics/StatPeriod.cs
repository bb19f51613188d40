using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Jobs.Core.Statistics;

/// <summary>A calendar month (<c>2026-09</c>) or quarter (<c>2026Q3</c>) in the platform's time zone; the unit snapshots are kept in.</summary>
[JsonConverter(typeof(StatPeriodJsonConverter))]
public readonly partial record struct StatPeriod(int Year, int Month, bool IsQuarter)
{
    public static StatPeriod OfMonth(int year, int month) => new(year, month, false);

    public static StatPeriod OfQuarter(int year, int quarter) => new(year, (quarter - 1) * 3 + 1, true);

    public static StatPeriod MonthOf(DateOnly day) => OfMonth(day.Year, day.Month);

    public static StatPeriod QuarterOf(DateOnly day) => OfQuarter(day.Year, (day.Month - 1) / 3 + 1);

    public int Quarter => (Month - 1) / 3 + 1;

    public string Key => IsQuarter
        ? string.Create(CultureInfo.InvariantCulture, $"{Year}Q{Quarter}")
        : string.Create(CultureInfo.InvariantCulture, $"{Year}-{Month:00}");

    public string Label => IsQuarter
        ? $"{Year}年第{"一二三四"[Quarter - 1]}季度"
        : string.Create(CultureInfo.InvariantCulture, $"{Year}年{Month}月");

    /// <summary>Short for chart axes: 9月, Q3.</summary>
    public string ShortLabel => IsQuarter ? $"{Year % 100:00}Q{Quarter}" : $"{Year % 100:00}-{Month:00}";

    public DateOnly FirstDay => new(Year, Month, 1);

    /// <summary>The first day after the period.</summary>
    public DateOnly EndDay => FirstDay.AddMonths(IsQuarter ? 3 : 1);

    public StatPeriod Previous => Shift(-1);

    public StatPeriod Shift(int periods)
    {
        var first = FirstDay.AddMonths(periods * (IsQuarter ? 3 : 1));
        return new StatPeriod(first.Year, first.Month, IsQuarter);
    }

    public override string ToString() => Key;

    /// <summary>Accepts <c>2026-09</c>, <c>2026-9</c>, <c>2026Q3</c> and <c>2026q3</c>.</summary>
    public static bool TryParse(string? text, out StatPeriod period)
    {
        period = default;
        var m = Pattern().Match(text?.Trim() ?? "");
        if (!m.Success)
        {
            return false;
        }

        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (year is < 2000 or > 2100)
        {
            return false;
        }

        if (m.Groups["q"].Success)
        {
            period = OfQuarter(year, m.Groups["q"].Value[0] - '0');
            return true;
        }

        var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            return false;
        }

        period = OfMonth(year, month);
        return true;
    }

    [GeneratedRegex(@"^(?<y>\d{4})(?:[Qq](?<q>[1-4])|-(?<m>\d{1,2}))$")]
    private static partial Regex Pattern();
}

/// <summary>A period travels as its key (<c>2026Q3</c>), the same text a request names it with.</summary>
public sealed class StatPeriodJsonConverter : JsonConverter<StatPeriod>
{
    public override StatPeriod Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        StatPeriod.TryParse(reader.GetString(), out var p) ? p : throw new JsonException("Not a period (2026-09 or 2026Q3).");

    public override void Write(Utf8JsonWriter writer, StatPeriod value, JsonSerializerOptions options) => writer.WriteStringValue(value.Key);
}
