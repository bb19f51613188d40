namespace Jobs.Core.Common;

/// <summary>Work experience a posting asks for, in the bands Chinese job boards use.</summary>
public enum ExperienceLevel
{
    Any = 0,
    FreshGraduate = 1,
    UnderOneYear = 2,
    OneToThreeYears = 3,
    ThreeToFiveYears = 4,
    FiveToTenYears = 5,
    OverTenYears = 6,
}

public static class ExperienceLevels
{
    private static readonly string[] Labels = ["不限", "应届生", "1年以下", "1-3年", "3-5年", "5-10年", "10年以上"];

    public static IReadOnlyList<string> AllLabels => Labels;

    public static string Label(this ExperienceLevel level) => Labels[(int)level];

    /// <summary>
    /// Comparable step of a band: fresh graduates and under-a-year are one step, so a posting for either welcomes the other.
    /// Search's experience filter and matching's experience fit compare bands by it.
    /// </summary>
    public static int Step(this ExperienceLevel level) => level switch
    {
        ExperienceLevel.Any => 0,
        ExperienceLevel.FreshGraduate or ExperienceLevel.UnderOneYear => 1,
        ExperienceLevel.OneToThreeYears => 2,
        ExperienceLevel.ThreeToFiveYears => 3,
        ExperienceLevel.FiveToTenYears => 4,
        _ => 5,
    };

    /// <summary>Minimum years the band asks for; used to compare a candidate's years with a requirement.</summary>
    public static int MinimumYears(this ExperienceLevel level) => level switch
    {
        ExperienceLevel.OneToThreeYears => 1,
        ExperienceLevel.ThreeToFiveYears => 3,
        ExperienceLevel.FiveToTenYears => 5,
        ExperienceLevel.OverTenYears => 10,
        _ => 0,
    };

    public static bool TryParse(string? text, out ExperienceLevel level) => TryParse(text, out level, out _);

    /// <summary>
    /// The labels and the spellings of labour-terms.json (无经验可培训, 可接受无经验, 应届毕业生 …); <paramref name="welcomesBeginners"/>
    /// tells whether the spelling also says people without experience are welcome (无经验可培训 does, 经验不限 does not).
    /// </summary>
    public static bool TryParse(string? text, out ExperienceLevel level, out bool welcomesBeginners)
    {
        level = ExperienceLevel.Any;
        welcomesBeginners = false;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (Postings.LabourTerms.ExperienceAliases.TryGetValue(Postings.LabourTerms.Fold(text), out var alias))
        {
            (level, welcomesBeginners) = alias;
            return true;
        }

        var t = text.Trim().Replace("～", "-", StringComparison.Ordinal).Replace("~", "-", StringComparison.Ordinal)
            .Replace("—", "-", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        switch (t)
        {
            case "不限" or "经验不限" or "經驗不限" or "无经验" or "無經驗": level = ExperienceLevel.Any; return true;
            case "应届生" or "應屆生" or "应届" or "應屆" or "应届毕业生" or "應屆畢業生" or "在校/应届": level = ExperienceLevel.FreshGraduate; return true;
            case "1年以下" or "一年以下" or "1年以內" or "1年以内": level = ExperienceLevel.UnderOneYear; return true;
            case "1-3年" or "1年以上" or "一年以上": level = ExperienceLevel.OneToThreeYears; return true;
            case "3-5年" or "3年以上" or "三年以上": level = ExperienceLevel.ThreeToFiveYears; return true;
            case "5-10年" or "5年以上" or "五年以上": level = ExperienceLevel.FiveToTenYears; return true;
            case "10年以上" or "十年以上": level = ExperienceLevel.OverTenYears; return true;
        }

        return Enum.TryParse(t, ignoreCase: true, out level) && Enum.IsDefined(level);
    }
}
