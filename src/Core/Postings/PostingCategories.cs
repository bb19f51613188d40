namespace Jobs.Core.Postings;

/// <summary>The industry categories a posting is filed under; search facets and demo data use the same list.</summary>
public static class PostingCategories
{
    public static IReadOnlyList<string> All { get; } =
    [
        "软件/互联网",
        "汽车及零部件",
        "新能源",
        "钢铁/材料",
        "物流/仓储",
        "医疗/健康",
        "教育/培训",
        "金融/保险",
        "电子商务",
        "生产制造",
        "建筑/房地产",
        "餐饮/零售",
        "行政/人事",
        "电子/半导体",
        "化工",
        "其他",
    ];

    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var t = text.Trim();
        return All.FirstOrDefault(c => string.Equals(c, t, StringComparison.OrdinalIgnoreCase));
    }
}
