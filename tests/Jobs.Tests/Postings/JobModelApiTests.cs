using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jobs.Tests.Imports;
using Jobs.Tests.Imports.Feeds;
using Jobs.Tests.Infrastructure;
using Jobs.Tests.Matching;

namespace Jobs.Tests.Postings;

/// <summary>The job data model through the real pipeline: blue-collar feeds, education ladder, posting types, benefits, salary as published, validity.</summary>
public class JobModelApiTests
{
    private static readonly string[] V11Columns = [.. FeedTestKit.Columns, "type", "cohort", "benefits"];

    private static string Q(params (string Name, string Value)[] parameters) =>
        string.Join('&', parameters.Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value)));

    private static async Task<JsonObject> SearchAsync(JobsApiFactory factory, string query)
    {
        var response = await factory.CreateClient().GetAsync("/api/postings/search?" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>The index refreshes in the background: wait (bounded) until it shows every open posting.</summary>
    private static async Task WaitSearchableAsync(JobsApiFactory factory, int expected)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while ((int)(await SearchAsync(factory, "pageSize=1"))["total"]! != expected)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"the index did not show {expected} postings within 30 s");
            await Task.Delay(50);
        }
    }

    private static List<string> Titles(JsonObject result) => result["items"]!.AsArray().Select(i => (string)i!["title"]!).ToList();

    private static Dictionary<string, int> Facet(JsonObject result, string name) =>
        result["facets"]![name]!.AsArray().ToDictionary(f => (string)f!["value"]!, f => (int)f!["count"]!);

    private static Dictionary<string, string> BlueRow(string id, string title, params (string Column, string Value)[] overrides) =>
        ImportTestKit.Row(id, [("title", title), ("employer_name", "滁州恒力电子制造有限公司"), ("employer_credit_code", ""), ("city", "滁州"),
            ("district", ""), ("category", "生产制造"), ("salary", "5000-7000元/月"), ("education", "初中"), ("experience", "无经验可培训"),
            ("skills", ""), ("description", "流水线装配，包吃住，长白班，8:00-17:00，有师傅带。"), .. overrides]);

    [Fact]
    public async Task Import_BlueCollarFeed_ImportsWithoutRejectionsAndIsFoundByEducationBeginnersAndBenefits()
    {
        using var factory = new JobsApiFactory();
        var admin = await factory.SignInAdminAsync();
        var rows = new[]
        {
            BlueRow("cz-1", "普工"),
            BlueRow("cz-2", "包装工", ("education", "初中以上"), ("benefits", "包吃住;长白班"), ("description", "产品包装，做六休一。")),
            BlueRow("cz-3", "仓管员", ("education", "技校"), ("experience", "经验不限"), ("salary", "200元/天"),
                ("description", "负责物料收发，白班夜班轮换，不包住。")),
            BlueRow("cz-4", "质检员", ("education", "大专"), ("experience", "1-3年"), ("description", "来料检验，双休，五险一金。")),
        };

        var report = await admin.UploadOkAsync("滁州", System.Text.Encoding.UTF8.GetBytes(FeedTestKit.Csv(rows, V11Columns)));

        Assert.Equal((4, 4, 0), (report.Count("records"), report.Count("added"), report.Count("rejected")));
        await WaitSearchableAsync(factory, 4);
        var byEducation = await SearchAsync(factory, Q(("education", "初中")));
        Assert.Equal(["包装工", "普工"], Titles(byEducation).Order());
        var beginners = await SearchAsync(factory, Q(("beginners", "true")));
        Assert.Equal(["包装工", "普工"], Titles(beginners).Order());
        var board = await SearchAsync(factory, Q(("benefit", "包吃住"), ("benefit", "长白班")));
        Assert.Equal(["包装工", "普工"], Titles(board).Order());
        var all = await SearchAsync(factory, "");
        Assert.Equal(2, Facet(all, "benefit")["包吃住"]);
        Assert.Equal(2, Facet(all, "education")["初中及以下"]);
        var packer = all["items"]!.AsArray().Single(i => (string)i!["title"]! == "包装工")!;
        Assert.Equal(["包吃住", "包吃", "包住", "长白班", "单休"], packer["benefits"]!.AsArray().Select(b => (string)b!).ToArray());
        var clerk = all["items"]!.AsArray().Single(i => (string)i!["title"]! == "仓管员")!;
        Assert.Equal(("200元/天", 4350, "中专/中技/职高", false), ((string)clerk["salaryText"]!, (int)clerk["salaryMin"]!,
            (string)clerk["education"]!, (bool)clerk["acceptsBeginners"]!));
        Assert.DoesNotContain("包住", clerk["benefits"]!.AsArray().Select(b => (string)b!));
        Assert.DoesNotContain("长白班", clerk["benefits"]!.AsArray().Select(b => (string)b!));
    }

    [Fact]
    public async Task Matches_SecondaryVocationalResume_QualifiesForJuniorAndSecondaryPostingsNotAssociate()
    {
        using var factory = new JobsApiFactory();
        var employer = await factory.RegisterEmployerAsync("滁州", "滁州安达物流有限公司");
        var junior = await employer.CreatePostingAsync(Posting("叉车司机", "初中", "驾驶叉车装卸货物，持叉车证，包吃住。"));
        var secondary = await employer.CreatePostingAsync(Posting("叉车司机（夜班）", "中专", "夜班驾驶叉车，持叉车证。"));
        var associate = await employer.CreatePostingAsync(Posting("叉车调度主管", "大专", "安排叉车司机排班，持叉车证。"));
        await WaitSearchableAsync(factory, 3);
        var graduate = await factory.RegisterGraduateAsync();
        var resume = await graduate.CreateResumeAsync(MatchingFixture.Resume("物流管理", "中专", ["叉车证", "叉车驾驶"], ["滁州"],
            desiredTitles: ["叉车司机"], expectedMin: 5000, expectedMax: 7000));

        var matches = await graduate.Client.GetFromJsonAsync<JsonObject>($"/api/resumes/{resume}/matches");

        var ids = matches!["items"]!.AsArray().Select(i => (long)i!["id"]!).ToList();
        Assert.Contains(junior, ids);
        Assert.Contains(secondary, ids);
        Assert.DoesNotContain(associate, ids);
    }

    [Fact]
    public async Task Search_TypeAndCohort_FilterAndFacetAndMatchingPrefersOwnCohort()
    {
        using var factory = new JobsApiFactory();
        var year = factory.Clock.GetUtcNow().Year;
        var employer = await factory.RegisterEmployerAsync();
        var campus = await employer.CreatePostingAsync(Posting("Java开发工程师（校招）", "本科", "面向应届毕业生的Java开发岗位。", ("type", "校招"),
            ("cohort", $"{year}届")));
        await employer.CreatePostingAsync(Posting("Java开发实习生", "本科", "Java开发实习。", ("type", "暑期实习"), ("cohort", (year + 1).ToString(CultureInfo.InvariantCulture))));
        var fullTime = await employer.CreatePostingAsync(Posting("Java开发工程师", "本科", "Java开发。", ("type", "社招")));
        await WaitSearchableAsync(factory, 3);

        var campusOnly = await SearchAsync(factory, Q(("type", "校招")));
        var cohort = await SearchAsync(factory, Q(("cohort", $"{year + 1}届")));

        Assert.Equal(["Java开发工程师（校招）"], Titles(campusOnly));
        Assert.Equal((1, 1, 1), (Facet(campusOnly, "type")["校招"], Facet(campusOnly, "type")["实习"], Facet(campusOnly, "type")["全职"]));
        Assert.Equal($"{year}届", (string)campusOnly["items"]![0]!["cohort"]!);
        Assert.Equal(["Java开发实习生"], Titles(cohort));
        Assert.Equal(1, Facet(await SearchAsync(factory, ""), "cohort")[$"{year + 1}届"]);

        var graduate = await factory.RegisterGraduateAsync();
        var resume = await graduate.CreateResumeAsync(ApiClient.ValidResume());
        var matches = await graduate.Client.GetFromJsonAsync<JsonObject>($"/api/resumes/{resume}/matches");
        var items = matches!["items"]!.AsArray().ToDictionary(i => (long)i!["id"]!);
        double CohortPoints(long id) => (double)items[id]!["explanation"]!["parts"]!.AsArray().Single(p => (string)p!["part"]! == "cohort")!["points"]!;
        Assert.True(CohortPoints(campus) > 0, "a campus posting for the graduate's own cohort earns the cohort part");
        Assert.Equal(0, CohortPoints(fullTime));
        foreach (var item in items.Values)
        {
            var explanation = item!["explanation"]!;
            Assert.Equal((double)explanation["score"]!, explanation["parts"]!.AsArray().Sum(p => (double)p!["points"]!), 6);
        }
    }

    [Theory]
    [InlineData("全职", "2026届", "cohort")]
    [InlineData("校招", "1990届", "cohort")]
    [InlineData("校招", "明年", "cohort")]
    [InlineData("合伙人", "", "type")]
    public async Task Create_BadTypeOrCohort_ValidationProblemNamesField(string type, string cohort, string field)
    {
        using var factory = new JobsApiFactory();
        var employer = await factory.RegisterEmployerAsync();

        var response = await employer.Client.PostAsJsonAsync("/api/postings", Posting("Java开发工程师", "本科", "Java开发。", ("type", type), ("cohort", cohort)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadObjectAsync())["errors"]![field]);
    }

    [Fact]
    public async Task Create_BenefitsExplicitAndExtracted_KeptWithSourceAndEvidence()
    {
        using var factory = new JobsApiFactory();
        var employer = await factory.RegisterEmployerAsync();
        var body = Posting("服务员", "不限", "门店服务，无双休，包吃不包住，年终奖。", ("benefits", new[] { "五险一金" }));

        var response = await employer.Client.PostAsJsonAsync("/api/postings", body);
        var posting = await response.ReadObjectAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var benefits = posting["benefits"]!.AsArray().ToDictionary(b => (string)b!["name"]!, b => ((string)b!["source"]!, (string?)b["evidence"]));
        Assert.Equal(("explicit", "五险一金"), benefits["五险一金"]);
        Assert.Equal(("explicit", "五险一金"), benefits["社保"]);
        Assert.Equal(("extracted", "包吃"), benefits["包吃"]);
        Assert.Equal(("extracted", "年终奖"), benefits["年终奖"]);
        Assert.False(benefits.ContainsKey("双休"));
        Assert.False(benefits.ContainsKey("包住"));
        var bad = await employer.Client.PostAsJsonAsync("/api/postings", Posting("服务员", "不限", "门店服务。", ("benefits", new[] { "天天团建" })));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull((await bad.ReadObjectAsync())["errors"]!["benefits"]);
    }

    [Theory]
    [InlineData("月薪", 8000, 10000, 13, "8-10K·13薪", 8000)]
    [InlineData("日薪", 200, 200, 12, "200元/天", 4350)]
    [InlineData("时薪", 20, 25, 12, "20-25元/时", 3480)]
    [InlineData("年薪", 200000, 300000, 12, "20-30万/年", 16667)]
    public async Task Create_SalaryBasis_ShownAsPublishedWithMonthlyEquivalent(string basis, int min, int max, int months, string shown, int monthlyMin)
    {
        using var factory = new JobsApiFactory();
        var employer = await factory.RegisterEmployerAsync();
        var body = Posting("操作工", "不限", "车间操作。", ("salaryBasis", basis), ("salaryMin", min), ("salaryMax", max), ("salaryMonths", months));

        var response = await employer.Client.PostAsJsonAsync("/api/postings", body);
        var posting = await response.ReadObjectAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal((shown, monthlyMin, basis), ((string)posting["salaryDisplay"]!, (int)posting["salaryMin"]!, (string)posting["salaryBasis"]!));
        await WaitSearchableAsync(factory, 1);
        var found = await SearchAsync(factory, Q(("q", "操作工")));
        Assert.Equal(shown, (string)found["items"]![0]!["salaryText"]!);
    }

    [Fact]
    public async Task Create_ExpiryBeyondMaximum_ClampedWithWarning()
    {
        using var factory = new JobsApiFactory();
        var employer = await factory.RegisterEmployerAsync();
        var now = factory.Clock.GetUtcNow();

        var response = await employer.Client.PostAsJsonAsync("/api/postings", Posting("操作工", "不限", "车间操作。", ("expiresAt", now.AddDays(500))));
        var posting = await response.ReadObjectAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var expires = (DateTime)posting["expiresAt"]!;
        Assert.InRange(expires, now.UtcDateTime.AddDays(366).AddMinutes(-1), now.UtcDateTime.AddDays(366).AddMinutes(1));
        Assert.Contains("最长有效期", (string)posting["warnings"]![0]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_LongTermAndFarExpiry_ClampedWithWarningInReport()
    {
        using var factory = new JobsApiFactory();
        var admin = await factory.SignInAdminAsync();
        var posted = DateTime.UtcNow.AddDays(-3);
        var rows = new[]
        {
            BlueRow("lt-1", "普工", ("expires_at", "长期有效")),
            BlueRow("lt-2", "焊工", ("expires_at", posted.AddDays(600).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
        };

        var report = await admin.UploadOkAsync("滁州", System.Text.Encoding.UTF8.GetBytes(FeedTestKit.Csv(rows, V11Columns)));

        Assert.Equal((2, 0, 1), (report.Count("added"), report.Count("rejected"), report.Count("warnings")));
        var warning = report["warnings"]!.AsArray().Single()!;
        Assert.Equal(("lt-2", "expires_at"), ((string)warning["externalId"]!, (string)warning["field"]!));
        var listed = await admin.GetJsonAsync("/api/postings?city=" + Uri.EscapeDataString("滁州"));
        Assert.All(listed["items"]!.AsArray(), p => Assert.True((DateTime)p!["expiresAt"]! <= DateTime.UtcNow.AddDays(366)));
    }

    private static Dictionary<string, object?> Posting(string title, string education, string description, params (string Key, object? Value)[] extra)
    {
        var body = new Dictionary<string, object?>
        {
            ["title"] = title, ["description"] = description, ["city"] = "滁州", ["salaryMin"] = 5000, ["salaryMax"] = 7000,
            ["education"] = education, ["experience"] = "不限", ["skills"] = new[] { "叉车证" },
        };
        foreach (var (key, value) in extra)
        {
            body[key] = value is "" ? null : value;
        }

        return body;
    }
}
