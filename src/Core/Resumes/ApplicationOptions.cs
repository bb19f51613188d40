using System.ComponentModel.DataAnnotations;

namespace Jobs.Core.Resumes;

public sealed class ApplicationOptions
{
    public const string Section = "Applications";

    /// <summary>Interview times in notifications are written in this zone (the member cities' local time).</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary><see cref="TimeZone"/> resolved (validated on start).</summary>
    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>How far ahead an interview may be set; a time further out is almost always a typo in the year.</summary>
    [Range(1, 730)]
    public int MaxInterviewDaysAhead { get; set; } = 180;

    /// <summary>Applications one bulk stage move may name.</summary>
    [Range(1, 1000)]
    public int MaxBulkMove { get; set; } = 100;
}
