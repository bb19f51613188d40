namespace Jobs.Tests.Search.Relevance;

/// <summary>
/// Queries added when the set grew (issue 17): worker and graduate sentences, blue-collar titles, slang, salary and
/// benefit phrases, Taiwan wording. They were judged from what the seeker means before the engine was run on them.
/// A condition in the query (双休, 包吃住, 不加班, 月薪8000以上) is part of what the seeker means: a posting that states it
/// keeps the job's grade, one that says nothing about it loses one grade, and one that states the opposite (大小周,
/// 单休, 两班倒, 旺季加班, pay below the asked amount) keeps at most 1.
/// </summary>
public static partial class RelevanceQueries
{
    // Judgment sets are built inside the method, not as static fields: the partial halves of a static class have no
    // defined order of field initialisation, and All (in the other half) calls this while it is being initialised.
    private static JudgedQuery[] Grown()
    {
        var dataAnalysisWeekend = new Dictionary<string, int>
        {
            ["nj-da-weekend"] = 3,
            ["nj-da-intern"] = 2, ["nj-pydata"] = 2, ["yz-da"] = 2, ["wh-trad-da"] = 2,
            ["zj-da"] = 1, ["ha-da"] = 1, ["ma-bi-analyst"] = 1, ["nj-bi-eng"] = 1,
        };
        var bi = new Dictionary<string, int>
        {
            ["nj-bi-eng"] = 3, ["wh-bi-dev"] = 3,
            ["yz-dataviz"] = 2, ["ma-bi-analyst"] = 2,
            ["yz-da"] = 1, ["nj-pydata"] = 1, ["wh-trad-da"] = 1, ["nj-da-weekend"] = 1,
        };
        var productManager = new Dictionary<string, int> { ["nj-pm"] = 3, ["ha-pm-asst"] = 2 };
        var hr = new Dictionary<string, int> { ["nj-hrbp"] = 3, ["wh-hr"] = 3, ["ly-trad-hr"] = 3 };
        var operationsAll = new Dictionary<string, int>
        {
            ["nj-ec-ops"] = 3, ["yz-ec"] = 3, ["zj-trad-ec"] = 3, ["nj-user-ops"] = 3, ["yz-newmedia"] = 3, ["wh-live"] = 3, ["ha-cross-ec"] = 3,
            ["ly-anchor"] = 1, ["xc-designer"] = 1,
        };
        var customerService = new Dictionary<string, int> { ["ha-cs"] = 3, ["wh-phone-cs"] = 3, ["cz-ec-cs"] = 3 };
        var guard = new Dictionary<string, int> { ["nj-guard"] = 3, ["yz-guard"] = 3, ["zj-trad-guard"] = 3 };
        var cleaner = new Dictionary<string, int> { ["nj-cleaner"] = 3, ["ma-cleaner"] = 3, ["yz-trad-clean"] = 3 };
        var cook = new Dictionary<string, int> { ["wh-cook"] = 3, ["yz-chef"] = 3, ["cz-trad-cook"] = 3 };
        var courier = new Dictionary<string, int>
        {
            ["yz-courier"] = 3, ["nj-courier"] = 3,
            ["nj-rider"] = 1, ["cz-rider"] = 1, ["ha-trad-rider"] = 1,
        };
        var rider = new Dictionary<string, int>
        {
            ["nj-rider"] = 3, ["cz-rider"] = 3, ["ha-trad-rider"] = 3,
            ["yz-courier"] = 1, ["nj-courier"] = 1,
        };
        var assembly = new Dictionary<string, int>
        {
            ["wh-assembly"] = 3, ["xc-assembly"] = 3,
            ["wh-pg"] = 2, ["cz-pg"] = 2, ["xc-line"] = 2, ["xc-trad-op"] = 2,
            ["ly-pg-op"] = 1,
        };
        var driver = new Dictionary<string, int>
        {
            ["nj-driver"] = 3, ["xc-trad-driver"] = 3, ["ha-truck"] = 3,
            ["ha-forklift"] = 1, ["nj-forklift"] = 1, ["wh-forklift-wh"] = 1, ["cz-trad-forklift"] = 1,
        };
        var truckDriver = new Dictionary<string, int> { ["ha-truck"] = 3, ["xc-trad-driver"] = 3, ["nj-driver"] = 1 };
        var salesManager = new Dictionary<string, int>
        {
            ["nj-sales-mgr"] = 3, ["wh-sales-mgr"] = 3, ["yz-trad-sales-mgr"] = 3,
            ["nj-steel-sales"] = 1, ["wh-trad-sales"] = 1, ["yz-insurance"] = 1,
        };
        var network = new Dictionary<string, int>
        {
            ["nj-net"] = 3, ["zj-trad-net"] = 3,
            ["ha-netsec"] = 1, ["nj-trad-ops"] = 1,
        };
        var accountingWithBenefit = new Dictionary<string, int>
        {
            ["nj-acct-benefits"] = 3,
            ["ma-acct"] = 2, ["cz-acct"] = 2, ["nj-acct-gl"] = 2, ["wh-cost-acct"] = 2, ["ha-tax-acct"] = 2, ["jt-trad-acct"] = 2,
            ["nj-acct-asst"] = 1, ["wh-acct-asst"] = 1, ["xc-fin-spec"] = 1,
        };
        var factoryWithBoard = new Dictionary<string, int>
        {
            ["cz-pg"] = 3, ["wh-pg"] = 3, ["jt-pg"] = 3, ["xc-line"] = 3, ["wh-op"] = 3,
            ["ly-pg-op"] = 2, ["xc-trad-op"] = 2, ["ha-op"] = 2, ["ma-auto-op"] = 2, ["ly-cell-op"] = 2, ["cz-pv-op"] = 2,
            ["ma-steel-op"] = 1, ["wh-assembly"] = 1, ["xc-assembly"] = 1, ["ma-trad-cnc"] = 1, ["wh-porter"] = 1,
        };
        var warehouseWeekend = new Dictionary<string, int>
        {
            ["ha-wh-keeper"] = 3,
            ["nj-warehouse"] = 2, ["xc-trad-log"] = 2,
        };
        var cookWithBoard = new Dictionary<string, int> { ["wh-cook"] = 3, ["yz-chef"] = 3, ["cz-trad-cook"] = 2 };
        var clerkNoOvertime = new Dictionary<string, int> { ["nj-clerk"] = 3, ["ha-clerk"] = 1 };

        return
        [
            // ---- More plain Simplified: the two dead ends measured on the demo postings ----
            Q(QueryKind.Simplified, "销售经理", salesManager),
            Q(QueryKind.Simplified, "网络工程师", network),

            // ---- Whole sentences, worker side and graduate side ----
            Q(QueryKind.LongSentence, "没有工作经验，想进工厂做普工，最好包吃住", new()
            {
                ["cz-pg"] = 3, ["wh-pg"] = 3, ["jt-pg"] = 3, ["xc-line"] = 3, ["wh-op"] = 3,
                ["ha-op"] = 3, ["ma-auto-op"] = 3, ["ly-cell-op"] = 3, ["cz-pv-op"] = 3,
                ["ly-pg-op"] = 2, ["xc-trad-op"] = 2, ["xc-assembly"] = 2, ["ma-steel-op"] = 2, ["wh-assembly"] = 2, ["ma-trad-cnc"] = 2,
                ["cz-cnc"] = 1, ["cz-sorter"] = 1, ["wh-porter"] = 1,
            }),
            Q(QueryKind.LongSentence, "应届生想找南京的数据分析工作", new()
            {
                ["nj-da-weekend"] = 3,
                ["nj-da-intern"] = 2, ["nj-pydata"] = 2,
                ["nj-bi-eng"] = 1,
            }),
            Q(QueryKind.LongSentence, "有没有双休的仓库管理员岗位", warehouseWeekend),
            Q(QueryKind.LongSentence, "我会开叉车，想在芜湖找份工作", new() { ["wh-forklift-wh"] = 3, ["wh-porter"] = 1 }),
            Q(QueryKind.LongSentence, "想找一份不加班的文员工作", clerkNoOvertime),
            Q(QueryKind.LongSentence, "计算机专业应届毕业生，想找Java开发", new()
            {
                ["nj-java-intern"] = 3,
                ["nj-java"] = 2, ["ma-java"] = 2, ["wh-java-be"] = 2, ["yz-java"] = 2, ["yz-trad-prog"] = 2,
                ["nj-trad-sw"] = 1, ["xc-sw-dev"] = 1, ["nj-java-senior"] = 1,
            }),
            Q(QueryKind.LongSentence, "护理专业刚毕业，想去医院当护士", new()
            {
                ["ha-nurse-fresh"] = 3, ["zj-trad-nurse"] = 3,
                ["nj-nurse"] = 2, ["yz-nurse"] = 2, ["yz-trad-nurse"] = 2,
            }),
            Q(QueryKind.LongSentence, "想做电焊，有焊工证，马鞍山附近", new()
            {
                ["ma-welder"] = 3, ["ma-trad-weld"] = 3,
                ["cz-welder"] = 1, ["wh-weld"] = 1,
            }),
            Q(QueryKind.LongSentence, "会计专业毕业，想找出纳或者会计助理的工作", new()
            {
                ["ma-cashier"] = 3, ["yz-cashier"] = 3, ["ly-trad-cashier"] = 3, ["nj-acct-asst"] = 3, ["wh-acct-asst"] = 3,
                ["xc-fin-spec"] = 2,
                ["ma-acct"] = 1, ["cz-acct"] = 1, ["jt-trad-acct"] = 1, ["nj-acct-benefits"] = 1,
            }),
            Q(QueryKind.LongSentence, "在扬州找个送快递的活", new() { ["yz-courier"] = 3 }),
            Q(QueryKind.LongSentence, "退伍军人想找保安工作", guard),
            Q(QueryKind.LongSentence, "想学数控，没有经验可以培训的那种", new()
            {
                ["cz-cnc"] = 3,
                ["ma-trad-cnc"] = 2,
                ["zj-cnc"] = 1, ["jt-cnc-prog"] = 1,
            }),
            Q(QueryKind.LongSentence, "研究生毕业，想做计算机视觉算法", new() { ["nj-algo"] = 3, ["nj-rec-algo"] = 1 }),
            Q(QueryKind.LongSentence, "刚毕业想找产品助理的工作", new() { ["ha-pm-asst"] = 3, ["nj-pm"] = 1 }),
            Q(QueryKind.LongSentence, "找个厨师的工作，最好包吃住", cookWithBoard),
            Q(QueryKind.LongSentence, "想找个送外卖的工作，时间自由", new()
            {
                ["nj-rider"] = 3, ["ha-trad-rider"] = 3,
                ["cz-rider"] = 2,
                ["yz-courier"] = 1, ["nj-courier"] = 1,
            }),
            Q(QueryKind.LongSentence, "本科，三年Java开发经验，想在南京找工作", new()
            {
                ["nj-java"] = 3,
                ["nj-java-senior"] = 2, ["nj-trad-sw"] = 2,
                ["nj-java-trainer"] = 1, ["nj-go-be"] = 1,
            }),
            Q(QueryKind.LongSentence, "有电工证，想找个工资高点的电工", new()
            {
                ["nj-hv-elec"] = 3, ["ma-elec"] = 3,
                ["zj-elec"] = 2, ["ha-trad-elec"] = 2,
                ["nj-elec-eng"] = 1, ["ma-charging"] = 1,
            }),
            Q(QueryKind.LongSentence, "我在淮安，想找个仓库或者物流的工作", new()
            {
                ["ha-wh-keeper"] = 3,
                ["ha-forklift"] = 2, ["ha-truck"] = 2,
            }),

            // ---- Blue-collar titles ----
            Q(QueryKind.BlueCollar, "保安", guard),
            Q(QueryKind.BlueCollar, "保洁", cleaner),
            Q(QueryKind.BlueCollar, "清洁工", cleaner),
            Q(QueryKind.BlueCollar, "厨师", cook),
            Q(QueryKind.BlueCollar, "快递员", courier),
            Q(QueryKind.BlueCollar, "外卖骑手", rider),
            Q(QueryKind.BlueCollar, "外卖", rider),
            Q(QueryKind.BlueCollar, "配送员", new()
            {
                ["nj-rider"] = 3, ["cz-rider"] = 3, ["ha-trad-rider"] = 3, ["yz-courier"] = 3, ["nj-courier"] = 3,
                ["ha-truck"] = 1, ["xc-trad-driver"] = 1,
            }),
            Q(QueryKind.BlueCollar, "装配工", assembly),
            Q(QueryKind.BlueCollar, "组装工", assembly),
            Q(QueryKind.BlueCollar, "司机", driver),
            Q(QueryKind.BlueCollar, "货车司机", truckDriver),
            Q(QueryKind.BlueCollar, "叉车", Forklift),
            Q(QueryKind.BlueCollar, "电焊", Welder),
            Q(QueryKind.BlueCollar, "搬运工", new() { ["wh-porter"] = 3, ["nj-forklift"] = 1, ["ly-pg-op"] = 1, ["cz-sorter"] = 1 }),
            Q(QueryKind.BlueCollar, "包装工", new() { ["ha-op"] = 3, ["xc-trad-op"] = 2, ["xc-assembly"] = 1, ["cz-sorter"] = 1 }),
            Q(QueryKind.BlueCollar, "注塑工", new() { ["wh-op"] = 3, ["cz-inject"] = 2 }),
            Q(QueryKind.BlueCollar, "机修工", new() { ["ly-mech"] = 3, ["ma-elec"] = 1, ["ha-auto-repair"] = 1 }),
            Q(QueryKind.BlueCollar, "天车工", new() { ["ma-crane"] = 3 }),
            Q(QueryKind.BlueCollar, "炉前工", new() { ["ma-furnace"] = 3, ["ma-steel-op"] = 1 }),
            Q(QueryKind.BlueCollar, "分拣员", new() { ["cz-sorter"] = 3 }),
            Q(QueryKind.BlueCollar, "流水线", new()
            {
                ["xc-line"] = 3, ["cz-pg"] = 3, ["wh-pg"] = 3,
                ["ha-op"] = 2, ["ma-auto-op"] = 2, ["xc-trad-op"] = 2, ["wh-assembly"] = 2, ["jt-pg"] = 2, ["ly-pg-op"] = 2, ["wh-op"] = 2,
                ["xc-assembly"] = 2,
                ["ly-cell-op"] = 1, ["cz-pv-op"] = 1, ["ma-steel-op"] = 1,
            }),
            Q(QueryKind.BlueCollar, "高压电工", new() { ["nj-hv-elec"] = 3, ["zj-elec"] = 2, ["ma-elec"] = 1, ["ha-trad-elec"] = 1 }),

            // ---- Slang and abbreviations (src/Search/Data/vocabulary.txt) ----
            Q(QueryKind.Slang, "数分", DataAnalysis, "数据分析"),
            Q(QueryKind.Slang, "产品汪", productManager, "产品经理"),
            Q(QueryKind.Slang, "产品狗", productManager, "产品经理"),
            Q(QueryKind.Slang, "前端er", FrontEnd),
            Q(QueryKind.Slang, "程序猿", SoftwareEngineer),
            Q(QueryKind.Slang, "攻城狮", SoftwareEngineer, "程序员"),
            Q(QueryKind.Slang, "程序媛", SoftwareEngineer),
            Q(QueryKind.Slang, "码农", SoftwareEngineer),
            Q(QueryKind.Slang, "运营喵", operationsAll),
            Q(QueryKind.Slang, "BI 工程师", bi),
            Q(QueryKind.Slang, "BI", bi),
            Q(QueryKind.Slang, "数仓", new() { ["wh-bi-dev"] = 3, ["nj-bi-eng"] = 2 }, "数据仓库"),
            Q(QueryKind.Slang, "HRBP", new() { ["nj-hrbp"] = 3, ["wh-hr"] = 1, ["ly-trad-hr"] = 1 }),
            Q(QueryKind.Slang, "HR", hr),
            Q(QueryKind.Slang, "测开", new() { ["nj-sdet"] = 3, ["zj-autotest"] = 2, ["nj-test"] = 1, ["ha-trad-test"] = 1 }, "测试开发"),
            Q(QueryKind.Slang, "算法岗", new() { ["nj-algo"] = 3, ["nj-rec-algo"] = 3 }),
            Q(QueryKind.Slang, "客服mm", customerService),
            Q(QueryKind.Slang, "快递小哥", courier),
            Q(QueryKind.Slang, "外卖小哥", rider),

            // ---- A job with a salary or benefit condition ----
            Q(QueryKind.SalaryBenefit, "数据分析 双休", dataAnalysisWeekend),
            Q(QueryKind.SalaryBenefit, "8k以上 数据分析", new()
            {
                ["nj-da-weekend"] = 3, ["nj-pydata"] = 3, ["wh-trad-da"] = 3,
                ["yz-da"] = 2, ["zj-da"] = 2, ["ma-bi-analyst"] = 2,
                ["ha-da"] = 1, ["nj-bi-eng"] = 1, ["yz-dataviz"] = 1, ["wh-bi-dev"] = 1, ["nj-algo"] = 1,
            }),
            Q(QueryKind.SalaryBenefit, "五险一金 会计", accountingWithBenefit),
            Q(QueryKind.SalaryBenefit, "包吃住 普工", factoryWithBoard),
            Q(QueryKind.SalaryBenefit, "长白班 普工", new()
            {
                ["wh-pg"] = 3, ["xc-line"] = 3,
                ["ha-op"] = 2, ["cz-pg"] = 2, ["ly-pg-op"] = 2, ["xc-assembly"] = 2,
                ["jt-pg"] = 1, ["wh-op"] = 1, ["xc-trad-op"] = 1, ["ma-auto-op"] = 1, ["ly-cell-op"] = 1, ["cz-pv-op"] = 1,
                ["ma-steel-op"] = 1, ["wh-assembly"] = 1,
            }),
            Q(QueryKind.SalaryBenefit, "月薪8000以上 电工", new()
            {
                ["nj-hv-elec"] = 3, ["ma-elec"] = 3,
                ["zj-elec"] = 2,
                ["ha-trad-elec"] = 1, ["nj-elec-eng"] = 1, ["ma-charging"] = 1,
            }),
            Q(QueryKind.SalaryBenefit, "不加班 文员", clerkNoOvertime),
            Q(QueryKind.SalaryBenefit, "周末双休 java", new()
            {
                ["nj-java"] = 3,
                ["nj-java-senior"] = 2, ["ma-java"] = 2, ["wh-java-be"] = 2, ["yz-java"] = 2, ["yz-trad-prog"] = 2,
                ["nj-trad-sw"] = 1, ["nj-java-intern"] = 1, ["xc-sw-dev"] = 1,
            }),
            Q(QueryKind.SalaryBenefit, "月薪1万以上 java", new()
            {
                ["nj-java"] = 3, ["nj-java-senior"] = 3, ["wh-java-be"] = 3, ["yz-java"] = 3,
                ["ma-java"] = 2, ["yz-trad-prog"] = 2, ["nj-trad-sw"] = 2,
                ["xc-sw-dev"] = 1, ["nj-java-trainer"] = 1, ["nj-go-be"] = 1,
            }),
            Q(QueryKind.SalaryBenefit, "包住 保安", guard),
            Q(QueryKind.SalaryBenefit, "包吃住 厨师", cookWithBoard),
            Q(QueryKind.SalaryBenefit, "周末双休 仓库管理员", warehouseWeekend),
            Q(QueryKind.SalaryBenefit, "底薪加提成 销售", new()
            {
                ["nj-sales-mgr"] = 3, ["yz-insurance"] = 3,
                ["nj-steel-sales"] = 2, ["wh-sales-mgr"] = 2, ["yz-trad-sales-mgr"] = 2, ["wh-trad-sales"] = 2,
                ["zj-course"] = 1,
            }),
            Q(QueryKind.SalaryBenefit, "五险一金 双休 网络工程师", new() { ["nj-net"] = 3, ["zj-trad-net"] = 2 }),
            Q(QueryKind.SalaryBenefit, "日结 外卖", new() { ["nj-rider"] = 3, ["cz-rider"] = 2, ["ha-trad-rider"] = 2 }),

            // ---- Taiwan wording ----
            Q(QueryKind.Traditional, "會計 職缺", Accounting, "職缺 = 职位"),
            Q(QueryKind.Traditional, "工程師 資料分析", DataAnalysis),
            Q(QueryKind.Traditional, "業務", new()
            {
                ["nj-steel-sales"] = 3, ["wh-trad-sales"] = 3,
                ["yz-insurance"] = 2, ["nj-sales-mgr"] = 2, ["wh-sales-mgr"] = 2, ["yz-trad-sales-mgr"] = 2,
                ["zj-course"] = 1,
            }, "業務 = 销售"),
            Q(QueryKind.Traditional, "業務經理", salesManager, "销售经理"),
            Q(QueryKind.Traditional, "網路管理", network),
            Q(QueryKind.Traditional, "堆高機", Forklift, "叉车"),
            Q(QueryKind.Traditional, "保全", guard, "保安"),
            Q(QueryKind.Traditional, "清潔人員", cleaner, "保洁"),
            Q(QueryKind.Traditional, "廚師", cook),
            Q(QueryKind.Traditional, "人資", hr, "人力资源"),
            Q(QueryKind.Traditional, "外送員", rider, "外卖骑手"),
            Q(QueryKind.Traditional, "作業員 供膳宿", factoryWithBoard, "普工 包吃住"),
            Q(QueryKind.Traditional, "機台操作員", new()
            {
                ["ma-trad-cnc"] = 3, ["cz-cnc"] = 3, ["zj-cnc"] = 3,
                ["wh-op"] = 2,
                ["jt-cnc-prog"] = 1, ["ma-auto-op"] = 1, ["ly-cell-op"] = 1,
            }, "设备操作工"),
            Q(QueryKind.Traditional, "週休二日 會計", accountingWithBenefit, "双休 会计"),
            Q(QueryKind.Traditional, "物流司機", new() { ["xc-trad-driver"] = 3, ["ha-truck"] = 3, ["nj-driver"] = 1 }),
            Q(QueryKind.Traditional, "資料視覺化", new()
            {
                ["yz-dataviz"] = 3,
                ["nj-bi-eng"] = 2,
                ["wh-bi-dev"] = 1, ["ma-bi-analyst"] = 1, ["nj-fe"] = 1,
            }, "数据可视化"),
        ];
    }
}
