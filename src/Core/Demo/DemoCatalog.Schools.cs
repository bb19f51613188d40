namespace Jobs.Core.Demo;

internal enum StudyField
{
    Computing,
    Electronics,
    Mechanical,
    Vehicle,
    Materials,
    Energy,
    Civil,
    Chemical,
    Medicine,
    Nursing,
    Pharmacy,
    Education,
    Finance,
    Business,
    Language,
    Design,
    Food,
}

internal enum SchoolKind
{
    /// <summary>Research universities: many master's graduates.</summary>
    Research,
    University,

    /// <summary>职业本科: both bachelor's and associate programmes.</summary>
    VocationalUniversity,

    /// <summary>高职/专科: associate degrees only.</summary>
    Vocational,
}

internal enum MajorTrack
{
    /// <summary>本科 and postgraduate programmes.</summary>
    Academic,

    /// <summary>高职 (大专) programmes.</summary>
    Vocational,
    Both,
}

/// <param name="NearCities">Member city codes graduates of the school mostly want to work in, its own city first.</param>
internal sealed record DemoSchool(string Name, SchoolKind Kind, string[] NearCities, StudyField[] Fields);

/// <param name="Direction">What a graduate says they want to do, as in 希望从事{Direction}相关工作.</param>
internal sealed record DemoMajor(string Name, StudyField Field, MajorTrack Track, string[] Skills, string Direction);

/// <param name="Categories">Posting categories of the companies students of the field intern at.</param>
/// <param name="InternPlaces">Kinds of organisation other than companies (hospitals, schools) where interns go, or empty.</param>
internal sealed record DemoFieldProfile(
    StudyField Field,
    double SalaryFactor,
    string[] Categories,
    string[] InternTitles,
    string[] InternDescriptions,
    string[] IntroSentences,
    string[] InternPlaces);

internal static partial class DemoCatalog
{
    private const StudyField Cs = StudyField.Computing;
    private const StudyField Ee = StudyField.Electronics;
    private const StudyField Me = StudyField.Mechanical;
    private const StudyField Ve = StudyField.Vehicle;
    private const StudyField Ma = StudyField.Materials;
    private const StudyField En = StudyField.Energy;
    private const StudyField Ci = StudyField.Civil;
    private const StudyField Ch = StudyField.Chemical;
    private const StudyField Md = StudyField.Medicine;
    private const StudyField Nu = StudyField.Nursing;
    private const StudyField Ph = StudyField.Pharmacy;
    private const StudyField Ed = StudyField.Education;
    private const StudyField Fi = StudyField.Finance;
    private const StudyField Bu = StudyField.Business;
    private const StudyField La = StudyField.Language;
    private const StudyField De = StudyField.Design;
    private const StudyField Fo = StudyField.Food;

    public static readonly DemoSchool[] Schools =
    [
        // 南京
        new("南京大学", SchoolKind.Research, ["nanjing", "zhenjiang", "yangzhou"], [Cs, Ee, Ma, Ch, Fi, La, Md]),
        new("东南大学", SchoolKind.Research, ["nanjing", "zhenjiang", "wuhu"], [Cs, Ee, Me, Ma, En, Ci, Md, Fi, De]),
        new("河海大学", SchoolKind.Research, ["nanjing", "huaian", "yangzhou"], [Ci, Cs, Ee, En, Me, Bu, Fi]),
        new("南京航空航天大学", SchoolKind.Research, ["nanjing", "zhenjiang", "wuhu"], [Me, Ee, Cs, Ma, En, Ve, Bu]),
        new("南京理工大学", SchoolKind.Research, ["nanjing", "maanshan", "chuzhou"], [Cs, Ee, Me, Ch, Ma, En, Fi, De]),
        new("南京师范大学", SchoolKind.University, ["nanjing", "yangzhou", "chuzhou"], [Ed, La, Cs, Fi, De, Ch]),
        new("南京邮电大学", SchoolKind.University, ["nanjing", "zhenjiang", "yangzhou"], [Cs, Ee, Bu, De, Fi]),
        new("南京信息工程大学", SchoolKind.University, ["nanjing", "chuzhou", "maanshan"], [Cs, Ee, En, Fi, La]),
        new("南京工业大学", SchoolKind.University, ["nanjing", "zhenjiang", "maanshan"], [Ch, Ma, Ci, Me, En, Cs, Ph]),
        new("南京财经大学", SchoolKind.University, ["nanjing", "yangzhou", "huaian"], [Fi, Bu, Cs, La, Fo]),
        new("南京医科大学", SchoolKind.University, ["nanjing", "zhenjiang", "huaian"], [Md, Nu, Ph]),
        new("南京林业大学", SchoolKind.University, ["nanjing", "huaian", "xuancheng"], [Ci, Me, Ve, Cs, De, Ch]),
        new("金陵科技学院", SchoolKind.University, ["nanjing", "jintan", "liyang"], [Cs, Ee, Me, Bu, De, Fi]),
        new("南京工业职业技术大学", SchoolKind.VocationalUniversity, ["nanjing", "chuzhou", "maanshan"], [Cs, Ee, Me, Ve, En, Bu, Fi]),
        new("南京信息职业技术学院", SchoolKind.Vocational, ["nanjing", "chuzhou", "zhenjiang"], [Cs, Ee, Bu, De]),

        // 镇江、扬州、淮安
        new("江苏大学", SchoolKind.University, ["zhenjiang", "nanjing", "yangzhou"], [Ve, Me, En, Ma, Cs, Ee, Md, Ph, Fi, Ch, Fo]),
        new("江苏科技大学", SchoolKind.University, ["zhenjiang", "nanjing", "yangzhou"], [Me, Ma, Ee, Cs, En, Bu]),
        new("镇江市高等专科学校", SchoolKind.Vocational, ["zhenjiang", "nanjing", "jintan"], [Nu, Me, Cs, Fi, Bu]),
        new("扬州大学", SchoolKind.University, ["yangzhou", "nanjing", "zhenjiang"], [Ed, La, Md, Nu, Ci, Ch, Me, Cs, Fi, Fo]),
        new("扬州工业职业技术学院", SchoolKind.Vocational, ["yangzhou", "zhenjiang", "nanjing"], [Ch, Ci, Me, Ee, Bu]),
        new("淮阴工学院", SchoolKind.University, ["huaian", "nanjing", "yangzhou"], [Me, Ve, Ch, Cs, Ci, Bu, Fo]),
        new("淮阴师范学院", SchoolKind.University, ["huaian", "nanjing", "yangzhou"], [Ed, La, Cs, Fi]),
        new("江苏食品药品职业技术学院", SchoolKind.Vocational, ["huaian", "nanjing", "yangzhou"], [Fo, Ph, Bu, Fi]),

        // 常州 (金坛、溧阳 are its member districts)
        new("常州大学", SchoolKind.University, ["jintan", "liyang", "nanjing", "zhenjiang"], [Ch, Ma, En, Me, Cs, Ph, Fi]),
        new("江苏理工学院", SchoolKind.University, ["jintan", "liyang", "nanjing"], [Ve, Me, Ee, Ed, Cs, Ma]),
        new("常州信息职业技术学院", SchoolKind.Vocational, ["jintan", "liyang", "nanjing"], [Cs, Ee, Bu, De]),

        // 芜湖、马鞍山、滁州、宣城
        new("安徽工程大学", SchoolKind.University, ["wuhu", "maanshan", "nanjing", "xuancheng"], [Me, Ee, Cs, Ma, Ve, De, Bu]),
        new("安徽师范大学", SchoolKind.University, ["wuhu", "maanshan", "xuancheng", "nanjing"], [Ed, La, Cs, Fi, Ch]),
        new("皖南医学院", SchoolKind.University, ["wuhu", "xuancheng", "maanshan"], [Md, Nu, Ph]),
        new("安徽机电职业技术学院", SchoolKind.Vocational, ["wuhu", "maanshan", "xuancheng"], [Me, Ee, Ve, Cs]),
        new("安徽工业大学", SchoolKind.University, ["maanshan", "nanjing", "wuhu"], [Ma, Me, En, Ch, Ee, Cs, Ci, Bu, Fi]),
        new("马鞍山职业技术学院", SchoolKind.Vocational, ["maanshan", "nanjing", "wuhu"], [Me, Ee, Ma, Bu]),
        new("滁州学院", SchoolKind.University, ["chuzhou", "nanjing", "maanshan"], [Cs, Me, Ed, Ci, En, Bu, De]),
        new("滁州职业技术学院", SchoolKind.Vocational, ["chuzhou", "nanjing"], [Me, Ee, Ve, Bu, En, Fi]),
        new("宣城职业技术学院", SchoolKind.Vocational, ["xuancheng", "wuhu", "nanjing"], [Nu, Bu, Me, Ed, Fi]),

        // Nearby, outside the member cities
        new("合肥工业大学", SchoolKind.University, ["maanshan", "wuhu", "chuzhou", "nanjing", "xuancheng"], [Cs, Ee, Me, Ve, Ma, Ci, Ch, En, Fi, Bu]),
        new("中国矿业大学", SchoolKind.University, ["nanjing", "zaozhuang", "huaian", "jining"], [En, Me, Ci, Cs, Ee, Ma, Ch, Bu]),
        new("苏州大学", SchoolKind.University, ["nanjing", "zhenjiang", "jintan", "liyang"], [Cs, Ee, Md, Nu, Ed, La, Fi, De, Ma]),

        // 鲁南
        new("济宁学院", SchoolKind.University, ["jining", "zaozhuang", "heze"], [Ed, Cs, Ch, La, Bu]),
        new("曲阜师范大学", SchoolKind.University, ["jining", "linyi", "zaozhuang"], [Ed, La, Cs, Fi, Bu, Ch]),
        new("济宁医学院", SchoolKind.University, ["jining", "heze", "zaozhuang"], [Md, Nu, Ph]),
        new("山东理工职业学院", SchoolKind.Vocational, ["jining", "heze", "zaozhuang"], [Me, Ee, Ve, Cs, Bu, Fi]),
        new("枣庄学院", SchoolKind.University, ["zaozhuang", "jining", "linyi"], [Ed, Cs, Ch, Me, La, Bu]),
        new("枣庄职业学院", SchoolKind.Vocational, ["zaozhuang", "jining"], [Me, Ee, Nu, Bu, Fi]),
        new("临沂大学", SchoolKind.University, ["linyi", "jining", "zaozhuang"], [Ed, Cs, Me, Bu, Fi, La, Ch, De]),
        new("临沂职业学院", SchoolKind.Vocational, ["linyi", "zaozhuang"], [Bu, Me, Ee, Cs, Fi]),
        new("菏泽学院", SchoolKind.University, ["heze", "jining"], [Ed, Cs, Ch, Ph, Bu, La]),
        new("菏泽医学专科学校", SchoolKind.Vocational, ["heze", "jining"], [Nu, Md, Ph]),
    ];

    public static readonly DemoMajor[] Majors =
    [
        // Computing
        new("计算机科学与技术", Cs, MajorTrack.Academic, ["Java", "C++", "Python", "MySQL", "Linux", "数据结构", "Git", "Spring Boot", "Redis"], "软件开发"),
        new("软件工程", Cs, MajorTrack.Academic, ["Java", "Spring Boot", "MySQL", "Vue", "Git", "Linux", "C#", ".NET", "软件测试"], "软件开发"),
        new("数据科学与大数据技术", Cs, MajorTrack.Academic, ["Python", "SQL", "Hadoop", "Spark", "机器学习", "Pandas", "Linux"], "数据分析"),
        new("人工智能", Cs, MajorTrack.Academic, ["Python", "PyTorch", "机器学习", "深度学习", "C++", "Linux", "计算机视觉"], "算法研发"),
        new("网络工程", Cs, MajorTrack.Academic, ["Linux", "TCP/IP", "华为认证", "Python", "Shell", "网络安全"], "网络运维"),
        new("信息安全", Cs, MajorTrack.Academic, ["网络安全", "Python", "Linux", "渗透测试", "C", "密码学"], "网络安全"),
        new("软件技术", Cs, MajorTrack.Vocational, ["Java", "MySQL", "Vue", "HTML/CSS", "JavaScript", "Spring Boot", "Git"], "软件开发"),
        new("计算机网络技术", Cs, MajorTrack.Vocational, ["Linux", "TCP/IP", "华为认证", "Windows Server", "Shell"], "网络运维"),
        new("大数据技术", Cs, MajorTrack.Vocational, ["Python", "SQL", "Hadoop", "Excel", "Linux"], "数据分析"),
        new("云计算技术应用", Cs, MajorTrack.Vocational, ["Linux", "Docker", "Kubernetes", "Shell", "OpenStack"], "运维"),

        // Electronics, electrical, automation, microelectronics
        new("电子信息工程", Ee, MajorTrack.Academic, ["C", "单片机", "Altium Designer", "MATLAB", "嵌入式", "电路设计"], "硬件开发"),
        new("通信工程", Ee, MajorTrack.Academic, ["MATLAB", "C", "Python", "通信原理", "Linux", "5G"], "通信技术"),
        new("自动化", Ee, MajorTrack.Academic, ["PLC", "MATLAB", "C", "西门子S7", "WinCC", "AutoCAD"], "自动化控制"),
        new("电气工程及其自动化", Ee, MajorTrack.Academic, ["PLC", "AutoCAD", "EPLAN", "电工证", "MATLAB", "高低压配电"], "电气设计"),
        new("微电子科学与工程", Ee, MajorTrack.Academic, ["Verilog", "Cadence", "半导体器件", "C", "MATLAB"], "芯片设计"),
        new("集成电路设计与集成系统", Ee, MajorTrack.Academic, ["Verilog", "SystemVerilog", "Cadence", "数字IC", "Linux"], "集成电路设计"),
        new("电气自动化技术", Ee, MajorTrack.Vocational, ["PLC", "电工证", "AutoCAD", "三菱PLC", "变频器"], "电气维护"),
        new("机电一体化技术", Ee, MajorTrack.Vocational, ["PLC", "AutoCAD", "电工证", "钳工", "气动液压"], "设备维护"),
        new("应用电子技术", Ee, MajorTrack.Vocational, ["单片机", "电路调试", "SMT", "万用表", "示波器"], "电子技术"),
        new("工业机器人技术", Ee, MajorTrack.Vocational, ["工业机器人", "PLC", "ABB机器人", "FANUC", "AutoCAD"], "机器人调试"),
        new("集成电路技术", Ee, MajorTrack.Vocational, ["半导体工艺", "SMT", "洁净室", "测试技术"], "半导体制造"),

        // Mechanical
        new("机械设计制造及其自动化", Me, MajorTrack.Academic, ["AutoCAD", "SolidWorks", "UG/NX", "机械制图", "公差配合", "ANSYS"], "机械设计"),
        new("机械电子工程", Me, MajorTrack.Academic, ["SolidWorks", "PLC", "AutoCAD", "单片机", "MATLAB"], "机电设计"),
        new("工业工程", Me, MajorTrack.Academic, ["精益生产", "Excel", "Minitab", "AutoCAD", "六西格玛"], "生产管理"),
        new("数控技术", Me, MajorTrack.Vocational, ["数控编程", "FANUC", "CNC", "AutoCAD", "机械制图"], "数控加工"),
        new("模具设计与制造", Me, MajorTrack.Vocational, ["UG/NX", "AutoCAD", "模具设计", "注塑工艺"], "模具设计"),
        new("机械制造及自动化", Me, MajorTrack.Vocational, ["AutoCAD", "机械制图", "钳工", "数控编程", "SolidWorks"], "机械制造"),

        // Vehicles
        new("车辆工程", Ve, MajorTrack.Academic, ["CATIA", "UG/NX", "AutoCAD", "MATLAB/Simulink", "CAN总线", "DFMEA"], "汽车研发"),
        new("汽车服务工程", Ve, MajorTrack.Academic, ["汽车诊断", "AutoCAD", "Excel", "汽车营销"], "汽车技术服务"),
        new("新能源汽车技术", Ve, MajorTrack.Vocational, ["三电系统", "汽车诊断", "电工证", "CAN总线"], "新能源汽车维修"),
        new("汽车检测与维修技术", Ve, MajorTrack.Vocational, ["汽车诊断", "底盘维修", "发动机维修", "驾照C1"], "汽车维修"),

        // Materials and metallurgy
        new("材料科学与工程", Ma, MajorTrack.Academic, ["金相分析", "SEM", "XRD", "热处理", "Origin", "材料力学性能测试"], "材料研发"),
        new("冶金工程", Ma, MajorTrack.Academic, ["炼钢工艺", "连铸", "冶金原理", "AutoCAD", "Origin"], "冶金工艺"),
        new("金属材料工程", Ma, MajorTrack.Academic, ["金相分析", "热处理", "SEM", "硬度测试", "Origin"], "金属材料"),
        new("高分子材料与工程", Ma, MajorTrack.Academic, ["高分子合成", "红外光谱", "注塑工艺", "Origin"], "高分子材料研发"),
        new("材料成型及控制工程", Ma, MajorTrack.Academic, ["焊接工艺", "铸造工艺", "AutoCAD", "ProCAST"], "成型工艺"),
        new("钢铁智能冶金技术", Ma, MajorTrack.Vocational, ["炼钢工艺", "轧钢工艺", "设备点检", "安全生产"], "冶金生产"),

        // Energy
        new("新能源科学与工程", En, MajorTrack.Academic, ["光伏系统设计", "PVsyst", "电化学", "MATLAB", "AutoCAD"], "新能源技术"),
        new("能源与动力工程", En, MajorTrack.Academic, ["热力学", "AutoCAD", "ANSYS", "MATLAB", "Fluent"], "能源动力"),
        new("储能科学与工程", En, MajorTrack.Academic, ["电化学", "锂电池", "BMS", "MATLAB", "电池测试"], "储能技术"),
        new("光伏工程技术", En, MajorTrack.Vocational, ["光伏电站", "电工证", "逆变器", "AutoCAD"], "光伏运维"),

        // Civil engineering
        new("土木工程", Ci, MajorTrack.Academic, ["AutoCAD", "PKPM", "广联达", "Revit", "结构力学"], "土木工程"),
        new("建筑学", Ci, MajorTrack.Academic, ["AutoCAD", "Revit", "SketchUp", "天正建筑", "Rhino"], "建筑设计"),
        new("工程管理", Ci, MajorTrack.Academic, ["广联达", "AutoCAD", "Project", "BIM", "Excel"], "工程管理"),
        new("工程造价", Ci, MajorTrack.Both, ["广联达", "AutoCAD", "工程量清单", "Excel"], "工程造价"),
        new("建筑工程技术", Ci, MajorTrack.Vocational, ["AutoCAD", "广联达", "施工员证", "测量"], "施工管理"),

        // Chemistry and chemical engineering
        new("化学工程与工艺", Ch, MajorTrack.Academic, ["Aspen Plus", "化工制图", "AutoCAD", "HAZOP", "Origin"], "化工工艺"),
        new("应用化学", Ch, MajorTrack.Academic, ["HPLC", "气相色谱", "化学分析", "Origin", "红外光谱"], "化学分析"),
        new("制药工程", Ch, MajorTrack.Academic, ["GMP", "HPLC", "制药工艺", "AutoCAD"], "制药工艺"),
        new("应用化工技术", Ch, MajorTrack.Vocational, ["DCS操作", "化工总控工证", "化学分析", "安全生产"], "化工生产"),

        // Medicine, nursing, pharmacy
        new("临床医学", Md, MajorTrack.Both, ["执业医师资格", "临床技能", "病历书写", "急救技能"], "临床医疗"),
        new("医学影像学", Md, MajorTrack.Academic, ["医学影像诊断", "CT", "MRI", "超声诊断"], "影像诊断"),
        new("医学检验技术", Md, MajorTrack.Both, ["生化检验", "血液分析", "微生物检验", "检验技师资格"], "医学检验"),
        new("康复治疗学", Md, MajorTrack.Academic, ["运动疗法", "物理治疗", "康复评定", "康复治疗师资格"], "康复治疗"),
        new("护理学", Nu, MajorTrack.Academic, ["护士资格证", "静脉输液", "护理文书", "急救技能", "心肺复苏"], "临床护理"),
        new("护理", Nu, MajorTrack.Vocational, ["护士资格证", "静脉输液", "护理文书", "基础护理"], "临床护理"),
        new("助产", Nu, MajorTrack.Vocational, ["护士资格证", "产科护理", "新生儿护理", "急救技能"], "助产护理"),
        new("药学", Ph, MajorTrack.Both, ["药品调剂", "GSP", "HPLC", "执业药师", "处方审核"], "药学服务"),
        new("中药学", Ph, MajorTrack.Academic, ["中药鉴定", "中药调剂", "GSP", "HPLC"], "中药"),
        new("药品经营与管理", Ph, MajorTrack.Vocational, ["GSP", "药品知识", "收银", "Excel"], "药店管理"),

        // Education
        new("数学与应用数学", Ed, MajorTrack.Academic, ["教师资格证", "普通话二甲", "课件制作", "MATLAB"], "数学教学"),
        new("汉语言文学", Ed, MajorTrack.Academic, ["教师资格证", "普通话一乙", "公文写作", "课件制作"], "语文教学"),
        new("小学教育", Ed, MajorTrack.Academic, ["教师资格证", "普通话二甲", "班级管理", "课件制作"], "小学教学"),
        new("物理学", Ed, MajorTrack.Academic, ["教师资格证", "实验教学", "课件制作", "MATLAB"], "物理教学"),
        new("学前教育", Ed, MajorTrack.Both, ["幼儿园教师资格证", "钢琴", "舞蹈", "手工绘画", "普通话二甲"], "幼儿教育"),

        // Finance and accounting
        new("会计学", Fi, MajorTrack.Academic, ["财务软件", "用友", "金蝶", "Excel", "初级会计职称", "税务申报"], "财务会计"),
        new("财务管理", Fi, MajorTrack.Academic, ["Excel", "财务分析", "金蝶", "初级会计职称", "Power BI"], "财务管理"),
        new("金融学", Fi, MajorTrack.Academic, ["证券从业资格", "基金从业资格", "Excel", "Python", "Wind"], "金融"),
        new("审计学", Fi, MajorTrack.Academic, ["审计", "Excel", "初级会计职称", "内控"], "审计"),
        new("大数据与会计", Fi, MajorTrack.Vocational, ["财务软件", "用友", "Excel", "初级会计职称"], "会计"),
        new("金融服务与管理", Fi, MajorTrack.Vocational, ["银行从业资格", "点钞", "Excel", "客户服务"], "金融服务"),

        // Business, commerce, logistics, HR
        new("市场营销", Bu, MajorTrack.Academic, ["市场调研", "Excel", "PPT", "新媒体运营", "CRM"], "市场营销"),
        new("电子商务", Bu, MajorTrack.Both, ["淘宝运营", "抖音运营", "数据分析", "Photoshop", "Excel"], "电商运营"),
        new("国际经济与贸易", Bu, MajorTrack.Academic, ["外贸英语", "报关", "Excel", "阿里巴巴国际站"], "外贸"),
        new("物流管理", Bu, MajorTrack.Academic, ["WMS", "SAP", "Excel", "供应链管理"], "物流管理"),
        new("人力资源管理", Bu, MajorTrack.Academic, ["招聘", "Excel", "劳动法", "薪酬核算"], "人力资源"),
        new("工商管理", Bu, MajorTrack.Academic, ["Excel", "PPT", "项目管理", "市场分析"], "企业管理"),
        new("现代物流管理", Bu, MajorTrack.Vocational, ["WMS", "Excel", "叉车证", "仓储管理"], "物流仓储"),
        new("网络营销与直播电商", Bu, MajorTrack.Vocational, ["直播", "抖音运营", "剪映", "新媒体运营"], "直播电商"),

        // Languages
        new("英语", La, MajorTrack.Academic, ["英语专八", "CATTI", "外贸英语", "教师资格证"], "英语翻译或教学"),
        new("日语", La, MajorTrack.Academic, ["日语N1", "CATTI", "外贸", "Office"], "日语翻译"),
        new("商务英语", La, MajorTrack.Vocational, ["英语专四", "外贸英语", "阿里巴巴国际站", "Office"], "外贸业务"),

        // Design and media
        new("视觉传达设计", De, MajorTrack.Academic, ["Photoshop", "Illustrator", "InDesign", "C4D", "Figma"], "平面设计"),
        new("数字媒体艺术", De, MajorTrack.Academic, ["Premiere", "After Effects", "C4D", "Photoshop", "剪映"], "视频制作"),
        new("数字媒体技术", De, MajorTrack.Vocational, ["Photoshop", "Premiere", "剪映", "HTML/CSS"], "新媒体设计"),

        // Food
        new("食品科学与工程", Fo, MajorTrack.Academic, ["食品检验", "HACCP", "HPLC", "微生物检验"], "食品质量"),
        new("食品检验检测技术", Fo, MajorTrack.Vocational, ["食品检验", "微生物检验", "化学分析", "HACCP"], "食品检验"),
    ];

    public static readonly DemoFieldProfile[] Fields =
    [
        new(Cs, 1.30, ["软件/互联网", "电子商务", "金融/保险"],
            ["Java开发实习生", "前端开发实习生", "软件测试实习生", "数据分析实习生", "运维实习生", "算法实习生"],
            ["参与公司内部管理系统的接口开发与联调，修复缺陷{n}余个", "负责部分功能模块的开发和单元测试，代码通过团队评审后上线",
             "协助完成业务数据的清洗与报表开发，提升了数据统计效率", "参与测试用例编写和回归测试，发现并跟踪问题{n}余个"],
            ["在校期间系统学习了数据结构、操作系统、计算机网络等课程，熟悉{skill}和{skill2}。", "参与过校内选课系统的开发，负责后端接口的设计与实现。",
             "曾获得蓝桥杯省赛二等奖，有较扎实的编程基础。", "平时喜欢在GitHub上阅读开源项目，有良好的编码习惯。"], []),
        new(Ee, 1.20, ["电子/半导体", "新能源", "生产制造", "汽车及零部件"],
            ["硬件工程师助理", "嵌入式开发实习生", "电气技术员（实习）", "自动化调试实习生"],
            ["参与产品电路板的调试和测试，整理测试报告", "协助完成产线PLC程序的修改与调试", "参与嵌入式软件模块的编写与联调"],
            ["熟悉单片机和嵌入式开发，曾参加全国大学生电子设计竞赛并获省级奖项。", "掌握PLC编程和电气控制原理，在实习中参与过产线自动化改造。",
             "动手能力强，熟练使用示波器、万用表等常用仪器。"], []),
        new(Me, 1.05, ["生产制造", "汽车及零部件", "钢铁/材料"],
            ["机械设计实习生", "工艺技术员（实习）", "设备技术员（实习）"],
            ["协助完成工装夹具的三维建模和出图", "参与产线工艺改善，编制作业指导书", "跟随师傅完成设备点检和保养"],
            ["熟练使用SolidWorks和AutoCAD进行三维建模和工程制图，参加过机械创新设计大赛。", "在实习期间参与了工装夹具的设计与优化，对生产现场比较了解。"], []),
        new(Ve, 1.10, ["汽车及零部件", "新能源", "生产制造"],
            ["汽车零部件设计实习生", "质量工程师助理", "汽车维修实习生"],
            ["参与车身结构件的三维设计与图纸校核", "协助完成零部件来料检验和质量问题追踪", "在4S店参与车辆保养和故障诊断"],
            ["参加过大学生方程式赛车项目，负责底盘部分设计。", "对新能源汽车三电系统有浓厚兴趣，了解整车开发流程。"], []),
        new(Ma, 1.05, ["钢铁/材料", "新能源", "化工"],
            ["材料研发实习生", "金相检验实习生", "工艺技术员（实习）"],
            ["协助完成样品的金相制备与组织分析", "参与新材料配方试验并整理实验数据", "跟踪炼钢车间工艺参数，协助分析质量异常"],
            ["熟悉金相制样和SEM、XRD等表征手段，参与过导师的高强钢相关课题。", "本科期间在钢铁企业完成了生产实习，对冶炼和轧制流程有直观认识。"], []),
        new(En, 1.15, ["新能源", "生产制造", "电子/半导体"],
            ["电池工艺实习生", "光伏运维实习生", "储能系统实习生"],
            ["参与电芯生产工艺参数的记录与分析", "跟随运维团队完成光伏电站巡检和数据记录", "协助搭建储能系统测试平台"],
            ["在校期间参与了锂电池正极材料相关的科研项目，熟悉电池测试流程。", "对光伏和储能行业充满兴趣，了解光伏电站的运行维护。"], []),
        new(Ci, 1.00, ["建筑/房地产"],
            ["施工员（实习）", "造价实习生", "建筑设计实习生"],
            ["在项目部协助施工员进行现场质量检查和资料整理", "协助完成工程量计算和清单编制", "参与方案阶段的图纸绘制和效果表现"],
            ["熟练使用AutoCAD和广联达，有工地实习经验，能吃苦。", "参与过BIM建模比赛，熟悉Revit的基本操作。"], []),
        new(Ch, 1.00, ["化工", "医疗/健康", "钢铁/材料"],
            ["化验员（实习）", "化工工艺实习生", "研发助理"],
            ["负责原料和成品的常规检测，规范填写检验记录", "跟随工艺工程师巡检装置，记录运行参数", "协助完成配方试验和样品测试"],
            ["熟悉化工原理和常用分析仪器，有化验室实习经历，安全意识强。", "参与过大学生化工设计竞赛，熟悉Aspen Plus的基本使用。"], []),
        new(Md, 1.10, ["医疗/健康"],
            ["临床实习医生", "检验科实习生", "康复科实习生"],
            ["在内科、外科、急诊科轮转实习，参与病例讨论", "参与临床标本的检测和质控工作", "在带教老师指导下为患者开展康复训练"],
            ["在三甲医院完成了一年的临床实习，熟悉常见病的诊疗流程。", "学习刻苦，专业课成绩排名年级前列。"], ["医院"]),
        new(Nu, 0.85, ["医疗/健康"],
            ["实习护士"],
            ["在内科、外科、儿科等科室轮转，完成基础护理和健康宣教", "参与病区患者的生命体征监测和护理记录书写"],
            ["已通过护士执业资格考试，在医院实习期间轮转了内科、外科、急诊等科室。", "有耐心和爱心，能适应倒班工作。"], ["医院"]),
        new(Ph, 0.95, ["医疗/健康", "化工"],
            ["药房实习生", "药品质检实习生"],
            ["在医院药房协助完成处方调配和用药咨询", "参与药品的验收、养护和效期管理"],
            ["熟悉药品调剂和GSP规范，曾在连锁药店实习。", "对药品注册和医药行业法规有一定了解。"], ["医院", "药房"]),
        new(Ed, 0.90, ["教育/培训"],
            ["实习教师", "助教"],
            ["完成一学期的教育实习，独立承担多节公开课和主题班会", "协助班主任做好班级管理和家校沟通工作"],
            ["持有教师资格证，普通话二级甲等，在中学完成了一学期的教育实习。", "担任过班级学习委员，喜欢和学生打交道。"], ["学校"]),
        new(Fi, 1.00, ["金融/保险", "软件/互联网", "生产制造"],
            ["会计实习生", "审计实习生", "银行柜员（实习）"],
            ["协助完成凭证录入、银行对账和月末结账", "参与年报审计项目，负责底稿整理和函证", "在网点协助开展柜面业务和客户引导"],
            ["已取得初级会计职称，熟练使用用友、金蝶等财务软件。", "在会计师事务所参与过年报审计工作，工作细致。"], []),
        new(Bu, 0.95, ["电子商务", "物流/仓储", "行政/人事", "餐饮/零售"],
            ["运营实习生", "物流专员（实习）", "人事实习生", "市场专员（实习）"],
            ["参与店铺大促活动的策划与执行，整理活动数据", "协助完成订单跟踪和仓库发货安排", "负责简历筛选和面试邀约，协助办理入职手续"],
            ["运营过校园二手交易平台的社群，有一定的数据分析和活动策划经验。", "曾在电商公司实习，参与过双十一大促的运营工作。"], []),
        new(La, 0.95, ["教育/培训", "电子商务", "生产制造"],
            ["翻译实习生", "外贸业务助理", "英语助教"],
            ["负责产品资料和商务邮件的翻译", "协助跟进海外客户订单和样品寄送"],
            ["英语专业八级，有外贸公司翻译实习经历。", "语言基础扎实，口语流利，参加过省级英语演讲比赛。"], []),
        new(De, 0.95, ["软件/互联网", "电子商务", "其他"],
            ["设计实习生", "视频剪辑实习生"],
            ["负责公众号配图和活动海报设计", "参与短视频的拍摄与剪辑，单条视频播放量过万"],
            ["熟练使用Photoshop、Illustrator和Premiere，作品曾在校级设计比赛中获奖。", "对视觉表达有自己的理解，平时坚持练习手绘。"], []),
        new(Fo, 0.90, ["餐饮/零售", "生产制造", "医疗/健康"],
            ["质检实习生", "食品研发助理"],
            ["负责原辅料和成品的微生物检测", "协助完成新品试制和感官评价"],
            ["熟悉食品检验检测标准，在食品企业质检部门实习过。"], []),
    ];

    public static readonly string[] GeneralIntroSentences =
    [
        "性格开朗，善于沟通，有较强的团队合作意识。",
        "学习能力强，做事认真负责，能够快速适应新环境。",
        "在校期间担任学生会干部，组织过多次校园活动。",
        "通过了大学英语六级考试，能够阅读英文资料。",
        "曾获校级一等奖学金和“三好学生”称号。",
        "吃苦耐劳，愿意从基层做起，踏实积累经验。",
        "做事有条理，抗压能力较强，能够按时完成任务。",
        "课余时间坚持跑步和阅读，保持积极的生活态度。",
    ];

    public static readonly string[] IntroClosings =
    [
        "希望在{city}从事{direction}相关工作，与公司共同成长。",
        "期待加入一家重视人才培养的企业，在{direction}方向深耕。",
        "希望能在{city}找到一份{direction}方面的工作，愿意从基础岗位做起。",
        "期待有机会将所学应用到实际工作中，为团队创造价值。",
    ];

    public static readonly string[] GeneralSkills = ["Office", "Excel", "CET-4", "CET-6", "驾照C1", "PPT"];

    /// <summary>Real hospitals in or near the member cities, where medical students do their placements.</summary>
    public static readonly string[] Hospitals =
    [
        "南京鼓楼医院", "江苏省人民医院", "东南大学附属中大医院", "南京市第一医院", "镇江市第一人民医院", "苏北人民医院",
        "淮安市第一人民医院", "皖南医学院弋矶山医院", "马鞍山市人民医院", "滁州市第一人民医院", "宣城市人民医院",
        "常州市金坛第一人民医院", "溧阳市人民医院", "济宁医学院附属医院", "枣庄市立医院", "临沂市人民医院", "菏泽市立医院",
    ];
}
