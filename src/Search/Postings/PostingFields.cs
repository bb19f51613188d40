namespace Jobs.Search.Postings;

/// <summary>Field names of the postings index. Raise <see cref="SchemaVersion"/> with any change so old indexes rebuild.</summary>
public static class PostingFields
{
    public const int SchemaVersion = 12;

    /// <summary>Precision step of the numeric fields filtered by exact value: one term per value.</summary>
    public const int ExactStep = int.MaxValue;

    public const string Id = Indexing.IndexFields.Id;
    public const string IdValue = "id_dv";
    public const string Title = "title";
    public const string TitleBigram = "title_bi";
    public const string TitlePinyin = "title_py";
    public const string Description = "desc";
    public const string Skills = "skills";
    public const string Employer = "employer";
    public const string EmployerBigram = "employer_bi";
    public const string EmployerPinyin = "employer_py";
    public const string Place = "place";
    public const string PlacePinyin = "place_py";
    public const string City = "city";
    public const string District = "district";
    public const string Category = "category";
    public const string CategoryText = "category_text";
    /// <summary>Filtered and counted through its values column only (<see cref="Values"/>), like city and category.</summary>
    public const string Education = "edu";
    public const string Experience = "exp";
    public const string SalaryMin = "sal_min";
    public const string SalaryMax = "sal_max";
    public const string SalaryBand = "sal_band";
    public const string PostedAt = "posted";
    public const string ExpiresAt = "expires";
    public const string EmployerId = "employer_id";
    public const string Quality = "quality";
    public const string Type = "type";

    /// <summary>Hash of the normalised title, for folding near-identical postings of one employer.</summary>
    public const string TitleKey = "title_key";

    /// <summary>The job function code (职能); its values column feeds the function and function-group filters and facets.</summary>
    public const string Function = "function";
    public const string Cohort = "cohort";
    public const string Beginners = "beginners";

    /// <summary>Benefit tags as a bit mask (bit = <see cref="Jobs.Core.Postings.BenefitTag.Index"/>).</summary>
    public const string Benefits = "benefits";

    /// <summary>Doc-values twin of a filter field, for facets and sorting.</summary>
    public static string Values(string field) => field + "_dv";
}
