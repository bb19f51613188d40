namespace Jobs.Core.Privacy;

/// <summary>
/// One contact field of a graduate's résumé shown to someone other than its owner, in one response: who saw it (user and
/// employer), which résumé and field, through which address, and when. The graduate reads these as "who saw my contact data".
/// Ids are plain values without foreign keys, so the record outlives the rows it names.
/// </summary>
public sealed class ContactView
{
    public long Id { get; set; }

    public long ResumeId { get; set; }

    /// <summary>The graduate whose data it is (the résumé's owner), so their list needs no join.</summary>
    public long OwnerUserId { get; set; }

    public long? ViewerUserId { get; set; }

    /// <summary>The employer the viewer acted for; null for an admin.</summary>
    public long? EmployerId { get; set; }

    /// <summary><see cref="ContactFields"/>: phone, email or idNumber.</summary>
    public required string Field { get; set; }

    /// <summary>The API path or page address the data went out through.</summary>
    public required string Where { get; set; }

    public DateTime At { get; set; }
}

/// <summary>
/// An employer stopped for revealing the contact data of more graduates in a day than <c>Privacy:ContactRevealsPerDay</c>.
/// While a flag is open (not cleared) the employer sees no contact data at all; only an admin clears it.
/// </summary>
public sealed class ContactRevealFlag
{
    public long Id { get; set; }

    public long EmployerId { get; set; }

    /// <summary>The local day (Asia/Shanghai) the limit was passed, yyyy-MM-dd.</summary>
    public required string Day { get; set; }

    public DateTime FlaggedAt { get; set; }

    /// <summary>Distinct graduates whose contact data the employer had seen that day when it was stopped.</summary>
    public int Revealed { get; set; }

    /// <summary>The daily limit in force then.</summary>
    public int Limit { get; set; }

    public DateTime? ClearedAt { get; set; }

    public long? ClearedByUserId { get; set; }

    public string? ClearNote { get; set; }
}

public static class ContactFields
{
    public const string Phone = "phone";
    public const string Email = "email";
    public const string IdNumber = "idNumber";

    public static string Label(string field) => field switch
    {
        Phone => "手机号",
        Email => "邮箱",
        IdNumber => "身份证号",
        _ => field,
    };
}
