using Jobs.Core.Common;
using Jobs.Core.Regions;
using Jobs.Core.Resumes;

namespace Jobs.Api.Resumes;

public sealed record WorkExperienceRequest(string? Organisation, string? Title, string? Start, string? End, string? Description);

/// <summary>A résumé as its graduate submits it. Visibility: public, employersOnly (default) or hidden.</summary>
public sealed record ResumeRequest(
    string? FullName,
    string? School,
    string? Major,
    string? Degree,
    int? GraduationYear,
    List<string>? Skills,
    List<string>? PreferredCities,
    int? ExpectedSalaryMin,
    int? ExpectedSalaryMax,
    List<WorkExperienceRequest>? Experiences,
    string? SelfIntroduction,
    string? Visibility,
    bool? ContactVisibleToEmployers,
    string? Phone,
    string? Email,
    string? IdNumber,
    List<string>? DesiredTitles = null)
{
    public ResumeDraft ToDraft() => new(FullName, School, Major, Degree, GraduationYear, Skills, PreferredCities,
        ExpectedSalaryMin, ExpectedSalaryMax,
        Experiences?.Select(x => x is null ? null! : new WorkExperienceDraft(x.Organisation, x.Title, x.Start, x.End, x.Description)).ToArray(),
        SelfIntroduction, Visibility, ContactVisibleToEmployers, Phone, Email, IdNumber, DesiredTitles);
}

public sealed record ContactResponse(string? Phone, string? Email, string? IdNumber);

public sealed record WorkExperienceResponse(string Organisation, string Title, string Start, string? End, string? Description);

public sealed record PreferredCityResponse(string Code, string Name);

/// <summary>
/// A résumé as one reader may see it. <c>contact</c> is null unless this response carries it (<c>contactVisible</c>): only a
/// single résumé or application opened by its owner, an admin or an entitled employer does, never a list or search result;
/// <c>contact.idNumber</c> only for the owner and admins. <c>contactNotice</c> says in Chinese why contact data is missing
/// (not entitled, lists never show it, or the employer's daily limit). Anonymous readers see a surname and 同学.
/// </summary>
public sealed record ResumeResponse(
    long Id,
    string FullName,
    string School,
    string Major,
    string Degree,
    int GraduationYear,
    IReadOnlyList<string> Skills,
    IReadOnlyList<string> DesiredTitles,
    IReadOnlyList<PreferredCityResponse> PreferredCities,
    int? ExpectedSalaryMin,
    int? ExpectedSalaryMax,
    IReadOnlyList<WorkExperienceResponse> Experiences,
    string? SelfIntroduction,
    string Visibility,
    bool ContactVisibleToEmployers,
    bool ContactVisible,
    ContactResponse? Contact,
    DateTime UpdatedAt)
{
    /// <summary>Why <c>contact</c> is null, in Chinese; null when it is shown.</summary>
    public string? ContactNotice { get; init; }

    public static ResumeResponse From(ResumeView view, CityDirectory cities)
    {
        var r = view.Resume;
        return new ResumeResponse(
            r.Id,
            view.FullNameVisible ? r.FullName : ResumeAccess.MaskName(r.FullName),
            r.School, r.Major, r.Degree.Label(), r.GraduationYear, r.Skills, r.DesiredTitles,
            r.PreferredCities.Select(c => new PreferredCityResponse(c, cities.FindByCode(c)?.Name ?? c)).ToArray(),
            r.ExpectedSalaryMin, r.ExpectedSalaryMax,
            r.Experiences.Select(x => new WorkExperienceResponse(x.Organisation, x.Title, x.Start, x.End, x.Description)).ToArray(),
            r.SelfIntroduction,
            VisibilityName(r.Visibility),
            r.ContactVisibleToEmployers,
            view.ContactVisible,
            view.Contact is { } contact ? new ContactResponse(contact.Phone, contact.Email, contact.IdNumber) : null,
            r.UpdatedAt)
        {
            ContactNotice = view.ContactNotice,
        };
    }

    public static string VisibilityName(ResumeVisibility v) => v switch
    {
        ResumeVisibility.Public => "public",
        ResumeVisibility.EmployersOnly => "employersOnly",
        _ => "hidden",
    };
}
