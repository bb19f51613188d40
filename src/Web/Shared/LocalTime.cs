using System.Globalization;
using Jobs.Core.Fairs;
using Microsoft.Extensions.Options;

namespace Jobs.Web.Shared;

/// <summary>Times as the member cities read them: stored in UTC, shown in the platform's zone (Asia/Shanghai).</summary>
public sealed class LocalTime(IOptions<FairOptions> options, TimeProvider clock)
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), options.Value.Zone);

    public DateOnly Today => DateOnly.FromDateTime(ToLocal(clock.GetUtcNow().UtcDateTime));

    /// <summary>"12月5日 周六 09:00".</summary>
    public string DayAndTime(DateTime utc) => ToLocal(utc).ToString("M月d日 ddd HH:mm", Chinese);

    /// <summary>"2026年12月5日".</summary>
    public string Day(DateTime utc) => ToLocal(utc).ToString("yyyy年M月d日", Chinese);

    /// <summary>"3 天前", "今天", for when a posting was published.</summary>
    public string Ago(DateTime utc)
    {
        var days = Today.DayNumber - DateOnly.FromDateTime(ToLocal(utc)).DayNumber;
        return days switch
        {
            <= 0 => "今天",
            1 => "昨天",
            < 30 => $"{days} 天前",
            _ => Day(utc),
        };
    }
}
