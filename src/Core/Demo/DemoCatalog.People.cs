namespace Jobs.Core.Demo;

/// <summary>Fixed data tables the demo generator draws from. Chinese text is data; identifiers stay English.</summary>
internal static partial class DemoCatalog
{
    /// <summary>Surnames with pinyin (for e-mail addresses) and a weight roughly proportional to the 2020 census share.</summary>
    public static readonly (string Surname, string Pinyin, int Weight)[] Surnames =
    [
        ("王", "wang", 710), ("李", "li", 700), ("张", "zhang", 670), ("刘", "liu", 540), ("陈", "chen", 460),
        ("杨", "yang", 310), ("黄", "huang", 250), ("赵", "zhao", 230), ("吴", "wu", 200), ("周", "zhou", 190),
        ("徐", "xu", 150), ("孙", "sun", 150), ("马", "ma", 140), ("朱", "zhu", 130), ("胡", "hu", 120),
        ("郭", "guo", 110), ("何", "he", 110), ("林", "lin", 100), ("高", "gao", 100), ("罗", "luo", 90),
        ("郑", "zheng", 90), ("梁", "liang", 80), ("谢", "xie", 60), ("宋", "song", 60), ("唐", "tang", 60),
        ("许", "xu", 60), ("韩", "han", 60), ("冯", "feng", 50), ("邓", "deng", 50), ("曹", "cao", 50),
        ("彭", "peng", 50), ("曾", "zeng", 50), ("肖", "xiao", 50), ("田", "tian", 40), ("董", "dong", 40),
        ("袁", "yuan", 40), ("潘", "pan", 40), ("于", "yu", 40), ("蒋", "jiang", 40), ("蔡", "cai", 40),
        ("余", "yu", 40), ("杜", "du", 40), ("叶", "ye", 40), ("程", "cheng", 40), ("苏", "su", 30),
        ("魏", "wei", 30), ("吕", "lv", 30), ("丁", "ding", 30), ("任", "ren", 30), ("沈", "shen", 30),
        ("姚", "yao", 30), ("卢", "lu", 30), ("姜", "jiang", 30), ("崔", "cui", 30), ("钟", "zhong", 30),
        ("谭", "tan", 30), ("陆", "lu", 30), ("汪", "wang", 30), ("范", "fan", 30), ("金", "jin", 30),
        ("石", "shi", 20), ("廖", "liao", 20), ("贾", "jia", 20), ("夏", "xia", 20), ("韦", "wei", 20),
        ("付", "fu", 20), ("方", "fang", 20), ("白", "bai", 20), ("邹", "zou", 20), ("孟", "meng", 20),
        ("熊", "xiong", 20), ("秦", "qin", 20), ("邱", "qiu", 20), ("江", "jiang", 20), ("尹", "yin", 20),
        ("薛", "xue", 20), ("闫", "yan", 20), ("段", "duan", 20), ("雷", "lei", 20), ("侯", "hou", 20),
        ("龙", "long", 20), ("史", "shi", 20), ("陶", "tao", 20), ("黎", "li", 20), ("贺", "he", 20),
        ("顾", "gu", 20), ("毛", "mao", 20), ("郝", "hao", 20), ("龚", "gong", 20), ("邵", "shao", 20),
        ("万", "wan", 20), ("钱", "qian", 20), ("严", "yan", 20), ("孔", "kong", 15), ("颜", "yan", 8),
        ("欧阳", "ouyang", 5), ("诸葛", "zhuge", 1), ("司马", "sima", 1), ("上官", "shangguan", 1),
    ];

    // Given names of people born around 2000 are mostly two characters picked for sound and meaning; these halves
    // combine into plausible names without producing the odd pairs a free character mix would.
    public static readonly (string Char, string Pinyin)[] MaleFirst =
    [
        ("子", "zi"), ("浩", "hao"), ("宇", "yu"), ("俊", "jun"), ("博", "bo"), ("志", "zhi"), ("明", "ming"),
        ("天", "tian"), ("嘉", "jia"), ("文", "wen"), ("一", "yi"), ("晨", "chen"), ("泽", "ze"), ("梓", "zi"),
        ("皓", "hao"), ("家", "jia"), ("睿", "rui"), ("鹏", "peng"), ("思", "si"), ("建", "jian"), ("逸", "yi"),
        ("锦", "jin"), ("承", "cheng"), ("煜", "yu"), ("奕", "yi"), ("宏", "hong"), ("云", "yun"), ("立", "li"),
    ];

    public static readonly (string Char, string Pinyin)[] MaleSecond =
    [
        ("轩", "xuan"), ("然", "ran"), ("宇", "yu"), ("杰", "jie"), ("文", "wen"), ("豪", "hao"), ("航", "hang"),
        ("涛", "tao"), ("睿", "rui"), ("阳", "yang"), ("辰", "chen"), ("博", "bo"), ("凯", "kai"), ("鑫", "xin"),
        ("磊", "lei"), ("浩", "hao"), ("强", "qiang"), ("洋", "yang"), ("伟", "wei"), ("翔", "xiang"), ("琛", "chen"),
        ("铭", "ming"), ("恒", "heng"), ("川", "chuan"), ("远", "yuan"), ("林", "lin"), ("斌", "bin"), ("峰", "feng"),
    ];

    public static readonly (string Char, string Pinyin)[] FemaleFirst =
    [
        ("欣", "xin"), ("思", "si"), ("雨", "yu"), ("梓", "zi"), ("诗", "shi"), ("佳", "jia"), ("可", "ke"),
        ("雅", "ya"), ("若", "ruo"), ("语", "yu"), ("静", "jing"), ("婉", "wan"), ("紫", "zi"), ("梦", "meng"),
        ("晓", "xiao"), ("心", "xin"), ("依", "yi"), ("嘉", "jia"), ("慧", "hui"), ("美", "mei"), ("子", "zi"),
        ("一", "yi"), ("书", "shu"), ("安", "an"),
    ];

    public static readonly (string Char, string Pinyin)[] FemaleSecond =
    [
        ("怡", "yi"), ("涵", "han"), ("萱", "xuan"), ("琪", "qi"), ("妍", "yan"), ("彤", "tong"), ("悦", "yue"),
        ("婷", "ting"), ("琳", "lin"), ("然", "ran"), ("雪", "xue"), ("瑶", "yao"), ("璐", "lu"), ("菲", "fei"),
        ("颖", "ying"), ("欣", "xin"), ("宁", "ning"), ("晴", "qing"), ("蕾", "lei"), ("洁", "jie"), ("冉", "ran"),
        ("月", "yue"), ("茜", "qian"), ("楠", "nan"),
    ];

    public static readonly (string Char, string Pinyin)[] MaleSingle =
    [
        ("伟", "wei"), ("磊", "lei"), ("强", "qiang"), ("涛", "tao"), ("鹏", "peng"), ("杰", "jie"), ("超", "chao"),
        ("勇", "yong"), ("军", "jun"), ("斌", "bin"), ("浩", "hao"), ("帅", "shuai"), ("鑫", "xin"), ("宇", "yu"),
        ("龙", "long"), ("凯", "kai"),
    ];

    public static readonly (string Char, string Pinyin)[] FemaleSingle =
    [
        ("静", "jing"), ("婷", "ting"), ("丽", "li"), ("敏", "min"), ("洁", "jie"), ("倩", "qian"), ("颖", "ying"),
        ("琳", "lin"), ("雪", "xue"), ("娜", "na"), ("芳", "fang"), ("悦", "yue"), ("慧", "hui"), ("璐", "lu"),
        ("晶", "jing"), ("燕", "yan"),
    ];

    /// <summary>Mobile number prefixes in use by China Mobile, China Unicom, China Telecom and China Broadnet.</summary>
    public static readonly string[] MobilePrefixes =
    [
        "134", "135", "136", "137", "138", "139", "147", "150", "151", "152", "157", "158", "159", "172", "178",
        "182", "183", "184", "187", "188", "195", "197", "198",
        "130", "131", "132", "145", "155", "156", "166", "175", "176", "185", "186", "196",
        "133", "149", "153", "173", "177", "180", "181", "189", "190", "191", "193", "199",
        "192",
    ];

    public static readonly (string Domain, int Weight)[] MailDomains =
    [
        ("qq.com", 40), ("163.com", 25), ("126.com", 10), ("outlook.com", 6), ("foxmail.com", 5), ("sina.com", 4),
        ("gmail.com", 3), ("139.com", 3), ("yeah.net", 2), ("188.com", 1), ("sohu.com", 1),
    ];
}
