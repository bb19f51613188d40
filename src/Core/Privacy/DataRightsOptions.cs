using System.ComponentModel.DataAnnotations;

namespace Jobs.Core.Privacy;

/// <summary>
/// A person's data rights: how long a closed account waits before its personal data is erased, and how long a résumé
/// stays up without an update. Bound to <c>Privacy:</c> keys of its own so other privacy settings can sit beside them.
/// </summary>
public sealed class DataRightsOptions
{
    public const string Section = "Privacy";

    /// <summary>Days between asking to close the account and the erasure; the person may cancel until then.</summary>
    [Range(1, 90)]
    public int DeletionCoolingOffDays { get; set; } = 7;

    /// <summary>A résumé not updated for this many months is hidden (no longer searched, matched or listed).</summary>
    [Range(1, 120)]
    public int ResumeRetentionMonths { get; set; } = 12;

    /// <summary>The owner is told this many days before the résumé is hidden; hiding waits at least this long after the notice.</summary>
    [Range(1, 180)]
    public int RetentionNoticeDays { get; set; } = 30;

    /// <summary>Local time zone of the dates written into retention notices.</summary>
    [Required]
    public string NoticeTimeZone { get; set; } = "Asia/Shanghai";
}
