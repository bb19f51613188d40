using Jobs.Core.Common;

namespace Jobs.Core.Resumes;

public enum ResumeVisibility
{
    /// <summary>Anyone, signed in or not, may read it (contact data still masked).</summary>
    Public = 0,

    /// <summary>Employers, organisers and admins may read it.</summary>
    EmployersOnly = 1,

    /// <summary>Only the owner, admins, and employers the graduate applied to.</summary>
    Hidden = 2,
}

/// <summary>Why the platform (not the owner) hid a résumé; the owner's own choice is kept in <see cref="Resume.VisibilityBeforeHiding"/>.</summary>
public enum ResumeHiddenReason
{
    None = 0,

    /// <summary>The owner asked to close the account: nobody but the owner and admins reads it during the cooling-off.</summary>
    DeletionRequested = 1,

    /// <summary>Not updated for the retention period; updating it makes it the owner's again.</summary>
    Retention = 2,

    /// <summary>The owner's account was erased: the row is an empty anchor for anonymous application counts.</summary>
    Erased = 3,
}

/// <summary>A graduate's résumé; one per graduate account.</summary>
public sealed class Resume
{
    public long Id { get; set; }

    public long OwnerUserId { get; set; }

    public required string FullName { get; set; }

    public required string School { get; set; }

    public required string Major { get; set; }

    public EducationLevel Degree { get; set; }

    public int GraduationYear { get; set; }

    public List<string> Skills { get; set; } = [];

    /// <summary>Job titles the graduate is looking for (Java开发工程师, 会计); matching reads them as strongly as skills.</summary>
    public List<string> DesiredTitles { get; set; } = [];

    /// <summary>City codes in order of preference.</summary>
    public List<string> PreferredCities { get; set; } = [];

    public int? ExpectedSalaryMin { get; set; }

    public int? ExpectedSalaryMax { get; set; }

    public List<WorkExperience> Experiences { get; set; } = [];

    public string? SelfIntroduction { get; set; }

    public ResumeVisibility Visibility { get; set; }

    /// <summary>When true, employers that may read the résumé also see phone and email when they open it (never the ID number).</summary>
    public bool ContactVisibleToEmployers { get; set; }

    public required ContactDetails Contact { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public ResumeHiddenReason HiddenReason { get; set; }

    /// <summary>The owner's visibility while the platform hides the résumé, restored when the reason goes away.</summary>
    public ResumeVisibility? VisibilityBeforeHiding { get; set; }

    /// <summary>When the owner was told the résumé will be hidden for not being updated; cleared by the next update.</summary>
    public DateTime? RetentionNoticeAt { get; set; }
}

/// <summary>Personal contact data: never shown to anyone not entitled to it.</summary>
public sealed class ContactDetails
{
    public string? Phone { get; set; }

    public string? Email { get; set; }

    /// <summary>居民身份证号.</summary>
    public string? IdNumber { get; set; }
}

/// <summary>An internship or job held before; dates are year-month.</summary>
public sealed class WorkExperience
{
    public required string Organisation { get; set; }

    public required string Title { get; set; }

    public required string Start { get; set; }

    public string? End { get; set; }

    public string? Description { get; set; }
}
