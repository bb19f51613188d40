using System.ComponentModel.DataAnnotations;

namespace Jobs.Core.Privacy;

/// <summary>The contact-data part of the <c>Privacy</c> section (other parts of that section have their own classes).</summary>
public sealed class ContactPrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>
    /// Distinct graduates whose phone or email one employer may see in a day; the next one is refused (masked) and the employer
    /// is flagged for admins and stays stopped until an admin clears the flag. A busy recruiter opens a few dozen a day.
    /// </summary>
    [Range(1, 100_000)]
    public int ContactRevealsPerDay { get; set; } = 100;

    /// <summary>The zone whose midnight starts the day <see cref="ContactRevealsPerDay"/> counts.</summary>
    [Required]
    public string ContactRevealsTimeZone { get; set; } = "Asia/Shanghai";

    /// <summary><see cref="ContactRevealsTimeZone"/> resolved (validated on start).</summary>
    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(ContactRevealsTimeZone);
}
