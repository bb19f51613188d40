using System.ComponentModel.DataAnnotations;

namespace Jobs.Background.Alerts;

public sealed class JobAlertsOptions
{
    public const string Section = "JobAlerts";

    /// <summary>When the alert run starts (Hangfire cron, in <see cref="TimeZone"/>): daily at 08:00 by default.</summary>
    [Required]
    public string Cron { get; set; } = "0 8 * * *";

    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>A new posting is a résumé-match alert only at or above this match score (0–1).</summary>
    [Range(0, 1)]
    public double MinMatchScore { get; set; } = 0.5;

    /// <summary>Postings listed in one notification; all found ones count as notified.</summary>
    [Range(1, 100)]
    public int MaxPostingsPerNotification { get; set; } = 20;
}
