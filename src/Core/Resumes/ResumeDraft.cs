namespace Jobs.Core.Resumes;

public sealed record ResumeDraft(
    string? FullName,
    string? School,
    string? Major,
    string? Degree,
    int? GraduationYear,
    IReadOnlyList<string>? Skills,
    IReadOnlyList<string>? PreferredCities,
    int? ExpectedSalaryMin,
    int? ExpectedSalaryMax,
    IReadOnlyList<WorkExperienceDraft>? Experiences,
    string? SelfIntroduction,
    string? Visibility,
    bool? ContactVisibleToEmployers,
    string? Phone,
    string? Email,
    string? IdNumber,
    IReadOnlyList<string>? DesiredTitles = null);

public sealed record WorkExperienceDraft(string? Organisation, string? Title, string? Start, string? End, string? Description);

/// <summary>Why a reader does or does not see a résumé's contact data.</summary>
public enum ContactState
{
    /// <summary>In this response (the owner, an admin, or an entitled employer opening one résumé or application).</summary>
    Shown,

    /// <summary>The reader is not entitled (not applied to, not opened to employers, or not an employer at all).</summary>
    NotEntitled,

    /// <summary>The reader would be entitled, but lists and search results never carry contact data.</summary>
    NotInLists,

    /// <summary>The employer passed the daily limit of graduates or is flagged for it; an admin must clear the flag.</summary>
    Stopped,
}

/// <summary>
/// A résumé as one reader may see it. <see cref="Contact"/> is what this reader may see of the contact data (ID number only
/// for the owner and admins), null when none is shown; never read <c>Resume.Contact</c> to show it to someone.
/// </summary>
public sealed record ResumeView(Resume Resume, ContactDetails? Contact, ContactState ContactState, bool FullNameVisible)
{
    public bool ContactVisible => Contact is not null;

    /// <summary>Why no contact data is shown, in Chinese; null when it is.</summary>
    public string? ContactNotice { get; init; }
}

public sealed record ResumeListQuery(string? CityCode, Common.EducationLevel? Degree);
