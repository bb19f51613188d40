namespace Jobs.Core.Postings;

/// <summary>Limits shared by the API, feed imports and demo data.</summary>
public static class PostingRules
{
    public const int TitleMaxLength = 100;
    public const int DescriptionMaxLength = 20_000;
    public const int DistrictMaxLength = 50;

    /// <summary>Free category text (classified into a function) is accepted up to this length.</summary>
    public const int CategoryTextMaxLength = 100;
    public const int MaxSkills = 30;
    public const int SkillMaxLength = 40;
    public const int MaxHeadcount = 10_000;

    /// <summary>Monthly pay ceiling in CNY: above this a figure is almost certainly a typo (yearly pay, extra zero).</summary>
    public const int MaxMonthlySalary = 1_000_000;
    public const int MinSalaryMonths = 12;
    public const int MaxSalaryMonths = 24;

    /// <summary>The longest a posting may stay up; a later expiry is clamped to it with a warning (长期有效 in feeds means this).</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);
}
