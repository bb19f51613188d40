using Jobs.Core.Common;

namespace Jobs.Core.Demo;

/// <summary>Kinds of work that share the sentences of 岗位职责 and 任职要求.</summary>
internal enum JobFamily
{
    Development,
    Testing,
    Operations,
    Data,
    Product,
    Design,
    Support,
    Engineering,
    Electronics,
    Research,
    Process,
    Quality,
    Inspection,
    ShopFloor,
    Trade,
    Maintenance,
    Warehouse,
    Driving,
    LogisticsOffice,
    Nursing,
    Medical,
    Pharmacy,
    Teaching,
    Sales,
    Finance,
    Ecommerce,
    Livestream,
    Service,
    Store,
    HumanResources,
    Construction,
    Safety,
    Management,
    Facility,
    Writing,
}

/// <param name="MajorHint">Fields named in the education requirement (计算机、软件工程等相关专业); empty to name none.</param>
/// <param name="Blue">Blue-collar work: shift sentences, shop-floor benefits, larger headcounts, little pay spread.</param>
internal sealed record DemoFamilyText(JobFamily Family, string[] Duties, string[] Requirements, string MajorHint, bool Blue);

/// <param name="SalaryMin">Nanjing monthly pay in CNY for the typical experience; other cities scale it down.</param>
internal sealed record DemoJobTitle(
    string Title,
    JobFamily Family,
    int SalaryMin,
    int SalaryMax,
    EducationLevel Education,
    ExperienceLevel Experience,
    string[] Skills,
    int HeadcountMax);

/// <param name="CompanyWords">The 行业词 in a company name: 软件科技 in 南京云启软件科技有限公司.</param>
/// <param name="Business">What a company of the category does, as in 是一家专注于{Business}的企业.</param>
internal sealed record DemoCategory(string Name, int EmployerWeight, DemoJobTitle[] Titles, string[] CompanyWords, string[] Business);

internal static partial class DemoCatalog
{
    private const EducationLevel AnyEdu = EducationLevel.Any;
    private const EducationLevel Secondary = EducationLevel.SecondaryVocational;
    private const EducationLevel High = EducationLevel.HighSchool;
    private const EducationLevel Associate = EducationLevel.Associate;
    private const EducationLevel Bachelor = EducationLevel.Bachelor;
    private const EducationLevel Master = EducationLevel.Master;

    private const ExperienceLevel AnyExp = ExperienceLevel.Any;
    private const ExperienceLevel Fresh = ExperienceLevel.FreshGraduate;
    private const ExperienceLevel UnderOne = ExperienceLevel.UnderOneYear;
    private const ExperienceLevel OneToThree = ExperienceLevel.OneToThreeYears;
    private const ExperienceLevel ThreeToFive = ExperienceLevel.ThreeToFiveYears;
    private const ExperienceLevel FiveToTen = ExperienceLevel.FiveToTenYears;

    private static DemoJobTitle J(string title, JobFamily family, int min, int max, EducationLevel education, ExperienceLevel experience, params string[] skills) =>
        new(title, family, min, max, education, experience, skills, DefaultHeadcount(family));

    private static DemoJobTitle J(int headcountMax, string title, JobFamily family, int min, int max, EducationLevel education, ExperienceLevel experience, params string[] skills) =>
        new(title, family, min, max, education, experience, skills, headcountMax);

    private static int DefaultHeadcount(JobFamily family) => family switch
    {
        JobFamily.ShopFloor => 50,
        JobFamily.Trade or JobFamily.Inspection or JobFamily.Warehouse or JobFamily.Driving or JobFamily.Service or JobFamily.Facility => 15,
        JobFamily.Sales or JobFamily.Nursing or JobFamily.Livestream => 10,
        _ => 5,
    };

    public static readonly DemoCategory[] Categories =
    [
        new("软件/互联网", 14,
        [
            J("Java开发工程师", JobFamily.Development, 10000, 20000, Bachelor, OneToThree, "Java", "Spring Boot", "MySQL", "Redis", "Linux", "MyBatis", "Kafka", "微服务", "Git"),
            J("前端开发工程师", JobFamily.Development, 9000, 18000, Bachelor, OneToThree, "JavaScript", "TypeScript", "Vue", "React", "HTML/CSS", "Webpack", "小程序"),
            J(".NET开发工程师", JobFamily.Development, 9000, 17000, Bachelor, OneToThree, "C#", ".NET", "ASP.NET Core", "SQL Server", "Entity Framework", "Redis"),
            J("C++开发工程师", JobFamily.Development, 12000, 22000, Bachelor, ThreeToFive, "C++", "Linux", "Qt", "多线程", "网络编程", "数据结构"),
            J("Python开发工程师", JobFamily.Development, 10000, 18000, Bachelor, OneToThree, "Python", "Django", "Flask", "MySQL", "Linux", "Docker"),
            J("Android开发工程师", JobFamily.Development, 10000, 18000, Bachelor, OneToThree, "Kotlin", "Java", "Android SDK", "Jetpack", "Git"),
            J("测试工程师", JobFamily.Testing, 7000, 13000, Bachelor, OneToThree, "自动化测试", "Python", "Selenium", "JMeter", "Postman", "Linux", "MySQL"),
            J("运维工程师", JobFamily.Operations, 8000, 14000, Associate, OneToThree, "Linux", "Shell", "Docker", "Kubernetes", "Nginx", "Zabbix", "Prometheus"),
            J("数据分析师", JobFamily.Data, 9000, 16000, Bachelor, OneToThree, "SQL", "Python", "Excel", "Tableau", "Power BI", "统计学"),
            J("算法工程师", JobFamily.Data, 18000, 35000, Master, OneToThree, "Python", "PyTorch", "TensorFlow", "机器学习", "深度学习", "C++", "计算机视觉", "NLP"),
            J("大数据开发工程师", JobFamily.Data, 12000, 22000, Bachelor, OneToThree, "Hadoop", "Spark", "Flink", "Hive", "Kafka", "Java", "SQL"),
            J("产品经理", JobFamily.Product, 12000, 22000, Bachelor, ThreeToFive, "Axure", "需求分析", "原型设计", "用户研究", "数据分析", "Visio"),
            J("UI设计师", JobFamily.Design, 8000, 14000, Bachelor, OneToThree, "Figma", "Photoshop", "Sketch", "Illustrator", "交互设计"),
            J("实施工程师", JobFamily.Support, 6000, 10000, Associate, OneToThree, "SQL", "Oracle", "ERP", "Linux", "Office"),
            J("技术支持工程师", JobFamily.Support, 6000, 10000, Associate, UnderOne, "Linux", "TCP/IP", "Windows Server", "Office"),
            J("网络安全工程师", JobFamily.Operations, 12000, 20000, Bachelor, ThreeToFive, "渗透测试", "Kali Linux", "防火墙", "等保测评", "Python"),
        ],
        ["软件科技", "信息技术", "网络科技", "数据科技", "智能科技", "数字科技"],
        ["企业级软件研发与数字化转型服务", "智慧城市和政务信息化解决方案", "工业互联网平台及SaaS服务", "大数据分析与人工智能应用", "移动互联网产品研发与运营"]),

        new("汽车及零部件", 8,
        [
            J("汽车零部件设计工程师", JobFamily.Engineering, 10000, 18000, Bachelor, ThreeToFive, "CATIA", "UG/NX", "AutoCAD", "GD&T", "DFMEA"),
            J("质量工程师", JobFamily.Quality, 8000, 13000, Bachelor, OneToThree, "IATF 16949", "APQP", "PPAP", "FMEA", "SPC", "MSA", "8D"),
            J("工艺工程师", JobFamily.Process, 8000, 14000, Bachelor, OneToThree, "冲压工艺", "焊装工艺", "PFMEA", "精益生产", "AutoCAD"),
            J("汽车电子工程师", JobFamily.Electronics, 12000, 20000, Bachelor, OneToThree, "CAN总线", "AUTOSAR", "嵌入式C", "CANoe", "MATLAB/Simulink"),
            J("质检员", JobFamily.Inspection, 5000, 7000, High, AnyExp, "卡尺", "千分尺", "三坐标", "质量检验"),
            J("装配工", JobFamily.ShopFloor, 5000, 7500, AnyEdu, AnyExp),
            J("CNC操作员", JobFamily.Trade, 6000, 9000, Secondary, UnderOne, "CNC", "数控编程", "FANUC", "看图纸"),
            J("汽车维修技师", JobFamily.Trade, 6000, 10000, Secondary, OneToThree, "汽车诊断", "底盘维修", "汽车维修工证"),
            J("采购工程师", JobFamily.LogisticsOffice, 8000, 13000, Bachelor, OneToThree, "供应商管理", "SAP", "ERP", "成本分析", "Excel"),
        ],
        ["汽车零部件", "汽车部件", "精密机械", "汽车电子", "车身系统"],
        ["汽车底盘及车身结构件的研发与制造", "汽车内外饰件的设计与生产", "新能源汽车电驱系统零部件制造", "汽车电子及线束产品的研发与生产", "精密铸件与机加工件的生产"]),

        new("新能源", 7,
        [
            J("电池工艺工程师", JobFamily.Process, 10000, 18000, Bachelor, OneToThree, "锂电池", "涂布", "叠片", "化成", "PFMEA", "电化学"),
            J("电池研发工程师", JobFamily.Research, 15000, 25000, Master, OneToThree, "电化学", "正极材料", "电解液", "电池测试", "Origin"),
            J("光伏运维", JobFamily.Maintenance, 6000, 10000, Associate, UnderOne, "光伏电站", "电工证", "逆变器", "高压电工证", "SCADA"),
            J("储能系统工程师", JobFamily.Electronics, 12000, 20000, Bachelor, ThreeToFive, "BMS", "PCS", "储能系统集成", "电力电子", "MATLAB"),
            J("电气工程师", JobFamily.Engineering, 10000, 16000, Bachelor, OneToThree, "AutoCAD", "EPLAN", "PLC", "电气设计", "高低压配电"),
            J("设备工程师", JobFamily.Maintenance, 8000, 13000, Associate, OneToThree, "设备维护", "PLC", "机械制图", "TPM", "AutoCAD"),
            J("操作工", JobFamily.ShopFloor, 5500, 8000, AnyEdu, AnyExp),
            J("光伏组件质检员", JobFamily.Inspection, 5000, 7000, High, AnyExp, "EL检测", "外观检验", "质量检验"),
            J("充电桩运维", JobFamily.Maintenance, 5500, 8500, Secondary, UnderOne, "电工证", "充电桩", "低压电工证"),
        ],
        ["新能源科技", "光伏科技", "储能科技", "电池科技", "能源科技", "新能源材料"],
        ["锂离子动力电池及储能电池的研发与制造", "光伏组件与光伏电站的开发和运维", "储能系统集成及能源管理服务", "充电桩设备研发与充电网络运营", "电池正负极材料的研发与生产"]),

        new("钢铁/材料", 5,
        [
            J("冶金工程师", JobFamily.Process, 9000, 15000, Bachelor, OneToThree, "炼钢工艺", "连铸", "冶金原理", "质量分析", "AutoCAD"),
            J("材料研发工程师", JobFamily.Research, 12000, 20000, Master, OneToThree, "金相分析", "SEM", "XRD", "热处理", "材料力学性能测试"),
            J("轧钢工艺工程师", JobFamily.Process, 9000, 14000, Bachelor, OneToThree, "轧钢工艺", "热处理", "AutoCAD", "质量分析"),
            J("金相检验员", JobFamily.Inspection, 5500, 8000, Associate, AnyExp, "金相分析", "硬度测试", "光谱分析"),
            J("天车工", JobFamily.Trade, 6000, 8500, Secondary, AnyExp, "起重机操作证"),
            J("焊工", JobFamily.Trade, 7000, 11000, AnyEdu, OneToThree, "焊工证", "氩弧焊", "二保焊", "看图纸"),
            J("炉前工", JobFamily.ShopFloor, 6500, 9500, AnyEdu, AnyExp),
            J("设备点检员", JobFamily.Maintenance, 6500, 9000, Secondary, OneToThree, "设备点检", "钳工", "电工证"),
            J("安全工程师", JobFamily.Safety, 8000, 13000, Bachelor, ThreeToFive, "注册安全工程师", "安全生产", "风险评估", "应急预案"),
        ],
        ["新材料", "钢铁", "特钢", "金属材料", "合金材料", "金属制品"],
        ["优特钢棒线材的冶炼与轧制", "高性能金属材料的研发与生产", "铝合金型材的研发与加工", "高分子复合材料的研发与应用", "钢结构及金属制品的加工"]),

        new("物流/仓储", 6,
        [
            J("仓库管理员", JobFamily.Warehouse, 5000, 7000, High, UnderOne, "WMS", "Excel", "库存管理", "叉车证"),
            J("叉车司机", JobFamily.Driving, 6000, 8500, AnyEdu, OneToThree, "叉车证"),
            J("物流专员", JobFamily.LogisticsOffice, 5500, 8000, Associate, UnderOne, "ERP", "Excel", "物流调度", "运输管理"),
            J("供应链计划员", JobFamily.LogisticsOffice, 7000, 11000, Bachelor, OneToThree, "SAP", "ERP", "Excel", "需求预测", "供应链管理"),
            J("快递分拣员", JobFamily.ShopFloor, 5000, 7500, AnyEdu, AnyExp),
            J("货车司机", JobFamily.Driving, 8000, 12000, AnyEdu, ThreeToFive, "A2驾照", "道路运输从业资格证"),
            J("调度员", JobFamily.LogisticsOffice, 6000, 9000, Associate, OneToThree, "TMS", "Excel", "物流调度"),
            J("报关员", JobFamily.LogisticsOffice, 6000, 10000, Associate, OneToThree, "报关", "外贸英语", "单一窗口"),
        ],
        ["物流", "供应链管理", "仓储服务", "运输", "国际货运代理"],
        ["城市配送与仓储一体化服务", "第三方物流和供应链管理", "冷链物流与仓储服务", "公路干线运输和快递分拨", "跨境物流与国际货运代理"]),

        new("医疗/健康", 7,
        [
            J("护士", JobFamily.Nursing, 6000, 10000, Associate, AnyExp, "护士资格证", "静脉输液", "护理文书", "急救技能"),
            J("药剂师", JobFamily.Pharmacy, 6500, 10000, Bachelor, OneToThree, "执业药师", "药品调剂", "GSP", "处方审核"),
            J("内科医生", JobFamily.Medical, 12000, 25000, Master, ThreeToFive, "执业医师资格", "规培证", "临床技能"),
            J("医学检验技师", JobFamily.Medical, 7000, 11000, Bachelor, OneToThree, "检验技师资格", "生化检验", "血液分析"),
            J("康复治疗师", JobFamily.Medical, 6500, 10000, Associate, UnderOne, "康复治疗师资格", "运动疗法", "物理治疗"),
            J("医疗器械销售代表", JobFamily.Sales, 7000, 15000, Associate, OneToThree, "医疗器械", "客户开发", "CRM"),
            J("医疗器械注册专员", JobFamily.Pharmacy, 8000, 14000, Bachelor, OneToThree, "医疗器械注册", "NMPA", "ISO 13485", "GMP"),
            J("健康管理师", JobFamily.Medical, 5500, 8500, Associate, UnderOne, "健康管理师证", "慢病管理", "Office"),
            J("药店营业员", JobFamily.Pharmacy, 4500, 6500, Secondary, AnyExp, "药品知识", "收银", "GSP"),
        ],
        ["医疗器械", "生物医药", "医药", "健康管理", "口腔医院", "医院"],
        ["医疗器械的研发、生产和销售", "综合医疗服务和健康管理", "生物医药研发与生产", "药品零售连锁经营", "口腔及专科医疗服务"]),

        new("教育/培训", 7,
        [
            J("小学数学教师", JobFamily.Teaching, 6000, 10000, Bachelor, AnyExp, "教师资格证", "普通话二甲", "课件制作", "班级管理"),
            J("英语老师", JobFamily.Teaching, 6000, 11000, Bachelor, UnderOne, "英语专八", "教师资格证", "英语口语", "课件制作"),
            J("初中语文教师", JobFamily.Teaching, 6500, 10500, Bachelor, OneToThree, "教师资格证", "普通话一乙", "课件制作"),
            J("高中物理教师", JobFamily.Teaching, 8000, 14000, Master, OneToThree, "教师资格证", "实验教学", "课件制作"),
            J("幼儿教师", JobFamily.Teaching, 4500, 7000, Associate, AnyExp, "幼儿园教师资格证", "钢琴", "舞蹈", "手工绘画"),
            J("课程顾问", JobFamily.Sales, 6000, 12000, Associate, UnderOne, "课程销售", "CRM", "电话邀约"),
            J("少儿编程老师", JobFamily.Teaching, 7000, 12000, Bachelor, UnderOne, "Scratch", "Python", "C++", "教师资格证"),
            J("职业技能培训讲师", JobFamily.Teaching, 7000, 12000, Bachelor, ThreeToFive, "PLC", "电工证", "课件制作"),
            J("教务专员", JobFamily.HumanResources, 5000, 7000, Associate, AnyExp, "Office", "排课", "Excel"),
        ],
        ["教育科技", "教育咨询", "培训学校", "职业技能培训学校", "文化教育"],
        ["中小学学科辅导与素质教育", "职业技能培训和学历提升服务", "少儿编程与科技教育", "学前教育与托育服务", "企业内训与人才发展咨询"]),

        new("金融/保险", 6,
        [
            J("客户经理", JobFamily.Sales, 7000, 15000, Bachelor, OneToThree, "银行从业资格", "证券从业资格", "客户开发", "CRM", "理财规划"),
            J("会计", JobFamily.Finance, 6000, 9000, Bachelor, OneToThree, "财务软件", "用友", "金蝶", "Excel", "初级会计职称", "税务申报"),
            J("出纳", JobFamily.Finance, 4500, 6500, Associate, AnyExp, "Excel", "网银操作", "财务软件", "现金管理"),
            J("风控专员", JobFamily.Finance, 8000, 14000, Bachelor, OneToThree, "风险评估", "征信分析", "Excel", "SQL"),
            J("保险顾问", JobFamily.Sales, 5000, 12000, Associate, AnyExp, "保险代理人资格", "客户开发", "CRM"),
            J("理财经理", JobFamily.Sales, 8000, 16000, Bachelor, ThreeToFive, "AFP", "基金从业资格", "证券从业资格"),
            J("审计专员", JobFamily.Finance, 7000, 12000, Bachelor, OneToThree, "CPA", "审计", "Excel", "内控"),
            J("银行柜员", JobFamily.Finance, 5000, 7000, Bachelor, Fresh, "银行从业资格", "点钞", "柜面业务"),
            J("财务分析师", JobFamily.Finance, 9000, 15000, Bachelor, ThreeToFive, "Excel", "Power BI", "财务建模", "SAP"),
        ],
        ["保险代理", "融资租赁", "金融信息服务", "投资咨询", "财富管理"],
        ["财产保险和人身保险代理服务", "融资租赁及供应链金融服务", "财富管理与投资咨询", "普惠金融和小微企业信贷服务", "金融科技和支付服务"]),

        new("电子商务", 6,
        [
            J("电商运营", JobFamily.Ecommerce, 6000, 11000, Associate, OneToThree, "淘宝运营", "天猫", "京东", "拼多多", "直通车", "数据分析", "Excel"),
            J("主播", JobFamily.Livestream, 6000, 15000, AnyEdu, AnyExp, "直播", "抖音", "快手", "普通话"),
            J("新媒体运营", JobFamily.Ecommerce, 6000, 10000, Bachelor, UnderOne, "抖音运营", "小红书", "微信公众号", "文案写作", "剪映"),
            J("电商客服", JobFamily.Service, 4500, 6500, High, AnyExp, "千牛", "客服话术", "Office"),
            J("美工设计", JobFamily.Design, 6000, 10000, Associate, OneToThree, "Photoshop", "Illustrator", "详情页设计", "C4D"),
            J("跨境电商运营", JobFamily.Ecommerce, 7000, 13000, Bachelor, OneToThree, "亚马逊", "Shopify", "英语", "广告投放"),
            J("直播运营", JobFamily.Livestream, 6000, 11000, Associate, OneToThree, "直播中控", "巨量千川", "数据分析"),
            J("短视频剪辑师", JobFamily.Design, 6000, 10000, Associate, UnderOne, "Premiere", "剪映", "After Effects", "视频拍摄"),
            J("选品专员", JobFamily.Ecommerce, 6000, 10000, Associate, OneToThree, "选品", "供应链管理", "Excel", "数据分析"),
        ],
        ["电子商务", "网络科技", "商贸", "电商科技", "文化传媒"],
        ["服装及家居用品的电商零售", "农特产品的电商与直播销售", "跨境电商和海外品牌运营", "直播电商与达人孵化", "3C数码产品的线上销售"]),

        new("生产制造", 12,
        [
            J("普工", JobFamily.ShopFloor, 5000, 7000, AnyEdu, AnyExp),
            J("操作工", JobFamily.ShopFloor, 5500, 7500, AnyEdu, AnyExp),
            J("电工", JobFamily.Trade, 6500, 10000, Secondary, OneToThree, "电工证", "低压电工证", "高压电工证", "PLC"),
            J("机修工", JobFamily.Trade, 6500, 9500, Secondary, OneToThree, "钳工", "设备维修", "气动液压"),
            J("质检员", JobFamily.Inspection, 5000, 7000, High, AnyExp, "卡尺", "质量检验", "看图纸"),
            J("生产主管", JobFamily.Management, 9000, 15000, Associate, FiveToTen, "精益生产", "5S", "生产计划", "ERP"),
            J("机械工程师", JobFamily.Engineering, 9000, 15000, Bachelor, OneToThree, "SolidWorks", "AutoCAD", "机械设计", "公差分析"),
            J("PLC工程师", JobFamily.Electronics, 10000, 16000, Bachelor, OneToThree, "PLC", "西门子S7", "三菱PLC", "WinCC", "触摸屏", "机器人调试"),
            J("钳工", JobFamily.Trade, 6000, 9000, Secondary, OneToThree, "钳工证", "看图纸"),
            J("注塑技术员", JobFamily.Trade, 6500, 9500, Secondary, OneToThree, "注塑机调试", "模具"),
            J("生产计划员", JobFamily.LogisticsOffice, 6500, 10000, Associate, OneToThree, "ERP", "Excel", "MRP"),
            J("管培生", JobFamily.Management, 6000, 8000, Bachelor, Fresh, "Office", "Excel"),
        ],
        ["机械制造", "精密制造", "机电设备", "工业装备", "智能装备", "包装材料"],
        ["工业自动化设备的研发与制造", "精密机械零部件的加工与制造", "家用电器零部件的生产", "工程机械及配件的生产", "包装材料和印刷制品的生产"]),

        new("建筑/房地产", 6,
        [
            J("土建施工员", JobFamily.Construction, 6500, 10000, Associate, OneToThree, "施工员证", "AutoCAD", "广联达"),
            J("造价工程师", JobFamily.Construction, 8000, 14000, Bachelor, ThreeToFive, "广联达", "造价工程师证", "工程量清单", "AutoCAD"),
            J("建筑设计师", JobFamily.Engineering, 10000, 18000, Bachelor, ThreeToFive, "AutoCAD", "Revit", "SketchUp", "天正建筑"),
            J("结构工程师", JobFamily.Engineering, 10000, 18000, Bachelor, ThreeToFive, "PKPM", "YJK", "AutoCAD"),
            J("安全员", JobFamily.Safety, 6000, 9000, Associate, OneToThree, "安全员C证", "安全生产"),
            J("置业顾问", JobFamily.Sales, 5000, 12000, Associate, AnyExp, "房产销售", "客户开发"),
            J("资料员", JobFamily.Construction, 4500, 6500, Associate, AnyExp, "资料员证", "Office"),
            J("BIM工程师", JobFamily.Construction, 8000, 13000, Bachelor, OneToThree, "Revit", "BIM", "Navisworks"),
            J("物业管理员", JobFamily.Facility, 4500, 6500, Associate, AnyExp, "物业管理", "Office"),
        ],
        ["建设工程", "建筑工程", "房地产开发", "装饰工程", "工程咨询"],
        ["房屋建筑和市政工程施工", "房地产开发与物业管理", "建筑装饰设计与施工", "工程造价咨询与全过程工程管理", "装配式建筑构件的生产与安装"]),

        new("餐饮/零售", 6,
        [
            J("门店店长", JobFamily.Store, 6500, 11000, Associate, ThreeToFive, "门店管理", "排班", "库存管理"),
            J("厨师", JobFamily.Store, 6000, 10000, AnyEdu, OneToThree, "厨师证", "健康证", "中式烹调"),
            J(30, "服务员", JobFamily.Service, 4000, 6000, AnyEdu, AnyExp, "健康证"),
            J("收银员", JobFamily.Service, 4000, 5500, High, AnyExp, "收银系统", "健康证"),
            J("导购", JobFamily.Service, 4500, 7000, High, AnyExp, "商品陈列", "销售技巧"),
            J("面点师", JobFamily.Store, 5500, 8000, AnyEdu, OneToThree, "面点制作", "健康证"),
            J(20, "理货员", JobFamily.Warehouse, 4500, 6000, AnyEdu, AnyExp, "商品陈列", "库存管理"),
            J("咖啡师", JobFamily.Store, 4500, 7000, High, AnyExp, "咖啡制作", "拉花", "健康证"),
            J("区域督导", JobFamily.Management, 8000, 13000, Bachelor, ThreeToFive, "门店管理", "数据分析", "驾照C1"),
        ],
        ["餐饮管理", "商贸", "超市", "食品", "连锁经营"],
        ["连锁餐饮品牌的经营管理", "社区生鲜超市连锁经营", "烘焙及茶饮连锁经营", "百货零售和商业综合体运营", "食品加工与团餐配送服务"]),

        new("行政/人事", 3,
        [
            J("人事专员", JobFamily.HumanResources, 5500, 8000, Bachelor, OneToThree, "Office", "招聘", "社保公积金", "劳动法"),
            J("招聘专员", JobFamily.HumanResources, 6000, 9000, Bachelor, UnderOne, "招聘渠道", "面试", "Excel"),
            J("行政专员", JobFamily.HumanResources, 5000, 7500, Associate, UnderOne, "Office", "公文写作", "会务"),
            J("前台", JobFamily.Service, 4500, 6000, Associate, AnyExp, "Office", "接待"),
            J("薪酬绩效专员", JobFamily.HumanResources, 7000, 11000, Bachelor, OneToThree, "Excel", "薪酬核算", "绩效管理", "个税"),
            J("人力资源经理", JobFamily.Management, 12000, 20000, Bachelor, FiveToTen, "人力资源规划", "劳动法", "组织发展", "薪酬体系"),
            J("文员", JobFamily.HumanResources, 4500, 6000, Associate, AnyExp, "Office", "Excel", "Word"),
            J("培训专员", JobFamily.HumanResources, 6000, 9000, Bachelor, OneToThree, "培训体系", "课件制作", "PPT"),
        ],
        ["人力资源", "企业管理咨询", "劳务服务", "商务咨询"],
        ["人力资源外包和招聘服务", "企业管理咨询和培训服务", "劳务派遣与灵活用工服务", "薪酬福利外包和社保代理服务"]),

        new("电子/半导体", 6,
        [
            J("嵌入式软件工程师", JobFamily.Electronics, 11000, 20000, Bachelor, OneToThree, "C", "ARM", "RTOS", "Linux驱动", "单片机"),
            J("硬件工程师", JobFamily.Electronics, 11000, 20000, Bachelor, OneToThree, "Altium Designer", "电路设计", "PCB", "示波器", "EMC"),
            J("IC设计工程师", JobFamily.Electronics, 18000, 35000, Master, OneToThree, "Verilog", "SystemVerilog", "UVM", "Cadence", "数字IC"),
            J("半导体工艺工程师", JobFamily.Process, 12000, 20000, Bachelor, OneToThree, "光刻", "刻蚀", "薄膜", "SPC", "洁净室"),
            J("FAE工程师", JobFamily.Electronics, 12000, 20000, Bachelor, ThreeToFive, "电路设计", "单片机", "英语", "客户支持"),
            J("SMT技术员", JobFamily.Trade, 6000, 9000, Associate, OneToThree, "SMT", "贴片机", "回流焊", "AOI"),
            J("测试技术员", JobFamily.Inspection, 5500, 8000, Associate, UnderOne, "示波器", "万用表", "测试夹具"),
            J("电子装配工", JobFamily.ShopFloor, 5000, 7000, AnyEdu, AnyExp),
        ],
        ["半导体", "微电子", "电子科技", "集成电路", "光电科技"],
        ["集成电路设计与芯片研发", "半导体封装测试", "印制电路板及电子组件的生产", "传感器与电子元器件的研发制造", "显示面板与光电器件的生产"]),

        new("化工", 4,
        [
            J("化工工艺工程师", JobFamily.Process, 9000, 15000, Bachelor, OneToThree, "Aspen Plus", "化工工艺", "PID", "HAZOP"),
            J("化验员", JobFamily.Inspection, 5000, 7500, Associate, AnyExp, "HPLC", "气相色谱", "滴定", "化学分析"),
            J("化工操作工", JobFamily.ShopFloor, 6000, 9000, Secondary, AnyExp, "DCS操作", "化工总控工证"),
            J("环保工程师", JobFamily.Safety, 8000, 13000, Bachelor, OneToThree, "环评", "污水处理", "废气治理", "环保法规"),
            J("配方研发工程师", JobFamily.Research, 10000, 18000, Master, OneToThree, "高分子合成", "涂料配方", "红外光谱", "Origin"),
            J("DCS操作员", JobFamily.Trade, 6500, 9500, Associate, OneToThree, "DCS", "特种作业操作证", "化工总控工证"),
            J("化工销售工程师", JobFamily.Sales, 8000, 16000, Bachelor, OneToThree, "化工产品", "客户开发", "驾照C1"),
            J("安全工程师", JobFamily.Safety, 9000, 14000, Bachelor, ThreeToFive, "注册安全工程师", "HAZOP", "安全生产"),
        ],
        ["化工", "精细化工", "化学材料", "新材料科技", "涂料"],
        ["精细化学品的研发与生产", "涂料和胶粘剂的生产", "化工新材料的研发与生产", "医药中间体的研发与生产", "工业气体的生产与销售"]),

        new("其他", 4,
        [
            J("平面设计师", JobFamily.Design, 6000, 10000, Associate, OneToThree, "Photoshop", "Illustrator", "CorelDRAW", "InDesign"),
            J("新媒体编辑", JobFamily.Writing, 5500, 8500, Bachelor, UnderOne, "文案写作", "微信公众号", "秀米"),
            J("视频剪辑师", JobFamily.Design, 6000, 10000, Associate, UnderOne, "Premiere", "Final Cut Pro", "剪映", "After Effects"),
            J("保安", JobFamily.Facility, 4000, 5500, AnyEdu, AnyExp, "保安员证"),
            J("保洁员", JobFamily.Facility, 3500, 4500, AnyEdu, AnyExp),
            J("日语翻译", JobFamily.Writing, 7000, 12000, Bachelor, OneToThree, "日语N1", "CATTI", "商务日语"),
            J("销售代表", JobFamily.Sales, 5000, 12000, Associate, AnyExp, "客户开发", "CRM", "驾照C1"),
            J("司机", JobFamily.Driving, 5500, 8000, AnyEdu, ThreeToFive, "驾照C1", "驾照B2"),
            J("外贸业务员", JobFamily.Sales, 6000, 12000, Bachelor, OneToThree, "外贸英语", "阿里巴巴国际站", "报关"),
        ],
        ["文化传媒", "环保科技", "农业科技", "物业管理", "广告"],
        ["文化创意和品牌策划服务", "环保工程与固废处理服务", "现代农业种植与农产品加工", "物业服务与设施管理", "广告传媒和会展服务"]),
    ];

    public static readonly DemoFamilyText[] Families =
    [
        new(JobFamily.Development,
            ["负责公司核心业务系统的需求分析、设计与开发工作", "参与系统架构设计和技术方案评审，编写相关技术文档", "按照开发规范编写高质量、可维护的代码，并完成单元测试",
             "负责线上问题的定位、排查与性能优化", "与产品、测试团队紧密协作，保证项目按时高质量交付", "参与代码评审，持续改进团队的工程质量",
             "负责已有系统的日常维护与功能迭代", "跟踪业界新技术，推动在项目中的落地应用"],
            ["具备扎实的编程基础，熟悉常用数据结构与算法", "有良好的编码习惯，熟悉Git等版本管理工具", "具备较强的学习能力和独立解决问题的能力",
             "有大型分布式系统或高并发项目经验者优先", "能阅读英文技术文档"],
            "计算机、软件工程等", false),
        new(JobFamily.Testing,
            ["根据产品需求编写测试计划、测试用例并执行测试", "负责功能测试、接口测试及回归测试，跟踪缺陷直至关闭", "搭建和维护自动化测试框架，提高测试效率",
             "参与需求评审，从测试角度提出改进意见", "输出测试报告，对产品质量进行评估", "负责性能测试与压力测试，分析系统瓶颈"],
            ["熟悉软件测试理论和方法，能独立编写测试用例", "有自动化测试经验者优先", "工作细致认真，有较强的责任心和沟通能力", "熟悉Linux常用命令和SQL语句"],
            "计算机等", false),
        new(JobFamily.Operations,
            ["负责公司服务器、网络及云平台的日常运维与监控", "负责系统部署、版本发布及配置管理", "处理线上故障，保障业务系统稳定运行",
             "编写自动化运维脚本，提升运维效率", "负责数据备份与安全加固，制定应急预案", "参与运维平台和监控体系的建设"],
            ["熟悉Linux系统管理及常用服务的配置", "熟悉Shell或Python脚本编写", "能接受节假日轮值，具备较强的抗压能力", "了解网络基础知识，熟悉TCP/IP协议"],
            "计算机、网络工程等", false),
        new(JobFamily.Data,
            ["负责业务数据的采集、清洗、整理和分析", "搭建业务指标体系和数据报表，支持业务决策", "针对业务问题开展专题分析，输出分析报告和改进建议",
             "参与数据仓库建设和数据质量治理", "负责算法模型的研究、训练、调优与部署", "跟踪前沿技术，推动数据和算法能力在业务场景中落地"],
            ["熟练使用SQL，具备较强的数据处理能力", "具备良好的逻辑思维和数据敏感度", "有统计学或机器学习基础", "有相关项目经验或竞赛获奖经历者优先"],
            "统计学、数学、计算机等", false),
        new(JobFamily.Product,
            ["负责产品需求调研与分析，撰写产品需求文档", "设计产品原型和业务流程，推动研发落地", "协调研发、测试、运营等团队，把控项目进度",
             "跟踪产品上线后的数据表现，持续迭代优化", "开展竞品分析，提出产品规划建议"],
            ["具备较强的逻辑思维、沟通协调和文档撰写能力", "熟练使用Axure、墨刀等原型工具", "有B端产品经验者优先"],
            "计算机、工商管理等", false),
        new(JobFamily.Design,
            ["负责产品界面、宣传物料及活动页面的视觉设计", "根据需求完成海报、详情页、Banner等设计工作", "参与品牌视觉规范的制定与维护",
             "负责短视频的拍摄、剪辑与后期包装", "与运营、产品团队沟通，准确理解并实现设计需求"],
            ["具备良好的审美能力和创意表达能力", "熟练使用相关设计软件，投递时请附作品集", "对流行设计趋势敏感，能快速响应需求"],
            "视觉传达、数字媒体、艺术设计等", false),
        new(JobFamily.Support,
            ["负责公司软件产品在客户现场的安装部署与实施", "为客户提供培训和技术支持，解答使用中的问题", "收集客户需求和反馈，协助研发团队改进产品",
             "编写实施文档和用户手册", "负责项目验收及后续运维服务"],
            ["熟悉SQL和常用数据库操作", "具备良好的沟通表达能力和服务意识", "能适应短期出差"],
            "计算机、信息管理等", false),
        new(JobFamily.Engineering,
            ["负责产品结构设计、图纸绘制及相关技术文件编制", "参与新产品开发，完成设计验证和样件试制跟踪", "对现有产品进行设计优化，降低成本、提升可靠性",
             "解决生产和客户现场的技术问题", "配合质量部门分析产品失效原因并制定改进措施", "负责设计变更管理和技术资料归档"],
            ["熟练使用三维建模和二维绘图软件", "熟悉相关国家标准和行业规范", "具备一定的英文读写能力", "有同行业产品开发经验者优先"],
            "机械、车辆工程、电气、土木等", false),
        new(JobFamily.Electronics,
            ["负责嵌入式软件或硬件电路的设计、调试与测试", "完成原理图设计、PCB布局审核及样机调试", "负责芯片或电路模块的设计、仿真与验证",
             "编写设计文档和测试报告", "配合生产和客户解决产品技术问题", "负责自动化设备的电气设计与程序调试"],
            ["熟悉电子电路基础，能熟练使用示波器等仪器", "具备C语言编程能力", "有完整项目开发经验者优先"],
            "电子信息、通信、自动化、微电子等", false),
        new(JobFamily.Research,
            ["负责新产品、新技术的研发工作，制定研发方案", "开展实验设计、样品制备和测试分析", "跟踪国内外技术发展动态，进行技术储备",
             "撰写研发报告和专利申请材料", "配合生产部门完成研发成果的量产转化"],
            ["具备扎实的专业理论基础和动手能力", "熟练使用相关分析软件", "具备较强的英文文献阅读能力", "有相关科研项目经历或发表论文者优先"],
            "材料、化学、新能源等", false),
        new(JobFamily.Process,
            ["负责生产工艺的制定、优化与标准化，编制作业指导书", "解决生产过程中的工艺问题，提升产品良率", "参与新产品导入，完成工艺验证和量产转移",
             "开展工艺改进项目，降低制造成本和能耗", "负责工艺参数的监控与异常分析", "配合设备部门完成新设备的选型与调试"],
            ["熟悉相关生产工艺流程，具备数据分析能力", "熟练使用Office及Minitab等分析工具", "能适应生产现场工作环境"],
            "材料、化工、机械、冶金等", false),
        new(JobFamily.Quality,
            ["负责来料、制程及出货质量管控，推动质量问题闭环", "组织客户投诉分析，运用8D等方法制定纠正预防措施", "参与新产品APQP过程，完成PPAP提交",
             "维护质量管理体系，配合内外部审核", "统计分析质量数据，推动持续改进"],
            ["熟悉质量管理体系及五大工具", "具备良好的沟通能力和问题分析能力", "有内审员证书者优先"],
            "机械、材料、质量管理等", false),
        new(JobFamily.Inspection,
            ["按照检验标准对原材料、半成品和成品进行检验", "填写检验记录，及时反馈质量异常", "负责检测仪器的日常点检与维护",
             "协助质量工程师开展不合格品的分析与处理", "做好留样管理和检验数据统计"],
            ["会使用常用量具和检测设备，能看懂图纸", "工作认真细致，责任心强", "能适应倒班"],
            "机械、化学、材料等", false),
        new(JobFamily.ShopFloor,
            ["按照作业指导书完成生产线上的操作或装配工作", "负责本工位产品的自检，确保产品质量", "做好设备的日常点检和工位5S管理",
             "服从班组长安排，完成当班生产任务", "遵守安全操作规程，正确佩戴劳保用品"],
            ["年龄18-45周岁，身体健康，无不良嗜好", "吃苦耐劳，服从管理，能适应两班倒", "有工厂工作经验者优先，无经验可培训", "视力良好，无色盲色弱"],
            "", true),
        new(JobFamily.Trade,
            ["按照图纸和工艺要求完成本岗位的加工或作业任务", "负责设备的日常操作、保养和简单故障排除", "做好首件自检和过程检验，保证加工质量",
             "严格遵守安全操作规程，持证上岗", "配合班组完成生产计划和现场改善"],
            ["持有相关特种作业操作证或职业资格证书", "能看懂机械图纸，有同岗位经验者优先", "身体健康，能适应倒班和现场作业环境"],
            "", true),
        new(JobFamily.Maintenance,
            ["负责生产设备的日常巡检、维护保养和故障维修", "制定设备预防性维护计划并组织实施", "分析设备故障原因，提出改进措施，降低停机率",
             "负责备品备件的管理和采购申请", "参与新设备的安装调试和验收", "负责现场设备运行数据的监控与记录"],
            ["熟悉电气控制和机械原理，能独立处理常见故障", "持有电工证者优先", "能适应现场值班和出差"],
            "机电一体化、电气自动化等", false),
        new(JobFamily.Warehouse,
            ["负责货物的收发、入库、出库及盘点工作", "及时准确地录入系统单据，确保账物相符", "合理规划库位，保持仓库整洁有序",
             "定期盘点库存，分析呆滞物料并及时反馈", "配合物流部门完成发货和装卸安排"],
            ["熟练使用Excel和仓储管理系统", "工作细致，责任心强，能吃苦耐劳", "有叉车证者优先"],
            "", true),
        new(JobFamily.Driving,
            ["负责厂区或仓库内货物的装卸、搬运和堆码", "按照调度安排完成货物运输和配送任务", "做好车辆的日常检查和保养，确保行车安全",
             "协助完成货物交接和单据签收"],
            ["持有有效驾驶证件，驾驶技术熟练", "遵守交通法规，无重大事故记录", "身体健康，能吃苦耐劳"],
            "", true),
        new(JobFamily.LogisticsOffice,
            ["负责订单跟踪、运输安排和物流费用核对", "制定物料需求计划和采购计划，保证生产供应", "与供应商、承运商保持沟通，及时处理异常",
             "负责进出口单证制作和报关报检事宜", "维护ERP系统数据，编制相关统计报表", "参与供应商评估与成本分析"],
            ["熟练使用Excel和ERP系统", "具备良好的沟通协调能力和成本意识", "有英语读写能力者优先"],
            "物流管理、国际贸易、工业工程等", false),
        new(JobFamily.Nursing,
            ["执行医嘱，完成病区患者的日常护理工作", "做好患者的生命体征监测和病情观察", "规范书写护理记录，做好交接班",
             "开展健康宣教，指导患者康复", "配合医生完成急危重症患者的抢救工作"],
            ["持有护士执业资格证书或已通过护士资格考试", "具备良好的职业素养和服务意识", "能适应倒班"],
            "护理、助产", false),
        new(JobFamily.Medical,
            ["负责门诊及病区患者的诊疗或检查工作", "规范书写医疗文书，严格执行医疗核心制度", "参与科室业务学习、教学和科研工作",
             "完成临床检验标本的检测和报告审核", "为患者制定健康管理或康复训练计划并跟踪实施"],
            ["持有相应的执业资格证书", "具有良好的医德医风和沟通能力", "有规培经历者优先"],
            "临床医学、医学检验、康复治疗等", false),
        new(JobFamily.Pharmacy,
            ["负责药品的调配、审方和发药工作", "为顾客提供用药咨询和合理用药指导", "做好药品的验收、养护和效期管理",
             "严格执行GSP相关规定，确保药品质量", "负责注册资料的整理、申报和跟踪"],
            ["持有药师或执业药师资格证者优先", "熟悉药品管理相关法规", "工作认真细致，有良好的服务意识"],
            "药学、中药学等", false),
        new(JobFamily.Teaching,
            ["负责所任学科的备课、授课和作业批改工作", "关注学生学习情况，做好课后辅导和家校沟通", "参与教研活动，不断提升教学水平",
             "协助做好班级管理和学生活动组织", "根据学生特点制定个性化教学方案"],
            ["持有相应学科教师资格证", "普通话标准，表达能力强，有亲和力", "热爱教育事业，有耐心和责任心", "有教学经验或实习经历者优先"],
            "师范类或相关学科", false),
        new(JobFamily.Sales,
            ["负责开发新客户，维护老客户关系，完成销售指标", "深入了解客户需求，提供合适的产品和解决方案", "收集市场信息和竞品动态，及时反馈",
             "负责合同洽谈、签订及回款跟进", "参加行业展会和市场推广活动"],
            ["具有较强的沟通表达能力和抗压能力", "目标感强，有销售经验者优先", "持有C1驾照者优先"],
            "市场营销、经济管理等", false),
        new(JobFamily.Finance,
            ["负责日常账务处理、凭证审核和记账工作", "编制月度、季度和年度财务报表", "负责纳税申报和税务相关工作",
             "负责资金收付、银行对账和现金管理", "参与预算编制和成本核算，提供财务分析报告", "配合内外部审计工作，完善内控制度"],
            ["熟悉会计准则和税务法规", "熟练使用财务软件和Excel", "工作严谨细致，有良好的职业操守", "持有初级及以上会计职称者优先"],
            "会计、财务管理、金融等", false),
        new(JobFamily.Ecommerce,
            ["负责店铺的日常运营，包括商品上架、活动策划和推广", "分析店铺流量、转化等数据，制定优化方案", "策划并执行大促活动，提升店铺销售额",
             "负责新媒体账号的内容策划与日常更新", "跟踪竞品动态和市场趋势，调整运营策略", "与客服、仓储、设计等部门协作，提升用户体验"],
            ["熟悉主流电商平台的运营规则", "数据敏感，熟练使用Excel进行数据分析", "有成功运营案例者优先"],
            "电子商务、市场营销等", false),
        new(JobFamily.Livestream,
            ["负责公司直播间的产品讲解和带货直播", "熟悉产品卖点，提升直播间转化率和粉丝互动", "配合运营团队策划直播脚本和活动",
             "直播后复盘数据，不断优化直播效果", "负责直播间中控、场控及投流配合"],
            ["形象气质佳，普通话标准，镜头感好", "性格开朗，表达能力强，能适应晚班", "有直播带货经验者优先，无经验可培训"],
            "", false),
        new(JobFamily.Service,
            ["热情接待顾客，解答咨询并处理售后问题", "负责收银、开票及相关单据整理", "维护门店或前台区域的整洁与秩序",
             "记录客户反馈，协助提升服务质量", "配合完成商品陈列、盘点等日常工作"],
            ["形象良好，有亲和力，服务意识强", "能熟练操作电脑", "能适应轮班和周末上班"],
            "", true),
        new(JobFamily.Store,
            ["负责门店日常运营管理，完成营业目标", "负责员工排班、培训和绩效考核", "做好食品安全、卫生和成本管控工作",
             "按标准完成菜品或饮品的制作，保证出品质量", "负责库存盘点和物料订货"],
            ["持有健康证，有相关岗位经验", "有团队管理经验者优先", "能适应轮休"],
            "", true),
        new(JobFamily.HumanResources,
            ["负责招聘渠道维护、简历筛选、面试安排及入职手续办理", "负责员工社保公积金缴纳、考勤统计和薪资核算", "负责劳动合同管理和员工档案维护",
             "负责办公用品采购、会议安排及来访接待", "组织企业文化活动和员工培训", "协助完成公文起草和行政事务处理"],
            ["熟悉劳动法律法规和人事管理流程", "熟练使用Office办公软件，文字功底好", "有亲和力，沟通协调能力强"],
            "人力资源管理、行政管理等", false),
        new(JobFamily.Construction,
            ["负责施工现场的技术管理、进度控制和质量检查", "负责工程量计算、预结算编制和成本控制", "参与图纸会审和技术交底工作",
             "负责工程资料的收集、整理和归档", "负责BIM模型的建立与管线综合"],
            ["熟悉建筑施工规范和相关标准", "熟练使用AutoCAD及广联达等专业软件", "能适应工地环境，持有相关岗位证书者优先"],
            "土木工程、工程造价、建筑学等", false),
        new(JobFamily.Safety,
            ["负责公司安全生产管理制度的制定和落实", "组织开展安全检查和隐患排查，督促整改闭环", "负责员工安全教育培训和应急演练",
             "负责环保设施运行监督和环保手续办理", "配合政府部门的安全和环保检查"],
            ["熟悉安全生产和环境保护法律法规", "持有注册安全工程师证书者优先", "有化工或制造企业相关经验者优先"],
            "安全工程、环境工程、化工等", false),
        new(JobFamily.Management,
            ["负责部门日常管理，组织完成生产或经营目标", "制定工作计划并跟踪落实，持续提升团队效率", "推动精益管理和现场5S管理",
             "负责团队人员的培养、考核与激励", "协调各部门资源，解决跨部门问题"],
            ["具备较强的组织协调能力和执行力", "有团队管理经验者优先", "应届生可作为储备干部培养"],
            "管理类、理工类", false),
        new(JobFamily.Facility,
            ["负责园区或楼宇的巡逻值守和门岗管理", "做好来访人员和车辆的登记工作", "负责公共区域的清洁卫生和环境维护",
             "及时处理业主或员工的报修与投诉", "协助处理突发事件，维护公共秩序"],
            ["身体健康，责任心强", "能适应轮班", "退伍军人优先"],
            "", true),
        new(JobFamily.Writing,
            ["负责公众号、官网等平台的内容策划和撰写", "负责中外文资料的翻译和校对工作", "参与商务洽谈的口译陪同",
             "跟踪热点，策划有传播力的选题"],
            ["文字功底扎实，有良好的语言表达能力", "持有相关语言等级证书者优先"],
            "中文、新闻、外语等", false),
    ];

    public static readonly string[] GenericRequirements =
    [
        "责任心强，具备良好的团队合作精神",
        "具备良好的沟通表达能力和执行力",
        "积极主动，学习能力强，能承受一定的工作压力",
        "踏实肯干，有较强的服务意识",
        "认同公司文化，愿意与公司共同成长",
    ];

    public static readonly string[] OfficeBenefits =
    [
        "五险一金", "双休", "带薪年假", "年终奖", "节日福利", "定期体检", "员工旅游", "餐补", "交通补贴", "通讯补贴",
        "弹性工作", "股票期权", "住房补贴", "免费工作餐", "团建活动", "生日福利", "补充医疗保险", "人才公寓", "免费班车", "绩效奖金",
    ];

    public static readonly string[] BlueCollarBenefits =
    [
        "包吃住", "免费工作餐", "班车接送", "加班费另计", "全勤奖", "夜班补贴", "五险一金", "节日福利", "高温补贴", "工作服",
        "月休4天", "定期体检", "员工宿舍", "年终奖", "技能补贴",
    ];

    public static readonly string[] OfficeHours =
    [
        "工作时间：早九晚六，周末双休。", "工作时间：8:30-17:30，午休1小时，双休。", "工作时间：做五休二，弹性打卡。",
        "工作时间：周一至周五9:00-18:00，法定节假日正常休息。",
    ];

    public static readonly string[] BlueCollarHours =
    [
        "工作时间：两班倒，每班12小时，月休4天。", "工作时间：长白班，8:00-17:00，做六休一。", "工作时间：三班倒，按排班表轮休。",
        "工作时间：白班为主，旺季需适当加班，加班费另计。",
    ];

    public static readonly string[] DutyHeaders = ["岗位职责：", "工作内容：", "职位描述："];

    public static readonly string[] RequirementHeaders = ["任职要求：", "岗位要求：", "任职资格："];

    public static readonly string[] Openings =
    [
        "因业务发展需要，现招聘{title}{n}名。", "我们正在寻找优秀的{title}加入团队。", "公司发展迅速，诚聘{title}。", "",
    ];

    public static readonly string[] Closings =
    [
        "公司提供良好的职业发展平台和完善的培训体系，欢迎有志之士加入！", "有意者请投递简历，合适者将尽快安排面试。",
        "欢迎优秀应届毕业生投递，一经录用将安排专人带教。", "",
    ];

    // (Label, weight, employee count range) as graduates see size bands on Chinese job boards.
    public static readonly (string Label, int Weight, int MinStaff, int MaxStaff, int PostingWeight)[] CompanySizes =
    [
        ("少于20人", 8, 8, 19, 1), ("20-99人", 30, 20, 99, 2), ("100-499人", 32, 100, 499, 4),
        ("500-999人", 14, 500, 999, 6), ("1000-9999人", 12, 1000, 9999, 9), ("10000人以上", 4, 10000, 30000, 12),
    ];

    public static readonly string[] Ownerships =
    [
        "民营企业", "高新技术企业", "国有控股企业", "外商独资企业", "上市公司子公司", "专精特新“小巨人”企业", "中外合资企业",
    ];

    public static readonly string[] CompanyExtras =
    [
        "拥有省级企业技术中心和多项发明专利", "产品远销欧美、东南亚等多个国家和地区", "与多所高校建立了产学研合作关系",
        "已通过ISO 9001质量管理体系认证", "近年来业务保持快速增长", "致力于为客户提供优质的产品和服务",
        "重视人才培养，为员工提供广阔的发展空间", "连续多年获评当地纳税信用A级企业",
    ];

    // The 字号 of a company name: two characters that read as an auspicious brand when combined.
    public static readonly string[] TradeNameFirst =
    [
        "云", "华", "恒", "金", "博", "中", "汇", "天", "宏", "新", "润", "瑞", "德", "嘉", "鼎", "信", "通", "正", "科", "远",
        "泰", "宁", "达", "海", "诚", "立", "盛", "凯", "元", "创", "智", "邦", "源", "锐", "晟", "睿", "亿", "昊", "长", "明",
    ];

    public static readonly string[] TradeNameSecond =
    [
        "启", "钢", "瑞", "鼎", "远", "科", "通", "元", "达", "锐", "丰", "康", "邦", "信", "泰", "创", "盛", "宇", "安", "华",
        "腾", "联", "恒", "辉", "航", "禾", "越", "驰", "晨", "峰", "图", "动", "力", "成", "森", "川", "业", "光", "翔", "拓",
    ];
}
