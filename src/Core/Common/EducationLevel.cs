namespace Jobs.Core.Common;

/// <summary>Education levels as Chinese job adverts state them. 中专 and 高中 are parallel tracks of the same rank.</summary>
public enum EducationLevel
{
    Any = 0,
    SecondaryVocational = 1,
    HighSchool = 2,
    Associate = 3,
    Bachelor = 4,
    Master = 5,
    Doctorate = 6,
}

public static class EducationLevels
{
    private static readonly (EducationLevel Level, string Label)[] Labels =
    [
        (EducationLevel.Any, "不限"),
        (EducationLevel.SecondaryVocational, "中专"),
        (EducationLevel.HighSchool, "高中"),
        (EducationLevel.Associate, "大专"),
        (EducationLevel.Bachelor, "本科"),
        (EducationLevel.Master, "硕士"),
        (EducationLevel.Doctorate, "博士"),
    ];

    public static IReadOnlyList<string> AllLabels { get; } = Labels.Select(l => l.Label).ToArray();

    public static string Label(this EducationLevel level) => Labels[(int)level].Label;

    /// <summary>Comparable rank: 中专 and 高中 both count as secondary.</summary>
    public static int Rank(this EducationLevel level) => level switch
    {
        EducationLevel.Any => 0,
        EducationLevel.SecondaryVocational or EducationLevel.HighSchool => 1,
        EducationLevel.Associate => 2,
        EducationLevel.Bachelor => 3,
        EducationLevel.Master => 4,
        EducationLevel.Doctorate => 5,
        _ => 0,
    };

    /// <summary>True when a candidate holding <paramref name="held"/> meets a requirement of <paramref name="required"/>.</summary>
    public static bool Satisfies(this EducationLevel held, EducationLevel required) => held.Rank() >= required.Rank();

    /// <summary>Accepts the Chinese labels, common variants (本科及以上, 研究生, 专科, 学历不限) and the English names.</summary>
    public static bool TryParse(string? text, out EducationLevel level)
    {
        level = EducationLevel.Any;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var t = text.Trim().Replace("及以上", "", StringComparison.Ordinal).Replace("以上", "", StringComparison.Ordinal)
            .Replace("学历", "", StringComparison.Ordinal).Replace("學歷", "", StringComparison.Ordinal).Trim();
        switch (t)
        {
            case "不限" or "无" or "無" or "any": level = EducationLevel.Any; return true;
            case "中专" or "中專" or "中技" or "技校" or "中专/中技": level = EducationLevel.SecondaryVocational; return true;
            case "高中" or "初中及以上": level = EducationLevel.HighSchool; return true;
            case "大专" or "大專" or "专科" or "專科" or "高职": level = EducationLevel.Associate; return true;
            case "本科" or "学士" or "學士" or "统招本科": level = EducationLevel.Bachelor; return true;
            case "硕士" or "碩士" or "研究生": level = EducationLevel.Master; return true;
            case "博士" or "博士研究生": level = EducationLevel.Doctorate; return true;
        }

        return Enum.TryParse(t, ignoreCase: true, out level) && Enum.IsDefined(level);
    }
}
