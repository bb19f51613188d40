namespace Jobs.Core.Employers;

/// <summary>A company that posts vacancies.</summary>
public sealed class Employer
{
    public long Id { get; set; }

    public required string Name { get; set; }

    /// <summary>Unified social credit code (统一社会信用代码); unique when present.</summary>
    public string? CreditCode { get; set; }

    public required string CityCode { get; set; }

    /// <summary>The industry as the employer wrote it.</summary>
    public string? Industry { get; set; }

    /// <summary>The GB/T 4754-2017 section (A–T) <see cref="Industry"/> names; null for older rows whose text names none.</summary>
    public string? IndustryCode { get; set; }

    /// <summary>Headcount band as shown to graduates, e.g. 100-499人.</summary>
    public string? Size { get; set; }

    public string? Description { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>New sign-ups start unverified; see <see cref="VerificationSubmission"/> for the history.</summary>
    public VerificationStatus Verification { get; set; }
}
