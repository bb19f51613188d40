using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jobs.Tests.Imports;
using Jobs.Tests.Imports.Feeds;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Postings;

/// <summary>
/// Issue 13's "done when", end to end through the HTTP pipeline and a real SQLite file: a blue-collar v1.1 feed imports
/// cleanly and every value is a working filter; a 中专 graduate with a forklift licence is matched to forklift work first.
/// </summary>
public class BlueCollarDoneWhenTests
{
    private static readonly string[] V11Columns = [.. FeedTestKit.Columns, "type", "cohort", "benefits"];

    private static string Q(params (string Name, string Value)[] parameters) =>
        string.Join('&', parameters.Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value)));

    private static async Task<JsonObject> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    private static Task<JsonObject> SearchAsync(JobsApiFactory factory, string query) =>
        GetAsync(factory.CreateClient(), "/api/postings/search?pageSize=50&" + query);

    private static async Task WaitSearchableAsync(JobsApiFactory factory, int expected)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while ((int)(await SearchAsync(factory, ""))["total"]! != expected)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"the index did not show {expected} postings within 30 s");
            await Task.Delay(50);
        }
    }

    private static List<string> Titles(JsonObject result) => result["items"]!.AsArray().Select(i => (string)i!["title"]!).Order().ToList();

    /// <summary>A row as a manufacturing city's feed writes it: 初中, 无经验可培训, 包吃住 and 长白班 on every row.</summary>
    private static Dictionary<string, string> Row(string id, string title, string category, string description, string skills,
        string employer = "滁州恒通物流有限公司") =>
        ImportTestKit.Row(id, ("title", title), ("employer_name", employer), ("employer_credit_code", ""), ("city", "滁州"),
            ("district", "琅琊区"), ("category", category), ("salary", "6000-8000元/月"), ("education", "初中"),
            ("experience", "无经验可培训"), ("skills", skills), ("benefits", "包吃住;长白班"), ("description", description));

    private static readonly Dictionary<string, string>[] Feed =
    [
        Row("cz-fk-1", "叉车司机", "物流/仓储", "驾驶平衡重叉车装卸货物、上架，持叉车证，无经验可培训考证。", "叉车证;叉车驾驶"),
        Row("cz-fk-2", "仓库叉车工", "物流/仓储", "成品仓库叉车作业和货物搬运，需持特种设备作业人员证（叉车）。", "叉车证"),
        Row("cz-wh-1", "仓管员", "物流/仓储", "负责物料收发、出入库登记和库存盘点，会用电脑，有叉车证优先。", "仓库管理;Excel"),
        Row("cz-pg-1", "普工", "生产制造", "流水线装配和包装，有师傅带。", "", "滁州恒力电子制造有限公司"),
    ];

    private static readonly Dictionary<string, string>[] DemoLike =
    [
        ImportTestKit.Row("d-fk", ("title", "叉车司机"), ("employer_name", "滁州恒通物流有限公司"), ("employer_credit_code", ""), ("city", "滁州"),
            ("district", ""), ("category", "物流/仓储"), ("salary", "6000-8500元/月"), ("education", "不限"), ("experience", "1-3年"), ("skills", "叉车证"),
            ("description", "负责厂区或仓库内货物的叉运、装卸和堆码。配合仓库完成收发货和物料上线。做好叉车的日常点检和保养，确保作业安全。持有有效叉车证（特种设备作业人员证），有叉车驾驶经验，操作熟练，身体健康，能适应倒班。")),
        ImportTestKit.Row("d-wh", ("title", "仓管员"), ("employer_name", "滁州恒通物流有限公司"), ("employer_credit_code", ""), ("city", "滁州"),
            ("district", ""), ("category", "物流/仓储"), ("salary", "5000-7000元/月"), ("education", "高中"), ("experience", "1年以下"), ("skills", "WMS;Excel;库存管理;叉车证"),
            ("description", "负责物料收发、出入库登记和库存盘点。会使用电脑和Excel，能操作仓储系统，工作细致，责任心强，能吃苦耐劳，有叉车证者优先。")),
        ImportTestKit.Row("d-wh2", ("title", "仓库管理员"), ("employer_name", "滁州恒通物流有限公司"), ("employer_credit_code", ""), ("city", "滁州"),
            ("district", ""), ("category", "物流/仓储"), ("salary", "5000-7000元/月"), ("education", "中专"), ("experience", "经验不限"), ("skills", "WMS;Excel;库存管理;叉车证"),
            ("description", "负责物料收发、出入库登记和库存盘点，有叉车证者优先，包吃住。")),
    ];

    [Fact]
    public async Task Import_BlueCollarFeed_NoRejectionsAndEveryValueIsAFilter()
    {
        using var factory = new JobsApiFactory();
        var admin = await factory.SignInAdminAsync();

        var report = await admin.UploadOkAsync("滁州", System.Text.Encoding.UTF8.GetBytes(FeedTestKit.Csv(Feed, V11Columns)));

        Assert.Equal((4, 4, 0), (report.Count("records"), report.Count("added"), report.Count("rejected")));
        await WaitSearchableAsync(factory, 4);
        string[] all = ["仓库叉车工", "仓管员", "叉车司机", "普工"];
        Assert.Equal(all, Titles(await SearchAsync(factory, Q(("education", "初中")))));
        Assert.Equal(all, Titles(await SearchAsync(factory, Q(("beginners", "true")))));
        Assert.Equal(all, Titles(await SearchAsync(factory, Q(("benefit", "包吃住")))));
        Assert.Equal(all, Titles(await SearchAsync(factory, Q(("benefit", "长白班")))));
        // A filter that excludes them proves the filters are applied, not ignored.
        Assert.Empty(Titles(await SearchAsync(factory, Q(("benefit", "双休")))));
        Assert.Equal(["仓库叉车工", "叉车司机"], Titles(await SearchAsync(factory, Q(("function", "叉车司机")))));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Matches_VocationalGraduateWithForkliftLicence_ForkliftPostingsBeforeWarehouseClerk(bool demoLike)
    {
        using var factory = new JobsApiFactory();
        var admin = await factory.SignInAdminAsync();
        var feed = demoLike ? DemoLike : Feed;
        var report = await admin.UploadOkAsync("滁州", System.Text.Encoding.UTF8.GetBytes(FeedTestKit.Csv(feed, V11Columns)));
        Assert.Equal(0, report.Count("rejected"));
        await WaitSearchableAsync(factory, feed.Length);
        var graduate = await factory.RegisterGraduateAsync();
        var resumeId = await graduate.CreateResumeAsync(new
        {
            fullName = "刘强",
            school = "滁州市机械工业学校",
            major = "物流服务与管理",
            degree = "中专",
            graduationYear = 2026,
            skills = new[] { "叉车证" },
            desiredTitles = new[] { "叉车司机" },
            preferredCities = new[] { "滁州" },
            expectedSalaryMin = 5000,
            expectedSalaryMax = 7000,
            selfIntroduction = "在校考取了叉车证，能吃苦，想在滁州找叉车相关的工作。",
            visibility = "public",
            contactVisibleToEmployers = false,
            phone = "13912345678",
            email = "liuqiang@example.com",
        });

        var matches = await GetAsync(graduate.Client, $"/api/resumes/{resumeId}/matches?pageSize=50");

        var titles = matches["items"]!.AsArray().Select(i => (string)i!["title"]!).ToList();
        var scores = string.Join(", ", matches["items"]!.AsArray().Select(i => $"{(string)i!["title"]!}={(double)i["score"]!:0.000}"));
        var forklift = feed.Count(r => r["title"].Contains("叉车", StringComparison.Ordinal));
        // Every forklift posting first, then the clerks (who also match: they name 叉车证 as a plus).
        Assert.All(titles.Take(forklift), t => Assert.Contains("叉车", t, StringComparison.Ordinal));
        Assert.Contains(titles.Skip(forklift), t => t.StartsWith("仓", StringComparison.Ordinal) && !t.Contains("叉车", StringComparison.Ordinal));
        Assert.True(titles.Count > forklift, scores);
    }
}
