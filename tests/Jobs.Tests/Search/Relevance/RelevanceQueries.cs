namespace Jobs.Tests.Search.Relevance;

/// <summary>The kind of query a judged query stands for; per-kind means have their own floors.</summary>
public enum QueryKind
{
    /// <summary>Plain Simplified Chinese: 会计, 前端开发, 叉车司机.</summary>
    Simplified,

    /// <summary>Traditional characters and Taiwan wording: 軟體工程師, 會計, 資料庫, 作業員.</summary>
    Traditional,

    /// <summary>Full pinyin or initials: kuaiji, hushi, rjgcs, nanjing java.</summary>
    Pinyin,

    /// <summary>Latin tech names alone or glued to Chinese: Java开发, C#工程师, .NET, node.js.</summary>
    EnglishMixed,

    /// <summary>A word whose best answers use another word of a vocabulary group: 程序员, 财务, 操作工, JS.</summary>
    Synonym,

    /// <summary>Stray spaces inside a word: java 开 发, 软件 工程师, 前 端.</summary>
    Spacing,

    /// <summary>A member city inside the text, which becomes a filter: 马鞍山 会计, 芜湖 普工.</summary>
    City,

    /// <summary>"Quoted phrases" and -exclusions.</summary>
    PhraseExclusion,

    /// <summary>A whole sentence from a worker or a graduate: 没有工作经验，想进工厂做普工，最好包吃住.</summary>
    LongSentence,

    /// <summary>Shop-floor, service and delivery titles: 保安, 保洁, 厨师, 外卖骑手, 装配工, 司机.</summary>
    BlueCollar,

    /// <summary>Slang and abbreviations of titles: 数分, 产品汪, 前端er, 程序猿, 测开, HRBP.</summary>
    Slang,

    /// <summary>A job with a salary or benefit condition: 数据分析 双休, 包吃住 普工, 月薪8000以上 电工.</summary>
    SalaryBenefit,
}

/// <summary>A query with graded judgments (0–3) by fixture key; keys not listed are judged 0.</summary>
public sealed record JudgedQuery(QueryKind Kind, string Text, IReadOnlyDictionary<string, int> Judgments, string Note = "");

/// <summary>
/// The judged queries. Grades say what a job seeker typing the query means, not what the engine can match:
/// 3 = exactly the job asked for (and in the asked city), 2 = a close variant the seeker clearly wants to see (the
/// intern or assistant version, the same work under another title), 1 = a neighbour worth a glance, 0 = not wanted.
/// Queries that mean the same thing (会计 / 會計 / kuaiji / 会 计) share one judgment set on purpose: the engine should
/// answer them alike. Judgments for postings added later (RelevancePostings.Grown.cs) were added to the shared sets
/// without changing any existing grade; the queries added with them are in RelevanceQueries.Grown.cs.
/// </summary>
public static partial class RelevanceQueries
{
    // ---- Shared judgment sets ----

    private static readonly Dictionary<string, int> Accounting = new()
    {
        ["ma-acct"] = 3, ["cz-acct"] = 3, ["nj-acct-gl"] = 3, ["wh-cost-acct"] = 3, ["ha-tax-acct"] = 3, ["jt-trad-acct"] = 3,
        ["nj-acct-asst"] = 2, ["wh-acct-asst"] = 2, ["xc-fin-spec"] = 2,
        ["zj-fin-mgr"] = 1, ["nj-audit"] = 1, ["ma-cashier"] = 1, ["yz-cashier"] = 1, ["ly-trad-cashier"] = 1,
        ["nj-acct-benefits"] = 3,
    };

    private static readonly Dictionary<string, int> FinanceBroad = new()
    {
        ["ma-acct"] = 3, ["cz-acct"] = 3, ["nj-acct-gl"] = 3, ["wh-cost-acct"] = 3, ["ha-tax-acct"] = 3, ["jt-trad-acct"] = 3,
        ["zj-fin-mgr"] = 3, ["xc-fin-spec"] = 3,
        ["nj-acct-asst"] = 2, ["wh-acct-asst"] = 2, ["ma-cashier"] = 2, ["yz-cashier"] = 2, ["ly-trad-cashier"] = 2,
        ["nj-audit"] = 1,
        ["nj-acct-benefits"] = 3,
    };

    private static readonly Dictionary<string, int> Cashier = new()
    {
        ["ma-cashier"] = 3, ["yz-cashier"] = 3, ["ly-trad-cashier"] = 3,
        ["nj-acct-asst"] = 1, ["wh-acct-asst"] = 1,
    };

    private static readonly Dictionary<string, int> JavaDeveloper = new()
    {
        ["nj-java"] = 3, ["nj-java-senior"] = 3, ["ma-java"] = 3, ["wh-java-be"] = 3, ["yz-java"] = 3, ["yz-trad-prog"] = 3,
        ["nj-trad-sw"] = 2, ["nj-java-intern"] = 2, ["xc-sw-dev"] = 2,
        ["nj-java-trainer"] = 1, ["nj-go-be"] = 1,
    };

    private static readonly Dictionary<string, int> FrontEnd = new()
    {
        ["nj-fe"] = 3, ["zj-fe"] = 3, ["wh-fe-react"] = 3, ["nj-trad-fe"] = 3,
        ["nj-js"] = 2, ["nj-node"] = 2,
    };

    private static readonly Dictionary<string, int> SoftwareEngineer = new()
    {
        ["zj-sw"] = 3, ["nj-trad-sw"] = 3, ["xc-sw-dev"] = 3, ["wh-dotnet"] = 3, ["yz-java"] = 3,
        ["cz-embedded"] = 2, ["jt-bms"] = 2, ["nj-embedded-auto"] = 2, ["nj-java"] = 2, ["nj-java-senior"] = 2, ["ma-java"] = 2,
        ["wh-java-be"] = 2, ["nj-csharp"] = 2, ["cz-csharp-upper"] = 2, ["ly-cpp"] = 2, ["nj-go-be"] = 2, ["yz-pyback"] = 2,
        ["yz-trad-prog"] = 2, ["nj-node"] = 2,
        ["nj-fe"] = 1, ["zj-fe"] = 1, ["wh-fe-react"] = 1, ["nj-trad-fe"] = 1, ["nj-js"] = 1, ["nj-test"] = 1, ["zj-autotest"] = 1,
        ["ha-trad-test"] = 1, ["jt-impl"] = 1, ["nj-java-intern"] = 1, ["nj-algo"] = 1,
        ["nj-sdet"] = 1, ["nj-rec-algo"] = 1,
    };

    private static readonly Dictionary<string, int> Nurse = new()
    {
        ["nj-nurse"] = 3, ["yz-nurse"] = 3, ["ha-nurse-fresh"] = 3, ["zj-trad-nurse"] = 3, ["yz-trad-nurse"] = 3,
        ["ly-caregiver"] = 1,
    };

    private static readonly Dictionary<string, int> Pharmacist = new()
    {
        ["nj-pharm"] = 3, ["wh-pharm"] = 3, ["xc-trad-pharm"] = 3,
    };

    private static readonly Dictionary<string, int> Teacher = new()
    {
        ["nj-math-teacher"] = 3, ["yz-english"] = 3, ["ma-kinder"] = 3, ["wh-primary-teacher"] = 3, ["jt-physics"] = 3,
        ["ha-trad-teacher"] = 3,
        ["nj-java-trainer"] = 1,
    };

    private static readonly Dictionary<string, int> GeneralWorker = new()
    {
        ["cz-pg"] = 3, ["wh-pg"] = 3, ["jt-pg"] = 3, ["ly-pg-op"] = 3, ["xc-line"] = 3, ["wh-op"] = 3, ["xc-trad-op"] = 3,
        ["ha-op"] = 2, ["ma-auto-op"] = 2, ["ly-cell-op"] = 2, ["cz-pv-op"] = 2, ["ma-steel-op"] = 2, ["wh-assembly"] = 2,
        ["cz-cnc"] = 1, ["cz-sorter"] = 1,
        ["xc-assembly"] = 2, ["ma-trad-cnc"] = 1, ["wh-porter"] = 1,
    };

    private static readonly Dictionary<string, int> Inspector = new()
    {
        ["cz-qc"] = 3, ["nj-qc"] = 3, ["cz-trad-qc"] = 3, ["ly-cell-qc"] = 3,
        ["wh-qe"] = 1, ["zj-sqe"] = 1, ["ma-lab"] = 1,
    };

    private static readonly Dictionary<string, int> Electrician = new()
    {
        ["zj-elec"] = 3, ["ma-elec"] = 3, ["ha-trad-elec"] = 3,
        ["nj-elec-eng"] = 1, ["ma-charging"] = 1,
        ["nj-hv-elec"] = 3,
    };

    private static readonly Dictionary<string, int> Welder = new()
    {
        ["ma-welder"] = 3, ["cz-welder"] = 3, ["wh-weld"] = 3, ["ma-trad-weld"] = 3,
        ["yz-weld-proc"] = 1,
    };

    private static readonly Dictionary<string, int> Forklift = new()
    {
        ["ha-forklift"] = 3, ["nj-forklift"] = 3, ["wh-forklift-wh"] = 3, ["cz-trad-forklift"] = 3,
        ["nj-warehouse"] = 1,
    };

    private static readonly Dictionary<string, int> Cnc = new()
    {
        ["cz-cnc"] = 3, ["zj-cnc"] = 3, ["jt-cnc-prog"] = 3,
        ["ma-trad-cnc"] = 3,
    };

    private static readonly Dictionary<string, int> ECommerceOps = new()
    {
        ["nj-ec-ops"] = 3, ["yz-ec"] = 3, ["zj-trad-ec"] = 3,
        ["wh-live"] = 2, ["ha-cross-ec"] = 2,
        ["cz-ec-cs"] = 1, ["xc-designer"] = 1, ["ly-anchor"] = 1,
        ["yz-newmedia"] = 1,
    };

    private static readonly Dictionary<string, int> DataAnalysis = new()
    {
        ["nj-pydata"] = 3, ["yz-da"] = 3, ["wh-trad-da"] = 3,
        ["nj-algo"] = 1,
        ["nj-da-weekend"] = 3, ["zj-da"] = 3, ["ha-da"] = 3, ["nj-da-intern"] = 2, ["ma-bi-analyst"] = 2,
        ["nj-bi-eng"] = 1, ["yz-dataviz"] = 1, ["wh-bi-dev"] = 1,
    };

    private static readonly Dictionary<string, int> Operations = new()
    {
        ["nj-ops"] = 3, ["ha-ops"] = 3, ["nj-trad-ops"] = 3,
        ["nj-trad-dba"] = 1, ["zj-trad-net"] = 1, ["xc-pv-om"] = 1,
        ["nj-net"] = 1,
    };

    private static readonly Dictionary<string, int> WarehouseKeeper = new()
    {
        ["nj-warehouse"] = 3, ["xc-trad-log"] = 3,
        ["ma-cold"] = 1, ["jt-logistics"] = 1,
        ["ha-wh-keeper"] = 3,
    };

    private static readonly Dictionary<string, int> BatteryProcess = new()
    {
        ["jt-cell-proc"] = 3, ["ly-cell-proc"] = 3,
        ["ly-cell-op"] = 1, ["ly-cell-qc"] = 1,
    };

    public static IReadOnlyList<JudgedQuery> All { get; } =
    [
        // ---- Simplified ----
        Q(QueryKind.Simplified, "会计", Accounting),
        Q(QueryKind.Simplified, "会计助理", new()
        {
            ["nj-acct-asst"] = 3, ["wh-acct-asst"] = 3, ["xc-fin-spec"] = 2,
            ["ma-acct"] = 1, ["cz-acct"] = 1, ["jt-trad-acct"] = 1, ["ma-cashier"] = 1, ["yz-cashier"] = 1, ["ly-trad-cashier"] = 1,
            ["nj-acct-benefits"] = 1,
        }),
        Q(QueryKind.Simplified, "审计", new() { ["nj-audit"] = 3, ["zj-fin-mgr"] = 1, ["nj-acct-gl"] = 1, ["ma-acct"] = 1 }),
        Q(QueryKind.Simplified, "前端开发", FrontEnd),
        Q(QueryKind.Simplified, "后端开发", new()
        {
            ["nj-go-be"] = 3, ["wh-java-be"] = 3, ["yz-pyback"] = 3, ["nj-java"] = 3, ["yz-java"] = 3,
            ["nj-java-senior"] = 2, ["ma-java"] = 2, ["nj-trad-sw"] = 2, ["nj-csharp"] = 2, ["wh-dotnet"] = 2,
            ["nj-node"] = 1, ["yz-trad-prog"] = 1, ["nj-java-intern"] = 1,
        }),
        Q(QueryKind.Simplified, "软件工程师", SoftwareEngineer),
        Q(QueryKind.Simplified, "数据分析", DataAnalysis),
        Q(QueryKind.Simplified, "运维工程师", Operations),
        Q(QueryKind.Simplified, "软件测试", new() { ["nj-test"] = 3, ["zj-autotest"] = 3, ["ha-trad-test"] = 3, ["nj-sdet"] = 2 }),
        Q(QueryKind.Simplified, "产品经理", new() { ["nj-pm"] = 3, ["ha-pm-asst"] = 2 }),
        Q(QueryKind.Simplified, "算法工程师", new() { ["nj-algo"] = 3, ["nj-rec-algo"] = 3 }),
        Q(QueryKind.Simplified, "护士", Nurse),
        Q(QueryKind.Simplified, "药剂师", Pharmacist),
        Q(QueryKind.Simplified, "教师", Teacher),
        Q(QueryKind.Simplified, "英语老师", new()
        {
            ["yz-english"] = 3,
            ["nj-math-teacher"] = 1, ["ma-kinder"] = 1, ["wh-primary-teacher"] = 1, ["jt-physics"] = 1, ["ha-trad-teacher"] = 1,
        }),
        Q(QueryKind.Simplified, "普工", GeneralWorker),
        Q(QueryKind.Simplified, "质检员", Inspector),
        Q(QueryKind.Simplified, "电工", Electrician),
        Q(QueryKind.Simplified, "焊工", Welder),
        Q(QueryKind.Simplified, "叉车司机", Forklift),
        Q(QueryKind.Simplified, "电商运营", ECommerceOps),
        Q(QueryKind.Simplified, "光伏", new() { ["cz-pv-proc"] = 3, ["cz-pv-op"] = 3, ["xc-pv-om"] = 3 }),
        Q(QueryKind.Simplified, "电池工艺", BatteryProcess),
        Q(QueryKind.Simplified, "冶金", new() { ["ma-metal"] = 3, ["ma-rolling"] = 2, ["ma-furnace"] = 1 }),
        Q(QueryKind.Simplified, "汽车零部件", new()
        {
            ["wh-auto-proc"] = 3, ["ma-auto-op"] = 3, ["zj-sqe"] = 3, ["wh-qe"] = 3,
            ["wh-assembly"] = 2, ["yz-stamp"] = 2, ["yz-weld-proc"] = 2, ["nj-embedded-auto"] = 2, ["wh-pg"] = 2,
            ["cz-inject"] = 1, ["ha-auto-repair"] = 1, ["wh-sales-mgr"] = 1,
        }),
        Q(QueryKind.Simplified, "仓库管理员", WarehouseKeeper),

        // ---- Traditional ----
        Q(QueryKind.Traditional, "軟體工程師", SoftwareEngineer),
        Q(QueryKind.Traditional, "程式設計師", SoftwareEngineer, "Taiwan for 程序员"),
        Q(QueryKind.Traditional, "會計", Accounting),
        Q(QueryKind.Traditional, "護士", Nurse),
        Q(QueryKind.Traditional, "藥師", Pharmacist),
        Q(QueryKind.Traditional, "資料庫", new()
        {
            ["nj-trad-dba"] = 3,
            ["nj-trad-sw"] = 1, ["yz-java"] = 1, ["yz-pyback"] = 1, ["ha-ops"] = 1,
        }),
        Q(QueryKind.Traditional, "資料分析", DataAnalysis),
        Q(QueryKind.Traditional, "網路工程師", new() { ["zj-trad-net"] = 3, ["nj-trad-ops"] = 1, ["nj-net"] = 3, ["ha-netsec"] = 1 }),
        Q(QueryKind.Traditional, "伺服器 維運", new()
        {
            ["nj-trad-ops"] = 3, ["nj-ops"] = 3, ["ha-ops"] = 3,
            ["nj-trad-dba"] = 1, ["zj-trad-net"] = 1, ["nj-net"] = 1,
        }),
        Q(QueryKind.Traditional, "電商營運", ECommerceOps),
        Q(QueryKind.Traditional, "品檢員", Inspector),
        Q(QueryKind.Traditional, "作業員", GeneralWorker, "Taiwan for 操作工/普工"),

        // ---- Pinyin ----
        Q(QueryKind.Pinyin, "nanjing java", new()
        {
            ["nj-java"] = 3, ["nj-java-senior"] = 3,
            ["nj-java-intern"] = 2, ["nj-trad-sw"] = 2,
            ["nj-java-trainer"] = 1, ["nj-go-be"] = 1,
        }),
        Q(QueryKind.Pinyin, "kuaiji", Accounting),
        Q(QueryKind.Pinyin, "chuna", Cashier),
        Q(QueryKind.Pinyin, "rjgcs", SoftwareEngineer, "initials of 软件工程师"),
        Q(QueryKind.Pinyin, "hushi", Nurse),
        Q(QueryKind.Pinyin, "qianduan", FrontEnd),
        Q(QueryKind.Pinyin, "yaojishi", Pharmacist),
        Q(QueryKind.Pinyin, "hangong", Welder),
        Q(QueryKind.Pinyin, "wuhu pugong", new() { ["wh-pg"] = 3, ["wh-op"] = 3, ["wh-assembly"] = 2, ["wh-porter"] = 1 }),

        // ---- English mixed ----
        Q(QueryKind.EnglishMixed, "Java开发", JavaDeveloper),
        Q(QueryKind.EnglishMixed, "java", JavaDeveloper, "JavaScript is a different job"),
        Q(QueryKind.EnglishMixed, "C#工程师", new() { ["nj-csharp"] = 3, ["wh-dotnet"] = 3, ["cz-csharp-upper"] = 3, ["xc-sw-dev"] = 2 }),
        Q(QueryKind.EnglishMixed, ".NET", new() { ["nj-csharp"] = 3, ["wh-dotnet"] = 3, ["cz-csharp-upper"] = 2, ["xc-sw-dev"] = 1 }),
        Q(QueryKind.EnglishMixed, "node.js", new() { ["nj-node"] = 3, ["nj-js"] = 1 }),
        Q(QueryKind.EnglishMixed, "Python数据分析", new()
        {
            ["nj-pydata"] = 3, ["wh-trad-da"] = 3, ["yz-da"] = 2, ["nj-algo"] = 1,
            ["nj-da-weekend"] = 2, ["zj-da"] = 1, ["nj-da-intern"] = 1, ["ma-bi-analyst"] = 1,
        }),
        Q(QueryKind.EnglishMixed, "CNC操作工", new() { ["cz-cnc"] = 3, ["zj-cnc"] = 3, ["jt-cnc-prog"] = 1, ["ma-trad-cnc"] = 3 }),
        Q(QueryKind.EnglishMixed, "BMS软件", new() { ["jt-bms"] = 3, ["nj-storage"] = 1, ["nj-embedded-auto"] = 1 }),
        Q(QueryKind.EnglishMixed, "Vue前端", new()
        {
            ["nj-fe"] = 3, ["zj-fe"] = 3, ["nj-trad-fe"] = 3,
            ["nj-js"] = 2,
            ["wh-fe-react"] = 1, ["nj-node"] = 1,
        }),

        // ---- Synonyms (src/Search/Data/vocabulary.txt) ----
        Q(QueryKind.Synonym, "程序员", SoftwareEngineer),
        Q(QueryKind.Synonym, "财务", FinanceBroad),
        Q(QueryKind.Synonym, "操作工", GeneralWorker),
        Q(QueryKind.Synonym, "JS", new()
        {
            ["nj-js"] = 3,
            ["nj-fe"] = 2, ["zj-fe"] = 2, ["wh-fe-react"] = 2, ["nj-trad-fe"] = 2, ["nj-node"] = 2,
        }),
        Q(QueryKind.Synonym, "护理", new()
        {
            ["nj-nurse"] = 3, ["yz-nurse"] = 3, ["ha-nurse-fresh"] = 3, ["zj-trad-nurse"] = 3, ["yz-trad-nurse"] = 3,
            ["ly-caregiver"] = 2,
        }),
        Q(QueryKind.Synonym, "老师", Teacher),
        Q(QueryKind.Synonym, "电焊工", Welder),
        Q(QueryKind.Synonym, "叉车工", Forklift),
        Q(QueryKind.Synonym, "数控", Cnc),
        Q(QueryKind.Synonym, "品检", Inspector),
        Q(QueryKind.Synonym, "仓管", WarehouseKeeper),

        // ---- Stray spaces ----
        Q(QueryKind.Spacing, "java 开 发", JavaDeveloper),
        Q(QueryKind.Spacing, "软件 工程师", SoftwareEngineer),
        Q(QueryKind.Spacing, "前 端", FrontEnd),
        Q(QueryKind.Spacing, "会 计", Accounting),
        Q(QueryKind.Spacing, "电 商 运 营", ECommerceOps),
        Q(QueryKind.Spacing, "质检 员", Inspector),

        // ---- City in the query (becomes a filter; other cities are not wanted) ----
        Q(QueryKind.City, "马鞍山 会计", new() { ["ma-acct"] = 3, ["ma-cashier"] = 1 }),
        Q(QueryKind.City, "芜湖 普工", new() { ["wh-pg"] = 3, ["wh-op"] = 3, ["wh-assembly"] = 2, ["wh-porter"] = 1 }),
        Q(QueryKind.City, "扬州 护士", new() { ["yz-nurse"] = 3, ["yz-trad-nurse"] = 3 }),
        Q(QueryKind.City, "滁州 焊工", new() { ["cz-welder"] = 3 }),
        Q(QueryKind.City, "溧阳 电池", new() { ["ly-cell-proc"] = 3, ["ly-cell-op"] = 3, ["ly-cell-qc"] = 3 }),
        Q(QueryKind.City, "金坛 CNC", new() { ["jt-cnc-prog"] = 3 }),
        Q(QueryKind.City, "镇江 电工", new() { ["zj-elec"] = 3 }),

        // ---- Phrases and exclusions ----
        Q(QueryKind.PhraseExclusion, "\"Spring Boot\"", new()
        {
            ["nj-java"] = 3, ["yz-java"] = 3, ["ma-java"] = 3, ["wh-java-be"] = 3,
            ["nj-java-intern"] = 2, ["nj-java-trainer"] = 2,
            ["nj-java-senior"] = 1, ["yz-trad-prog"] = 1,
        }),
        Q(QueryKind.PhraseExclusion, "\"电池工艺\"", BatteryProcess),
        Q(QueryKind.PhraseExclusion, "会计 -助理", new()
        {
            ["ma-acct"] = 3, ["cz-acct"] = 3, ["nj-acct-gl"] = 3, ["wh-cost-acct"] = 3, ["ha-tax-acct"] = 3, ["jt-trad-acct"] = 3,
            ["xc-fin-spec"] = 1, ["zj-fin-mgr"] = 1, ["nj-audit"] = 1, ["ma-cashier"] = 1, ["yz-cashier"] = 1, ["ly-trad-cashier"] = 1,
            ["nj-acct-benefits"] = 3,
        }),
        Q(QueryKind.PhraseExclusion, "前端 -react", new()
        {
            ["nj-fe"] = 3, ["zj-fe"] = 3, ["nj-trad-fe"] = 3,
            ["nj-js"] = 1,
        }),
        Q(QueryKind.PhraseExclusion, "开发工程师 -java", new()
        {
            ["nj-fe"] = 3, ["nj-js"] = 3, ["nj-csharp"] = 3, ["cz-csharp-upper"] = 3, ["ly-cpp"] = 3,
            ["nj-go-be"] = 2, ["wh-dotnet"] = 2, ["zj-sw"] = 2, ["cz-embedded"] = 2, ["nj-node"] = 2, ["yz-pyback"] = 2, ["jt-bms"] = 2,
            ["nj-embedded-auto"] = 2, ["wh-fe-react"] = 2, ["zj-fe"] = 2, ["nj-trad-fe"] = 2,
            ["xc-sw-dev"] = 1, ["wh-bi-dev"] = 1,
        }),

        ..Grown(),
    ];

    private static JudgedQuery Q(QueryKind kind, string text, Dictionary<string, int> judgments, string note = "") =>
        new(kind, text, judgments, note);
}
