namespace Jobs.Core.Common;

/// <summary>
/// Education levels as Chinese job adverts state them. The numbers are stored and never change; the ladder's order is
/// <see cref="EducationLevels.Rank"/>, not the number (初中及以下 was added last but ranks lowest). 中专/中技/职高 and 高中 are
/// parallel tracks of the same rank.
/// </summary>
public enum EducationLevel
{
    Any = 0,
    SecondaryVocational = 1,
    HighSchool = 2,
    Associate = 3,
    Bachelor = 4,
    Master = 5,
    Doctorate = 6,
    JuniorHigh = 7,
}

public static class EducationLevels
{
    /// <summary>The ladder in order, with the labels job boards print.</summary>
    private static readonly (EducationLevel Level, string Label, string Code, int Rank)[] Ladder =
    [
        (EducationLevel.Any, "不限", "any", 0),
        (EducationLevel.JuniorHigh, "初中及以下", "junior-high", 1),
        (EducationLevel.SecondaryVocational, "中专/中技/职高", "secondary-vocational", 2),
        (EducationLevel.HighSchool, "高中", "high-school", 2),
        (EducationLevel.Associate, "大专", "associate", 3),
        (EducationLevel.Bachelor, "本科", "bachelor", 4),
        (EducationLevel.Master, "硕士", "master", 5),
        (EducationLevel.Doctorate, "博士", "doctorate", 6),
    ];

    private static readonly int[] RankByValue = Ladder.OrderBy(l => (int)l.Level).Select(l => l.Rank).ToArray();
    private static readonly string[] LabelByValue = Ladder.OrderBy(l => (int)l.Level).Select(l => l.Label).ToArray();

    /// <summary>The labels in ladder order (不限 first).</summary>
    public static IReadOnlyList<string> AllLabels { get; } = Ladder.Select(l => l.Label).ToArray();

    /// <summary>The levels in ladder order (不限 first).</summary>
    public static IReadOnlyList<EducationLevel> InOrder { get; } = Ladder.Select(l => l.Level).ToArray();

    public static string Label(this EducationLevel level) => LabelByValue[(int)level];

    /// <summary>Comparable rank: 不限 0, 初中及以下 1, 中专/中技/职高 and 高中 2, 大专 3 … 博士 6.</summary>
    public static int Rank(this EducationLevel level) => (int)level < RankByValue.Length && level >= 0 ? RankByValue[(int)level] : 0;

    /// <summary>True when a candidate holding <paramref name="held"/> meets a requirement of <paramref name="required"/>.</summary>
    public static bool Satisfies(this EducationLevel held, EducationLevel required) => held.Rank() >= required.Rank();

    internal static EducationLevel FromCode(string code)
    {
        foreach (var l in Ladder)
        {
            if (l.Code == code)
            {
                return l.Level;
            }
        }

        throw new InvalidOperationException($"Unknown education code '{code}' in labour-terms.json.");
    }

    /// <summary>
    /// The labels, the spellings of labour-terms.json (初中, 初中以上, 技校, 职高, 专科, 统招本科, 研究生 …), the same with 及以上/以上/学历
    /// dropped, and the English names.
    /// </summary>
    public static bool TryParse(string? text, out EducationLevel level)
    {
        level = EducationLevel.Any;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var key = Postings.LabourTerms.Fold(text);
        if (Postings.LabourTerms.EducationAliases.TryGetValue(key, out level))
        {
            return true;
        }

        var stripped = key;
        foreach (var suffix in StrippedSuffixes)
        {
            stripped = stripped.Replace(suffix, "", StringComparison.Ordinal);
        }

        if (stripped.Length > 0 && Postings.LabourTerms.EducationAliases.TryGetValue(stripped, out level))
        {
            return true;
        }

        return Enum.TryParse(stripped, ignoreCase: true, out level) && Enum.IsDefined(level) && !int.TryParse(stripped, out _);
    }

    private static readonly string[] StrippedSuffixes = ["及以上", "以上", "学历", "學歷"];
}
