using Jobs.Core.Regions;

namespace Jobs.Core.Demo;

/// <summary>
/// What demo data needs to know about a member city beyond <see cref="City"/>: its administrative codes (for credit
/// codes and ID numbers), pay level relative to Nanjing, share of employers, and the industries it is known for.
/// </summary>
internal sealed record DemoCityProfile(
    string CityCode,
    string AreaCode,
    string[] CountyCodes,
    double SalaryFactor,
    int EmployerWeight,
    (string Category, double Factor)[] IndustryBoosts)
{
    /// <summary>
    /// Chance that a posting in a category with both kinds of work is a shop-floor or service one; null draws titles
    /// evenly. Factory towns hire mostly 普工 and 操作工, Nanjing mostly office staff.
    /// </summary>
    public double? BlueShare { get; init; }
}

internal static class DemoCityProfiles
{
    // Administrative division codes (GB/T 2260) as of 2024. County codes are what a 居民身份证号 starts with; the city
    // code is what a company registered at city level carries in its credit code. 金坛 and 溧阳 are county-level
    // members of 常州, so their own codes serve both purposes.
    public static readonly DemoCityProfile[] All =
    [
        new("nanjing", "320100", ["320102", "320104", "320105", "320106", "320111", "320113", "320114", "320115", "320116", "320117", "320118"],
            1.00, 30, [("软件/互联网", 2.2), ("金融/保险", 1.6), ("电子/半导体", 1.5), ("教育/培训", 1.3), ("医疗/健康", 1.3), ("生产制造", 0.7), ("钢铁/材料", 0.5), ("化工", 0.7)]) { BlueShare = 0.25 },
        new("zhenjiang", "321100", ["321102", "321111", "321112", "321181", "321182", "321183"],
            0.82, 6, [("化工", 1.8), ("钢铁/材料", 1.5), ("生产制造", 1.6), ("电子/半导体", 1.1)]) { BlueShare = 0.8 },
        new("yangzhou", "321000", ["321002", "321003", "321012", "321023", "321081", "321084"],
            0.80, 6, [("汽车及零部件", 1.5), ("生产制造", 1.4), ("新能源", 1.2)]),
        new("huaian", "320800", ["320812", "320803", "320804", "320813", "320826", "320830", "320831"],
            0.72, 5, [("化工", 1.4), ("电子/半导体", 1.4), ("餐饮/零售", 1.3), ("生产制造", 1.5)]) { BlueShare = 0.85 },
        new("wuhu", "340200", ["340202", "340207", "340209", "340210", "340212", "340223", "340281"],
            0.82, 7, [("汽车及零部件", 2.2), ("新能源", 1.5), ("电子/半导体", 1.2), ("生产制造", 1.3)]) { BlueShare = 0.8 },
        new("maanshan", "340500", ["340503", "340504", "340506", "340521", "340522", "340523"],
            0.78, 5, [("钢铁/材料", 2.8), ("生产制造", 1.4), ("汽车及零部件", 1.2)]) { BlueShare = 0.85 },
        new("chuzhou", "341100", ["341102", "341103", "341181", "341182", "341122", "341124", "341125", "341126"],
            0.74, 5, [("新能源", 2.2), ("生产制造", 1.5), ("汽车及零部件", 1.2), ("电子/半导体", 1.1)]) { BlueShare = 0.85 },
        new("xuancheng", "341800", ["341802", "341882", "341881", "341821", "341823", "341824", "341825"],
            0.72, 3, [("汽车及零部件", 1.8), ("新能源", 1.3), ("生产制造", 1.3), ("化工", 1.2)]),
        new("jintan", "320413", ["320413"],
            0.80, 3, [("新能源", 3.0), ("生产制造", 1.4), ("汽车及零部件", 1.2)]),
        new("liyang", "320481", ["320481"],
            0.80, 3, [("新能源", 3.0), ("生产制造", 1.3), ("钢铁/材料", 1.3), ("其他", 1.2)]),
        new("jining", "370800", ["370811", "370812", "370826", "370827", "370828", "370829", "370830", "370831", "370832", "370881", "370883"],
            0.66, 7, [("生产制造", 1.6), ("教育/培训", 1.3), ("化工", 1.3), ("医疗/健康", 1.2)]),
        new("zaozhuang", "370400", ["370402", "370403", "370404", "370405", "370406", "370481"],
            0.62, 4, [("化工", 1.6), ("新能源", 1.6), ("钢铁/材料", 1.2), ("生产制造", 1.2)]),
        new("linyi", "371300", ["371302", "371311", "371312", "371321", "371322", "371323", "371324", "371325", "371326", "371327", "371328", "371329"],
            0.66, 8, [("物流/仓储", 3.0), ("电子商务", 2.2), ("餐饮/零售", 1.4), ("生产制造", 1.2), ("医疗/健康", 1.1)]),
        new("heze", "371700", ["371702", "371703", "371721", "371722", "371723", "371724", "371725", "371726", "371728"],
            0.60, 5, [("电子商务", 2.2), ("化工", 1.5), ("医疗/健康", 1.5), ("生产制造", 1.2)]),
    ];

    // A regions file may name cities this table does not know; they still get valid codes at province level.
    private static readonly Dictionary<string, string> ProvinceCodes = new(StringComparer.Ordinal)
    {
        ["北京市"] = "110000",
        ["天津市"] = "120000",
        ["河北省"] = "130000",
        ["山西省"] = "140000",
        ["内蒙古自治区"] = "150000",
        ["辽宁省"] = "210000",
        ["吉林省"] = "220000",
        ["黑龙江省"] = "230000",
        ["上海市"] = "310000",
        ["江苏省"] = "320000",
        ["浙江省"] = "330000",
        ["安徽省"] = "340000",
        ["福建省"] = "350000",
        ["江西省"] = "360000",
        ["山东省"] = "370000",
        ["河南省"] = "410000",
        ["湖北省"] = "420000",
        ["湖南省"] = "430000",
        ["广东省"] = "440000",
        ["广西壮族自治区"] = "450000",
        ["海南省"] = "460000",
        ["重庆市"] = "500000",
        ["四川省"] = "510000",
        ["贵州省"] = "520000",
        ["云南省"] = "530000",
        ["西藏自治区"] = "540000",
        ["陕西省"] = "610000",
        ["甘肃省"] = "620000",
        ["青海省"] = "630000",
        ["宁夏回族自治区"] = "640000",
        ["新疆维吾尔自治区"] = "650000",
    };

    private static readonly Dictionary<string, DemoCityProfile> ByCode = All.ToDictionary(p => p.CityCode, StringComparer.Ordinal);

    public static DemoCityProfile For(City city)
    {
        if (ByCode.TryGetValue(city.Code, out var profile))
        {
            return profile;
        }

        var code = ProvinceCodes.GetValueOrDefault(city.Province, "320000");
        return new DemoCityProfile(city.Code, code, [code], 0.75, 3, []);
    }
}
