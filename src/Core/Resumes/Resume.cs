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
