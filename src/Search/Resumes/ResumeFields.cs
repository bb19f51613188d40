namespace Jobs.Search.Resumes;

/// <summary>Field names of the résumés index. Raise <see cref="SchemaVersion"/> with any change so old indexes rebuild.</summary>
public static class ResumeFields
{
    public const int SchemaVersion = 2;

    public const string Id = Indexing.IndexFields.Id;
    public const string IdValue = "id_dv";
    public const string Skills = "skills";
    public const string Major = "major";
    public const string School = "school";
    public const string Experience = "experience";
    public const string Introduction = "intro";
    public const string AllBigram = "all_bi";
    public const string AllPinyin = "all_py";
    public const string PreferredCity = "city";
    public const string SkillExact = "skill_kw";
    public const string Degree = "degree";
    public const string DegreeValue = "degree_dv";
    public const string GraduationYear = "grad_year";
    public const string Visibility = "visibility";
    public const string UpdatedAt = "updated_dv";
    public const string DesiredTitles = "titles";

    /// <summary>Preferred cities in order, packed a byte each (city index + 1) into one number for the match collector.</summary>
    public const string PreferredCitiesPacked = "city_pref_dv";
    public const string ExpectedSalaryMin = "sal_min_dv";
    public const string ExpectedSalaryMax = "sal_max_dv";
    public const string GraduationYearValue = "grad_year_dv";
}
