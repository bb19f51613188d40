using Jobs.Tests.Search.Relevance;

namespace Jobs.Tests.Search.Regional;

/// <summary>
/// Postings for the parity measure beside the relevance set: the same kinds of job written once in Taiwan / Hong Kong
/// wording (Traditional characters) and once in mainland wording, so a query in either script has something to find
/// in both.
/// </summary>
public static class RegionalPostings
{
    private const string Software = "软件/互联网";
    private const string Electronics = "电子/半导体";
    private const string Manufacturing = "生产制造";
    private const string Retail = "餐饮/零售";
    private const string Office = "行政/人事";
    private const string Health = "医疗/健康";
    private const string Education = "教育/培训";
    private const string Finance = "金融/保险";
    private const string Logistics = "物流/仓储";
    private const string Property = "建筑/房地产";

    public static IReadOnlyList<RelevancePosting> All { get; } =
    [
        T("rg-t-algo", "南京", "玄武区", Software, "演算法工程師",
            "負責推薦系統與影像辨識演算法研發，熟悉機器學習、深度學習框架，具備人工智慧與電腦視覺專案經驗，了解記憶體與效能調校。", "Python", "PyTorch"),
        S("rg-s-algo", "南京", "建邺区", Software, "推荐算法工程师",
            "负责推荐系统算法研发与优化，熟悉机器学习和深度学习，有人工智能、图像识别、计算机视觉项目经验优先，了解内存与性能调优。", "Python", "TensorFlow"),
        T("rg-t-fw", "镇江", "京口区", Electronics, "韌體工程師",
            "負責嵌入式韌體與單晶片程式開發、除錯，熟悉 C 語言、積體電路與晶片規格，具備硬體電路基礎，以 Git 管理原始碼。", "C", "ARM"),
        S("rg-s-fw", "镇江", "润州区", Electronics, "嵌入式固件工程师",
            "负责嵌入式固件和单片机程序开发调试，熟悉C语言，了解集成电路与芯片规格，有硬件电路基础，用Git管理源代码。", "C", "STM32"),
        T("rg-t-hw", "淮安", "淮阴区", Electronics, "硬體工程師",
            "負責電源與主機板硬體電路設計、除錯與測試，熟悉示波器與被動元件選型。", "Altium"),
        S("rg-s-hw", "淮安", "清江浦区", Electronics, "硬件工程师",
            "负责电源和主板硬件电路设计、调试与测试，熟悉示波器和无源器件选型。", "Altium"),
        T("rg-t-sec", "南京", "鼓楼区", Software, "資安工程師",
            "負責弱點掃描、滲透測試與防火牆管理，追蹤駭客攻擊手法，規劃資訊安全與異地備援。", "Linux", "Kali"),
        S("rg-s-sec", "南京", "秦淮区", Software, "网络安全工程师",
            "负责漏洞扫描、渗透测试和防火墙运维，跟踪黑客攻击手段，规划信息安全与异地容灾。", "Linux", "Burp Suite"),
        T("rg-t-cloud", "扬州", "邗江区", Software, "雲端架構工程師",
            "負責雲端運算平台與雲端服務的架構設計，維護分散式系統、負載平衡與快取，具備作業系統與網路基礎。", "Kubernetes", "AWS"),
        S("rg-s-cloud", "扬州", "广陵区", Software, "云计算工程师",
            "负责云计算平台和云服务的架构设计，维护分布式系统、负载均衡与缓存，有操作系统和网络基础。", "Kubernetes", "阿里云"),
        T("rg-t-ds", "芜湖", "镜湖区", Software, "資料科學家",
            "運用資料探勘與巨量資料技術建立預測模型，負責資料視覺化與資料倉儲設計，熟悉程式語言 Python 與物件導向。", "Python", "Spark"),
        S("rg-s-ds", "芜湖", "鸠江区", Software, "数据挖掘工程师",
            "运用数据挖掘和大数据技术建立预测模型，负责数据可视化与数据仓库设计，熟悉编程语言Python和面向对象。", "Python", "Hive"),
        T("rg-t-fullstack", "淮安", "清江浦区", Software, "全端工程師",
            "負責網站前後端開發與使用者體驗優化，實作行動應用與行動支付功能，提供技術支援。", "JavaScript", "Node.js"),
        S("rg-s-fullstack", "淮安", "淮阴区", Software, "全栈工程师",
            "负责网站前后端开发与用户体验优化，实现移动应用和移动支付功能，提供技术支持。", "JavaScript", "Vue"),
        T("rg-t-si", "南京", "江宁区", Software, "系統整合專案經理",
            "負責系統整合專案管理，協調資訊科技供應商，撰寫技術文件與使用手冊。資工相關科系。", "PMP"),
        S("rg-s-si", "南京", "雨花台区", Software, "系统集成项目经理",
            "负责系统集成项目管理，协调信息技术供应商，编写技术文档和用户手册。计算机相关专业。", "PMP"),
        T("rg-t-mkt", "南京", "秦淮区", Retail, "行銷企劃專員",
            "負責數位行銷與社群媒體經營，撰寫文宣、拍攝短影音、影片剪輯與後製，處理客訴。", "Photoshop"),
        S("rg-s-mkt", "南京", "鼓楼区", Retail, "营销策划专员",
            "负责数字营销和社交媒体运营，撰写宣传文案，拍摄短视频，负责视频剪辑和后期，处理投诉。", "剪映"),
        T("rg-t-art", "扬州", "广陵区", Retail, "美編設計",
            "負責商品圖與網拍頁面美編，熟悉排版與字型設計。", "Photoshop", "Illustrator"),
        S("rg-s-art", "扬州", "邗江区", Retail, "电商美工",
            "负责商品主图和网店详情页美工设计，熟悉排版和字体设计。", "Photoshop"),
        T("rg-t-sales", "镇江", "丹徒区", Retail, "業務經理",
            "帶領業務團隊開發客戶，業務代表與業務助理各一名，國外業務經驗佳。底薪加獎金，勞健保，週休二日。", "CRM"),
        S("rg-s-sales", "镇江", "京口区", Retail, "销售经理",
            "带领销售团队开发客户，下设销售代表和销售助理，有外贸业务经验优先。底薪加提成，社保，周末双休。", "CRM"),
        T("rg-t-store", "淮安", "清江浦区", Retail, "門市人員",
            "超商門市收銀與商品陳列，保養品專櫃支援，排休，時薪另計。兼差、工讀生可，日領週領皆可。", "收银"),
        S("rg-s-store", "淮安", "淮安区", Retail, "便利店店员",
            "便利店门店收银与商品陈列，协助护肤品专柜，轮休。兼职学生可，日结周结均可。", "收银"),
        T("rg-t-op", "滁州", "琅琊区", Manufacturing, "作業員（正職）",
            "產線作業員，免經驗，學歷不拘、科系不拘，供膳宿，交通車接送，勞健保，大夜班津貼，尾牙抽獎。", "5S"),
        S("rg-s-op", "滁州", "南谯区", Manufacturing, "普工操作工（全职）",
            "流水线操作工，无经验可，学历不限、专业不限，包吃住，通勤车接送，社保，夜班补贴，年会抽奖。", "5S"),
        T("rg-t-qa", "马鞍山", "花山区", Manufacturing, "品保工程師",
            "負責品質系統、量測與治具管理，協助製程工程師改善塑膠射出成型良率，品檢員教育訓練。", "SPC", "MSA"),
        S("rg-s-qa", "马鞍山", "雨山区", Manufacturing, "质量工程师",
            "负责质量体系、测量和夹具管理，协助工艺工程师改善塑料注塑成型良率，质检员培训。", "SPC", "MSA"),
        T("rg-t-mech", "芜湖", "弋江区", Manufacturing, "機構工程師",
            "負責機構設計與電機工程整合，熟悉工具機與冷凍空調設備，具氬焊證照者佳。", "SolidWorks"),
        S("rg-s-mech", "芜湖", "镜湖区", Manufacturing, "结构工程师",
            "负责结构设计与电气工程配合，熟悉机床和制冷空调设备，持氩弧焊证书优先。", "SolidWorks"),
        T("rg-t-driver", "宣城", "宣州区", Logistics, "物流士",
            "負責宅配配送與進出貨，熟悉棧板作業，有堆高機證照佳，計程車或捷運經驗不拘。", "C1"),
        S("rg-s-driver", "宣城", "广德市", Logistics, "快递配送员",
            "负责快递配送和出入库，熟悉托盘作业，有叉车证优先。", "C1"),
        T("rg-t-hotel", "溧阳", "溧城街道", Retail, "飯店櫃檯人員",
            "飯店櫃檯接待與訂房，兼任內場與外場服務生支援，員工餐廳供餐。", "Opera"),
        S("rg-s-hotel", "溧阳", "溧城街道", Retail, "酒店前台",
            "酒店前台接待与预订，兼顾后厨及前厅服务员支援，员工食堂包吃。", "Opera"),
        T("rg-t-guard", "金坛", "金城镇", Property, "保全員",
            "社區大樓警衛與保全員，負責門禁巡邏，另徵清潔員。不動產公司直聘，房屋仲介經驗者佳。", "消防证"),
        S("rg-s-guard", "金坛", "金城镇", Property, "保安员",
            "小区大楼保安，负责门禁巡逻，另招保洁员。房地产公司直招，有房产中介经验优先。", "消防证"),
        T("rg-t-care", "南京", "栖霞区", Health, "照顧服務員",
            "長期照顧機構照顧服務員，協助護理師與護理長，陪同長者復健，送藥局取藥。", "照服员证"),
        S("rg-s-care", "南京", "栖霞区", Health, "养老护理员",
            "长期护理机构养老护理员，协助护士和护士长，陪同老人康复训练，去药店取药。", "养老护理员证"),
        T("rg-t-teacher", "扬州", "邗江区", Education, "美語老師",
            "補習班與安親班美語老師，負責國小與國中學生英文教學，與外師合作，歡迎志工經驗者。", "TESOL"),
        S("rg-s-teacher", "扬州", "广陵区", Education, "英语老师",
            "培训班和托管班英语老师，负责小学和初中学生英语教学，与外教合作，有志愿者经历优先。", "TESOL"),
        T("rg-t-acct", "镇江", "润州区", Finance, "總帳會計",
            "負責帳務處理、對帳與記帳，配合內部稽核與法遵，熟悉勞動合約與智慧財產權相關規範。", "ERP"),
        S("rg-s-acct", "镇江", "丹徒区", Finance, "总账会计",
            "负责账务处理、对账和记账，配合内部审计与合规，熟悉劳动合同与知识产权相关规定。", "用友"),
        T("rg-t-hr", "南京", "建邺区", Office, "人資專員",
            "負責招募專員工作與職缺刊登，篩選履歷，安排社會新鮮人教育訓練，處理特休與證照補助，合作獵人頭公司。", "Excel"),
        S("rg-s-hr", "南京", "玄武区", Office, "人事专员",
            "负责招聘专员工作和职位发布，筛选简历，安排应届毕业生培训，处理年假与证书补贴，对接猎头公司。", "Excel"),
    ];

    private static RelevancePosting S(string key, string city, string district, string category, string title, string description,
        params string[] skills) =>
        new(key, city, district, category, title, description, 8000, 14000, "大专", "不限", skills, Traditional: false);

    private static RelevancePosting T(string key, string city, string district, string category, string title, string description,
        params string[] skills) =>
        new(key, city, district, category, title, description, 8000, 14000, "大专", "不限", skills, Traditional: true);
}
