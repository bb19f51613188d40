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

/// <summary>A résumé as one reader may see it: contact data present only when that reader is entitled to it.</summary>
public sealed record ResumeView(Resume Resume, bool ContactVisible, bool FullNameVisible);

public sealed record ResumeListQuery(string? CityCode, Common.EducationLevel? Degree);
