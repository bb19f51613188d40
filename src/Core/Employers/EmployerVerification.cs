namespace Jobs.Core.Employers;

/// <summary>Where an employer stands in verification; only <see cref="Verified"/> employers go public and see contact data.</summary>
public enum VerificationStatus
{
    Unverified = 0,
    Pending = 1,
    Verified = 2,
    Rejected = 3,
}

/// <summary>What started a verification record.</summary>
public enum VerificationSource
{
    /// <summary>The employer submitted its licence.</summary>
    Employer = 0,

    /// <summary>A verified employer changed its name, credit code or city: back to review with the new identity.</summary>
    IdentityChange = 1,

    /// <summary>A city feed created the employer: the city vouches for it.</summary>
    Import = 2,

    /// <summary>The employer existed before verification did (schema step 11).</summary>
    Migration = 3,
}

public enum SubmissionStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,

    /// <summary>A newer submission or identity change replaced it before anyone decided.</summary>
    Superseded = 3,
}

/// <summary>
/// One submission for verification and its decision, kept for good: the history of an employer's verification is the list
/// of these rows. Records made by imports and by the upgrade carry their decision at once.
/// </summary>
public sealed class VerificationSubmission
{
    public long Id { get; set; }

    public long EmployerId { get; set; }

    public VerificationSource Source { get; set; }

    /// <summary>Null only on import and upgrade records of employers that never had a code.</summary>
    public string? CreditCode { get; set; }

    public required string LegalName { get; set; }

    public required string CityCode { get; set; }

    /// <summary>The licence file's name under the data directory's licence folder; null when none was sent (imports, upgrade).</summary>
    public string? LicenceFile { get; set; }

    public string? LicenceContentType { get; set; }

    public long? LicenceBytes { get; set; }

    /// <summary>The file name as uploaded, for the reviewer's download only.</summary>
    public string? LicenceOriginalName { get; set; }

    public long? SubmittedBy { get; set; }

    public DateTime SubmittedAt { get; set; }

    public SubmissionStatus Status { get; set; }

    public long? DecidedBy { get; set; }

    public DateTime? DecidedAt { get; set; }

    /// <summary>Why it was rejected (required then); for import records, which feed vouched.</summary>
    public string? Reason { get; set; }
}

public static class VerificationText
{
    public static string Describe(this VerificationStatus status) => status switch
    {
        VerificationStatus.Unverified => "未认证",
        VerificationStatus.Pending => "审核中",
        VerificationStatus.Verified => "已认证",
        VerificationStatus.Rejected => "未通过",
        _ => status.ToString(),
    };

    public static string Describe(this SubmissionStatus status) => status switch
    {
        SubmissionStatus.Pending => "待审核",
        SubmissionStatus.Approved => "已通过",
        SubmissionStatus.Rejected => "已驳回",
        SubmissionStatus.Superseded => "已被新提交取代",
        _ => status.ToString(),
    };

    public static string Describe(this VerificationSource source) => source switch
    {
        VerificationSource.Employer => "企业提交",
        VerificationSource.IdentityChange => "企业信息变更",
        VerificationSource.Import => "城市数据源导入",
        VerificationSource.Migration => "系统升级前已存在",
        _ => source.ToString(),
    };

    public static string Name(this VerificationStatus status) => status.ToString().ToLowerInvariant();

    public static string Name(this SubmissionStatus status) => status.ToString().ToLowerInvariant();

    public static string Name(this VerificationSource source) => source switch
    {
        VerificationSource.IdentityChange => "identityChange",
        _ => source.ToString().ToLowerInvariant(),
    };
}
