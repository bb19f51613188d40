using System.ComponentModel.DataAnnotations;

namespace Jobs.Core.Fairs;

public sealed class FairOptions
{
    public const string Section = "Fairs";

    /// <summary>Share of booths kept for employers from other member cities unless a fair sets its own (0–1).</summary>
    [Range(0.0, 1.0)]
    public double OtherCityBoothShare { get; set; } = 0.3;

    /// <summary>How long before a fair starts its registered graduates are reminded.</summary>
    [Range(1, 168)]
    public int ReminderLeadHours { get; set; } = 24;

    /// <summary>Days after a fair is held before it is archived.</summary>
    [Range(1, 3650)]
    public int ArchiveAfterDays { get; set; } = 30;

    /// <summary>Local time zone of the member cities: season dates become local start and end times in it.</summary>
    [Required]
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary><see cref="TimeZone"/> resolved (validated on start).</summary>
    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>Local opening and closing time of a fair planned by a season.</summary>
    public TimeOnly DefaultStartTime { get; set; } = new(9, 0);

    public TimeOnly DefaultEndTime { get; set; } = new(16, 0);

    /// <summary>Postings an employer may bring to one booth.</summary>
    [Range(1, 100)]
    public int MaxPostingsPerBooth { get; set; } = 20;

    /// <summary>
    /// With Redis seat control, a seat decision that has not reached the database after this long belonged to a request whose
    /// process died; the reconciliation releases it (the request was never answered, so nobody was told they had it).
    /// Kept well above the 30-second wait for SQLite's write lock, so a decision still queued for the database is never taken
    /// for a dead one.
    /// </summary>
    [Range(60, 3600)]
    public int SeatReconcileGraceSeconds { get; set; } = 120;
}
