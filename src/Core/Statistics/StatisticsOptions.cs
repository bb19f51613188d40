using System.ComponentModel.DataAnnotations;

namespace Jobs.Core.Statistics;

/// <summary>Bound from <c>Statistics</c>: when the snapshot runs, which calendar its months follow, and the k of k-anonymity.</summary>
public sealed class StatisticsOptions
{
    public const string Section = "Statistics";

    /// <summary>Months and quarters begin at midnight in this zone (the bureaus publish by Beijing time).</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>The daily snapshot's schedule, in <see cref="TimeZone"/>; just after midnight closes yesterday's month on its first day.</summary>
    [Required]
    public string Cron { get; set; } = "30 0 * * *";

    /// <summary>No figure resting on fewer job seekers than this is shown, in pages, the API or downloads.</summary>
    [Range(2, 100)]
    public int MinSeekers { get; set; } = 5;
}
