using System.Text;
using Jobs.Core.Common;
using Jobs.Core.Imports.Feeds;
using Jobs.Core.Postings;
using static Jobs.Tests.Imports.Feeds.FeedTestKit;

namespace Jobs.Tests.Imports.Feeds;

public class FeedParserTests
{
    private static FeedRejection SingleRejection(FeedParseResult result, string field)
    {
        Assert.Null(result.FileError);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(field, rejection.Field);
        return rejection;
    }

    [Fact]
    public void Parse_ValidRow_IsNormalised()
    {
        var result = Parse(Csv(Row("NJ-001",
            ("title", "  Java 开发工程师  "),
            ("salary", "15-25K·14薪"),
            ("education", "本科及以上"),
            ("experience", "3年以上"),
            ("skills", " Java；Spring Boot,java 、MySQL| |Redis "),
            ("description", "<p>负责&nbsp;后端服务。</p><ul><li>设计接口</li><li>编写&lt;单元测试&gt;</li></ul><script>alert(1)</script>"),
            ("posted_at", "2025/3/1"),
            ("expires_at", "2025年4月30日"),
            ("employer_credit_code", ValidCreditCode.ToLowerInvariant()))));

        Assert.Null(result.FileError);
        Assert.Empty(result.Rejections);
        Assert.Empty(result.Warnings);
        var row = Assert.Single(result.Rows);
        Assert.Equal(2, row.Line);
        Assert.Equal("NJ-001", row.ExternalId);
        Assert.Equal("Java 开发工程师", row.Title);
        Assert.Equal("南京紫金软件有限公司", row.EmployerName);
        Assert.Equal(ValidCreditCode, row.EmployerCreditCode);
        Assert.Equal("nanjing", row.CityCode);
        Assert.Equal("鼓楼区", row.District);
        Assert.Equal("软件/互联网", row.Category);
        Assert.Equal((15000, 25000, 14, false, SalaryBasis.Monthly), (row.SalaryMin, row.SalaryMax, row.SalaryMonths, row.SalaryNegotiable, row.SalaryBasis));
        Assert.Equal(EducationLevel.Bachelor, row.Education);
        Assert.Equal(ExperienceLevel.ThreeToFiveYears, row.Experience);
        Assert.Equal(3, row.Headcount);
        Assert.Equal(["Java", "Spring Boot", "MySQL", "Redis"], row.Skills);
        Assert.Equal("负责 后端服务。\n设计接口\n编写<单元测试>", row.Description);
        Assert.Equal(new DateTime(2025, 2, 28, 16, 0, 0, DateTimeKind.Utc), row.PostedAtUtc);
        Assert.Equal(new DateTime(2025, 4, 30, 16, 0, 0, DateTimeKind.Utc), row.ExpiresAtUtc);
        Assert.False(row.Closed);
        Assert.Equal(1, result.RecordCount);
    }

    [Fact]
    public void Parse_OptionalFieldsEmpty_GetDefaults()
    {
        var result = Parse(Csv(Row("a1", ("employer_credit_code", ""), ("district", ""), ("category", ""), ("salary", ""),
            ("education", ""), ("experience", ""), ("headcount", "若干"), ("skills", ""), ("expires_at", ""), ("status", ""))));

        var row = Assert.Single(result.Rows);
        Assert.Null(row.EmployerCreditCode);
        Assert.Null(row.District);
        Assert.Null(row.Category);
        Assert.True(row.SalaryNegotiable);
        Assert.Null(row.SalaryMin);
        Assert.Null(row.SalaryMax);
        Assert.Equal(EducationLevel.Any, row.Education);
        Assert.Equal(ExperienceLevel.Any, row.Experience);
        Assert.Equal(1, row.Headcount);
        Assert.Empty(row.Skills);
        Assert.Null(row.ExpiresAtUtc);
        Assert.False(row.Closed);
    }

    [Fact]
    public void Parse_StatusClosed_MarksRowClosed()
    {
        var result = Parse(Csv(Row("a1", ("status", "CLOSED")), Row("a2", ("status", "已关闭")), Row("a3", ("status", "paused"))));

        Assert.Equal([true, true], result.Rows.Select(r => r.Closed));
        Assert.Equal("未知状态“paused”，应为 open 或 closed", SingleRejectionOf(result, "a3").Reason);
    }

    private static FeedRejection SingleRejectionOf(FeedParseResult result, string externalId) =>
        Assert.Single(result.Rejections, r => r.ExternalId == externalId);

    [Fact]
    public void Parse_BinaryFile_OneFileErrorNoRows()
    {
        using var folder = new TempFeedDirectory();
        var path = folder.File("feed.csv");
        File.WriteAllBytes(path, [0x50, 0x4B, 0x03, 0x04, .. Enumerable.Repeat((byte)0, 4000)]);

        var result = Parser.ParseFile(path);

        Assert.Equal("文件是ZIP压缩包（Excel的.xlsx文件也是），请在Excel中另存为“CSV UTF-8（逗号分隔）”后再上传", result.FileError);
        Assert.Empty(result.Rows);
        Assert.Empty(result.Rejections);
    }

    [Fact]
    public void Parse_WrongHeader_FileErrorNamesMissingColumns()
    {
        var columns = Columns.Select(c => c == "employer_name" ? "company" : c).ToArray();

        var result = Parse(Csv([Row("a1")], columns));

        Assert.Equal("缺少必需的列：employer_name", result.FileError);
        Assert.Empty(result.Rows);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Parse_UnknownColumn_ImportedWithWarning()
    {
        var row = Row("a1");
        row["remark"] = "内部备注";

        var result = Parse(Csv([row], [.. Columns, "remark"]));

        Assert.Single(result.Rows);
        Assert.Equal("remark", Assert.Single(result.Warnings).Field);
    }

    [Fact]
    public void Parse_TruncatedQuotedField_NoRowsEvenBeforeIt()
    {
        var text = Csv(Row("a1"), Row("a2"));
        text += "a3,Java,ACME,,南京,,,8-12K,,,,,\"描述写到一半\n文件就断了";

        var result = Parse(text);

        Assert.Equal("第4行开始的带引号字段没有结束引号（文件可能被截断，或引号不成对）", result.FileError);
        Assert.Equal(4, result.FileErrorLine);
        Assert.Empty(result.Rows);
        Assert.Empty(result.Rejections);
    }

    [Fact]
    public void Parse_TenMegabyteDescription_RejectsOnlyThatRowWithoutHoldingIt()
    {
        using var folder = new TempFeedDirectory();
        var path = folder.File("big.csv");
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            writer.Write(Csv(Row("before")));
            writer.Write("huge,Java,ACME,,南京,,,8-12K,,,,,\"");
            var chunk = string.Concat(Enumerable.Repeat("岗位职责说明", 1000));
            for (var written = 0; written < 10_000_000; written += chunk.Length)
            {
                writer.Write(chunk);
            }

            writer.Write("\",2025-03-01,,\n");
            writer.Write(Csv(Row("after")).Split('\n', 2)[1]);
        }

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var result = Parser.ParseFile(path);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Null(result.FileError);
        Assert.Equal(["before", "after"], result.Rows.Select(r => r.ExternalId));
        Assert.Equal(4, result.Rows[1].Line);
        var rejection = SingleRejection(result, "description");
        Assert.Equal((3, "huge"), (rejection.Line, rejection.ExternalId));
        Assert.Equal("职位描述过长（超过1,000,000个字符），上限为20000个字符", rejection.Reason);
        // The 10 million characters as one string would be 20 MB on their own.
        Assert.InRange(allocated, 0, 16_000_000);
    }

    [Fact]
    public void Parse_TenMegabyteDescriptionInJsonLines_RejectsOnlyThatLine()
    {
        // posted_at comes after the cut, so it is never read: the row is reported for the description alone.
        var huge = new StringBuilder("{\"external_id\":\"huge\",\"title\":\"Java\",\"employer_name\":\"ACME\",\"city\":\"南京\",\"description\":\"");
        huge.Append('字', 10_000_000).Append("\",\"posted_at\":\"2025-03-01\"}\n");
        var text = Jsonl(Row("before")) + huge + Jsonl(Row("after"));

        var result = Parse(text);

        Assert.Equal(["before", "after"], result.Rows.Select(r => r.ExternalId));
        Assert.Equal(3, result.Rows[1].Line);
        var rejection = SingleRejection(result, "description");
        Assert.Equal((2, "huge"), (rejection.Line, rejection.ExternalId));
    }

    [Fact]
    public void Parse_DescriptionOverLimitAfterStripping_Rejected()
    {
        var result = Parse(Csv(Row("a1", ("description", "<b>" + new string('很', 20_001) + "</b>")), Row("a2", ("description", "<b>" + new string('很', 19_990) + "</b>"))));

        Assert.Equal("职位描述最多 20000 个字符，实际为20001个字符", SingleRejection(result, "description").Reason);
        Assert.Equal("a2", Assert.Single(result.Rows).ExternalId);
    }

    [Fact]
    public void Parse_DescriptionOnlyMarkup_RejectedAsEmpty()
    {
        var result = Parse(Csv(Row("a1", ("description", "<p>&nbsp;</p><br/>"))));

        Assert.Equal("职位描述不能为空（去除HTML后没有文字）", SingleRejection(result, "description").Reason);
    }

    [Theory]
    [InlineData("posted_at", "2025-02-30", "发布日期：日期不存在：2025年2月30日")]
    [InlineData("posted_at", "3/1/2025", "发布日期：无法识别的日期“3/1/2025”，应为 2025-03-01、2025/3/1、2025年3月1日 或 ISO 8601（如 2025-03-01T09:30:00+08:00）")]
    [InlineData("posted_at", "", "发布日期不能为空")]
    [InlineData("posted_at", "2025-06-03", "发布日期“2025-06-03”晚于当前时间")]
    [InlineData("expires_at", "2025-02-28", "截止日期早于发布日期")]
    [InlineData("expires_at", "下个月", "截止日期：无法识别的日期“下个月”，应为 2025-03-01、2025/3/1、2025年3月1日 或 ISO 8601（如 2025-03-01T09:30:00+08:00）")]
    public void Parse_InvalidDates_RowRejectedWithReason(string field, string value, string reason)
    {
        var result = Parse(Csv(Row("a1", (field, value)), Row("a2")));

        var rejection = SingleRejection(result, field);
        Assert.Equal((2, "a1", reason), (rejection.Line, rejection.ExternalId, rejection.Reason));
        Assert.Equal("a2", Assert.Single(result.Rows).ExternalId);
    }

    [Fact]
    public void Parse_ExpiresSameDayAsPosted_Accepted()
    {
        var result = Parse(Csv(Row("a1", ("posted_at", "2025-03-01T10:00:00"), ("expires_at", "2025-03-01"))));

        Assert.Equal(new DateTime(2025, 3, 1, 16, 0, 0, DateTimeKind.Utc), Assert.Single(result.Rows).ExpiresAtUtc);
    }

    [Theory]
    [InlineData("-8000", "薪资不能为负数")]
    [InlineData("12-8K", "薪资下限高于上限")]
    [InlineData("8-12", "月薪折算为8元，低于500元，疑似缺少单位（如 8K、8千、0.8万）")]
    [InlineData("年薪2000-3000万", "月薪折算为2500000元，超过上限1000000元，疑似单位错误")]
    [InlineData("看能力", "无法识别的薪资“看能力”")]
    public void Parse_BadSalary_RowRejectedWithReason(string salary, string reason)
    {
        var result = Parse(Csv(Row("a1", ("salary", salary))));

        Assert.Equal(reason, SingleRejection(result, "salary").Reason);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public void Parse_UnknownCity_RejectedListingCities()
    {
        var result = Parse(Csv(Row("a1", ("city", "北京"), ("district", "朝阳区"))));

        var rejection = SingleRejection(result, "city");
        Assert.StartsWith("未知城市“北京”。可选城市：南京、镇江", rejection.Reason, StringComparison.Ordinal);
        Assert.Empty(result.Warnings);
    }

    [Theory]
    [InlineData("91320100MA1XXXXX0", "统一社会信用代码应为18位，实际为17位")]
    [InlineData("91320100MA1XXXXXXI", "统一社会信用代码含有非法字符“I”（只允许数字和除 I、O、S、V、Z 外的大写字母）")]
    public void Parse_BadCreditCode_RejectedWithReason(string code, string reason)
    {
        var result = Parse(Csv(Row("a1", ("employer_credit_code", code))));

        Assert.Equal(reason, SingleRejection(result, "employer_credit_code").Reason);
    }

    [Fact]
    public void Parse_CreditCodeWrongCheckCharacter_Rejected()
    {
        var last = ValidCreditCode[^1];
        var wrong = ValidCreditCode[..^1] + (last == '0' ? '1' : '0');

        var result = Parse(Csv(Row("a1", ("employer_credit_code", wrong))));

        Assert.Equal("统一社会信用代码校验位不正确", SingleRejection(result, "employer_credit_code").Reason);
    }

    [Fact]
    public void Parse_DuplicateExternalId_FirstKeptLaterRejectedNamingFirstLine()
    {
        var result = Parse(Csv(Row("dup", ("title", "第一条")), Row("other"), Row("dup", ("title", "第二条")), Row(" dup ", ("title", "第三条"))));

        Assert.Equal(["第一条", ""], result.Rows.Select(r => r.ExternalId == "dup" ? r.Title : ""));
        Assert.Equal(2, result.Rejections.Count);
        Assert.All(result.Rejections, r => Assert.Equal(("external_id", "dup", "external_id“dup”与第2行重复，只保留第2行"), (r.Field, r.ExternalId, r.Reason)));
        Assert.Equal([4, 5], result.Rejections.Select(r => r.Line));
    }

    [Fact]
    public void Parse_DuplicateOfRejectedRow_StillRejected()
    {
        var result = Parse(Csv(Row("dup", ("salary", "12-8K")), Row("dup")));

        Assert.Empty(result.Rows);
        Assert.Equal(["salary", "external_id"], result.Rejections.Select(r => r.Field));
    }

    [Fact]
    public void Parse_Gb18030File_DecodedAndImported()
    {
        using var folder = new TempFeedDirectory();
        var path = folder.File("gbk.csv");
        File.WriteAllBytes(path, Bytes(Csv(Row("g1", ("title", "仓库管理员"), ("city", "马鞍山"), ("district", "雨山区"), ("description", "负责仓库日常管理，熟悉ERP系统。"))), Gb18030));

        var result = Parser.ParseFile(path);

        Assert.Equal(FeedTextEncoding.Gb18030, result.Encoding);
        var row = Assert.Single(result.Rows);
        Assert.Equal(("仓库管理员", "maanshan", "雨山区", "负责仓库日常管理，熟悉ERP系统。"), (row.Title, row.CityCode, row.District, row.Description));
    }

    [Fact]
    public void Parse_Gb18030Declared_UsedEvenWhenDetectionWouldAgree()
    {
        var result = Parse(Csv(Row("g1", ("title", "焊工"))), Gb18030, options: FeedReadOptions.FromSettings(null, "gb18030"));

        Assert.Equal("焊工", Assert.Single(result.Rows).Title);
    }

    [Fact]
    public void Parse_TraditionalText_ResolvedAndKeptAsWritten()
    {
        var result = Parse(Csv(Row("t1",
            ("title", "軟體工程師"),
            ("employer_name", "馬鞍山鋼鐵股份有限公司"),
            ("city", "馬鞍山市"),
            ("district", "花山區"),
            ("category", "鋼鐵/材料"),
            ("education", "碩士"),
            ("experience", "經驗不限"),
            ("skills", "資料庫、網路"),
            ("salary", "1-1.5萬"),
            ("description", "負責軟體開發與維護。"))));

        var row = Assert.Single(result.Rows);
        Assert.Equal(("軟體工程師", "馬鞍山鋼鐵股份有限公司", "maanshan", "花山区", "钢铁/材料"), (row.Title, row.EmployerName, row.CityCode, row.District, row.Category));
        Assert.Equal((EducationLevel.Master, ExperienceLevel.Any, 10000, 15000), (row.Education, row.Experience, row.SalaryMin, row.SalaryMax));
        Assert.Equal(["資料庫", "網路"], row.Skills);
        Assert.Equal("負責軟體開發與維護。", row.Description);
    }

    [Theory]
    [InlineData("濟寧", "jining")]
    [InlineData("鎮江市", "zhenjiang")]
    [InlineData("揚州", "yangzhou")]
    [InlineData("金壇區", "jintan")]
    [InlineData("Ma'anshan", "maanshan")]
    public void Parse_CitySpellings_Resolve(string city, string code)
    {
        var result = Parse(Csv(Row("a1", ("city", city), ("district", ""))));

        Assert.Equal(code, Assert.Single(result.Rows).CityCode);
    }

    [Fact]
    public void Parse_QuotedNewlinesInCsv_DescriptionKeepsParagraphsAndLinesStayPhysical()
    {
        var result = Parse(Csv(
            Row("a1", ("description", "岗位职责：\n1. 负责接口开发\r\n2. 编写文档\n\n\n\n任职要求：本科")),
            Row("a2", ("title", "含,逗号\"引号\"的标题"))));

        Assert.Equal([2, 9], result.Rows.Select(r => r.Line));
        Assert.Equal("岗位职责：\n1. 负责接口开发\n2. 编写文档\n\n任职要求：本科", result.Rows[0].Description);
        Assert.Equal("含,逗号\"引号\"的标题", result.Rows[1].Title);
    }

    [Fact]
    public void Parse_BomAndNoBom_SameRows()
    {
        var text = Csv(Row("a1"), Row("a2"));

        var withBom = Parse(text, bom: true);
        var withoutBom = Parse(text);

        Assert.Equal(FeedTextEncoding.Utf8, withBom.Encoding);
        Assert.Equal(FeedTextEncoding.Utf8, withoutBom.Encoding);
        Assert.Equal(withoutBom.Rows, withBom.Rows);
        Assert.Equal(2, withBom.Rows.Count);
    }

    [Fact]
    public void Parse_JsonLinesWithOneBrokenLine_OthersImported()
    {
        var text = Jsonl(Row("j1")) + "{\"external_id\": \"j2\", \"title\": \"焊工\",\n" + Jsonl(Row("j3"));

        var result = Parse(text);

        Assert.Equal(FeedFormat.JsonLines, result.Format);
        Assert.Equal(["j1", "j3"], result.Rows.Select(r => r.ExternalId));
        Assert.Equal([1, 3], result.Rows.Select(r => r.Line));
        var rejection = SingleRejection(result, FeedRejection.WholeRecord);
        // What was read before the fault still names the row for the city.
        Assert.Equal((2, "j2"), (rejection.Line, rejection.ExternalId));
        Assert.StartsWith("JSON格式错误", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_JsonLinesSkillsArray_Split()
    {
        var text = """{"external_id":"j1","title":"焊工","employer_name":"ACME","city":"芜湖","description":"焊接","posted_at":"2025-03-01","skills":["电焊","氩弧焊","电焊"],"headcount":5}""" + "\n";

        var row = Assert.Single(Parse(text).Rows);

        Assert.Equal(["电焊", "氩弧焊"], row.Skills);
        Assert.Equal(5, row.Headcount);
        Assert.Equal("wuhu", row.CityCode);
    }

    [Fact]
    public void Parse_CsvFieldCountMismatch_RowRejectedAsWhole()
    {
        var text = Csv(Row("a1")) + "a2,Java,ACME,南京\n";

        var result = Parse(text);

        var rejection = SingleRejection(result, FeedRejection.WholeRecord);
        Assert.Equal((3, "a2"), (rejection.Line, rejection.ExternalId));
        Assert.Single(result.Rows);
    }

    [Fact]
    public void Parse_UnknownCategoryAndDistrict_CategoryClassifiedDistrictWarned()
    {
        var result = Parse(Csv(Row("a1", ("category", "农业"), ("district", "江北新区"))));

        var row = Assert.Single(result.Rows);
        Assert.Null(row.Category);
        Assert.Null(row.District);
        // A category outside the legacy labels is no longer a warning: the function comes from it or, here, from the title.
        Assert.Equal("backend", row.Terms.FunctionCode);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(("district", 2, "a1"), (warning.Field, warning.Line, warning.ExternalId));
        Assert.StartsWith("“江北新区”不是南京的区县，已留空。可选：玄武区", warning.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnrecognisableFunction_WarnsAndStaysUnknown()
    {
        var result = Parse(Csv(Row("a1", ("title", "急聘！！"), ("category", "其他"))));

        var row = Assert.Single(result.Rows);
        Assert.Null(row.Terms.FunctionCode);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("function", warning.Field);
        Assert.StartsWith("未能识别职能：", warning.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PostingLimits_EachBrokenFieldReported()
    {
        var skills = string.Join(";", Enumerable.Range(1, 31).Select(i => $"技能{i}"));
        var result = Parse(Csv(Row("a1",
            ("title", new string('长', 101)),
            ("skills", skills),
            ("headcount", "20000"),
            ("education", "幼儿园"),
            ("experience", "资深"))));

        Assert.Empty(result.Rows);
        Assert.Equal(1, result.RejectedRowCount);
        Assert.Equal(
            [
                ("title", "职位名称最多 100 个字符"),
                ("education", "未知学历要求“幼儿园”。可选：不限、初中及以下、中专/中技/职高、高中、大专、本科、硕士、博士"),
                ("experience", "未知经验要求“资深”。可选：不限、应届生、1年以下、1-3年、3-5年、5-10年、10年以上，或“N年以上”"),
                ("headcount", "招聘人数应为 1 到 10000 之间的整数（或“若干”），实际为“20000”"),
                ("skills", "技能最多 30 项，实际为31项"),
            ],
            result.Rejections.Select(r => (r.Field, r.Reason)));
    }

    [Fact]
    public void Parse_SkillTooLong_Rejected()
    {
        var result = Parse(Csv(Row("a1", ("skills", "Java;" + new string('x', 41)))));

        Assert.StartsWith("单项技能最多 40 个字符", SingleRejection(result, "skills").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RequiredFieldsMissing_EachNamed()
    {
        var result = Parse(Csv(Row("", ("title", ""), ("employer_name", " "), ("city", ""), ("description", ""), ("posted_at", ""))));

        Assert.Equal(
            ["external_id", "title", "employer_name", "city", "description", "posted_at"],
            result.Rejections.Select(r => r.Field));
        Assert.All(result.Rejections, r => Assert.EndsWith("不能为空", r.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ForwardOnlyStream_SameAsFile()
    {
        var bytes = Bytes(Csv(Enumerable.Range(1, 50).Select(i => Row($"a{i}")).ToArray()));

        var result = Parser.Parse(new ForwardOnlyStream(new MemoryStream(bytes)));

        Assert.Equal(50, result.Rows.Count);
        Assert.Equal(51, result.Rows[^1].Line);
    }

    [Fact]
    public void Parse_ManyRows_AllAcceptedInOrder()
    {
        var cities = new[] { "南京", "镇江", "扬州", "淮安", "芜湖", "马鞍山", "滁州", "宣城", "金坛", "溧阳" };
        var rows = Enumerable.Range(1, 20_000).Select(i => Row($"id-{i}", ("city", cities[i % 10]), ("district", ""),
            ("salary", (i % 3) switch { 0 => "8-12K", 1 => "面议", _ => "200元/天" }))).ToArray();

        var result = Parse(Csv(rows));

        Assert.Empty(result.Rejections);
        Assert.Equal(20_000, result.Rows.Count);
        Assert.Equal(20_001, result.Rows[^1].Line);
        Assert.Equal("liyang", result.Rows[8].CityCode);
        Assert.Equal(4350, result.Rows[1].SalaryMin);
    }

    [Fact]
    public void Parse_Row_CarriesTheCheckedPostingFields()
    {
        var row = Assert.Single(Parse(Csv(Row("a1", ("experience", "3年以上"), ("education", "本科及以上")))).Rows);

        var posting = row.Fields.ToPosting();

        Assert.Equal(("Java开发工程师", "nanjing", "鼓楼区", 8000, 12000, 12, false), (posting.Title, posting.CityCode, posting.District, posting.SalaryMin, posting.SalaryMax, posting.SalaryMonths, posting.SalaryNegotiable));
        Assert.Equal((EducationLevel.Bachelor, ExperienceLevel.ThreeToFiveYears, 3), (posting.Education, posting.Experience, posting.Headcount));
        Assert.Equal(new DateTime(2025, 4, 30, 16, 0, 0, DateTimeKind.Utc), posting.ExpiresAt);
    }
}
