using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jobs.Core.Taxonomy;
using Jobs.Tests.Imports;
using Jobs.Tests.Imports.Feeds;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Postings;

/// <summary>Job functions (职能) through the real pipeline: feeds with free category texts, the API's function field, search filters and facets.</summary>
public class JobFunctionApiTests
{
    private static string Q(params (string Name, string Value)[] parameters) =>
        string.Join('&', parameters.Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value)));

    private static async Task<JsonObject> SearchAsync(JobsApiFactory factory, string query)
    {
        var response = await factory.CreateClient().GetAsync("/api/postings/search?" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    private static async Task WaitSearchableAsync(JobsApiFactory factory, int expected)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while ((int)(await SearchAsync(factory, "pageSize=1"))["total"]! != expected)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"the index did not show {expected} postings within 30 s");
            await Task.Delay(50);
        }
    }

    private static List<string> Titles(JsonObject result) => result["items"]!.AsArray().Select(i => (string)i!["title"]!).Order().ToList();

    private static Dictionary<string, int> Facet(JsonObject result, string name) =>
        result["facets"]![name]!.AsArray().ToDictionary(f => (string)f!["value"]!, f => (int)f!["count"]!);

    [Fact]
    public async Task Import_DataAnalysisCategoryTexts_NoWarningsAndDataGroupFunctions()
    {
        using var factory = new JobsApiFactory();
        var admin = await factory.SignInAdminAsync();
        // The category texts of the 2019 data-analysis postings that the closed list of 16 labels warned about; titles say nothing.
        string[] categories = ["数据分析", "商业数据分析", "数据运营", "BI工程师", "数据挖掘", "大数据开发", "數據分析"];
        var rows = categories.Select((c, i) => ImportTestKit.Row($"da-{i}", ("title", $"急聘岗位{i}号"), ("category", c))).ToArray();

        var report = await admin.UploadOkAsync("南京", ImportTestKit.Csv(rows));

        Assert.Equal((7, 0, 0), (report.Count("added"), report.Count("rejected"), report.Count("warnings")));
        await WaitSearchableAsync(factory, 7);
        var data = JobFunctions.Groups.Single(g => g.Code == "data");
        var all = await SearchAsync(factory, "pageSize=50");
        // 数据运营 is an operations function (data-ops, group 运营/客服); the other six are in the data group.
        Assert.Equal(6, Facet(all, "functionGroup")[data.Name]);
        Assert.Equal(1, Facet(all, "function")[JobFunctions.ByCode("data-ops")!.Name]);
        Assert.Equal(2, Facet(all, "function")[JobFunctions.ByCode("data-analyst")!.Name]);
        var byGroup = await SearchAsync(factory, Q(("functionGroup", "data"), ("pageSize", "50")));
        Assert.Equal(6, (int)byGroup["total"]!);
        var analysts = await SearchAsync(factory, Q(("function", "数据分析"), ("function", "data-mining")));
        Assert.Equal(["急聘岗位0号", "急聘岗位4号", "急聘岗位6号"], Titles(analysts));
        // Drill-sideways: the function facet still counts the other functions while one is selected.
        Assert.Equal(1, Facet(analysts, "function")[JobFunctions.ByCode("bigdata-dev")!.Name]);
    }

    [Fact]
    public async Task Import_BlueCollarFeed_LandsInProductionAndLogisticsFunctions()
    {
        using var factory = new JobsApiFactory();
        var admin = await factory.SignInAdminAsync();
        Dictionary<string, string> Row(string id, string title, string category) => ImportTestKit.Row(id, ("title", title),
            ("employer_name", "滁州恒力电子制造有限公司"), ("employer_credit_code", ""), ("city", "滁州"), ("district", ""), ("category", category),
            ("salary", "5000-7000元/月"), ("education", "初中"), ("experience", "无经验可培训"), ("skills", ""), ("description", "包吃住，长白班。"));
        var rows = new[]
        {
            Row("cz-1", "普工（包吃住）", "生产制造"),
            Row("cz-2", "急招叉车司机", "物流/仓储"),
            Row("cz-3", "仓管员", ""),
            Row("cz-4", "电焊工", "其他"),
        };

        var report = await admin.UploadOkAsync("滁州", ImportTestKit.Csv(rows));

        Assert.Equal((4, 0, 0), (report.Count("added"), report.Count("rejected"), report.Count("warnings")));
        await WaitSearchableAsync(factory, 4);
        var production = await SearchAsync(factory, Q(("functionGroup", "生产/制造")));
        Assert.Equal(["普工（包吃住）", "电焊工"], Titles(production));
        var logistics = await SearchAsync(factory, Q(("functionGroup", "logistics")));
        Assert.Equal(["仓管员", "急招叉车司机"], Titles(logistics));
        var forklift = await SearchAsync(factory, Q(("function", "forklift-driver")));
        Assert.Equal(["急招叉车司机"], Titles(forklift));
    }

    [Fact]
    public async Task CreatePosting_FunctionAndFreeCategory_ClassifiedWithoutRejection()
    {
        using var factory = new JobsApiFactory();
        var employer = await factory.RegisterEmployerAsync("南京", "南京数据科技有限公司");
        object Posting(string title, object? extra = null)
        {
            var body = new JsonObject
            {
                ["title"] = title, ["description"] = "职位描述", ["city"] = "南京", ["salaryMin"] = 8000, ["salaryMax"] = 12000,
            };
            foreach (var (k, v) in JsonSerializer.SerializeToNode(extra ?? new { })!.AsObject())
            {
                body[k] = v?.DeepClone();
            }

            return body;
        }

        var explicitFn = await employer.Client.PostAsJsonAsync("/api/postings", Posting("开发工程师", new { function = "java开发" }));
        var freeCategory = await employer.Client.PostAsJsonAsync("/api/postings", Posting("岗位A", new { category = "商业数据分析" }));
        var legacyCategory = await employer.Client.PostAsJsonAsync("/api/postings", Posting("普工", new { category = "挖矿" }));
        var unknown = await employer.Client.PostAsJsonAsync("/api/postings", Posting("急聘！", new { category = "其他" }));
        var badFunction = await employer.Client.PostAsJsonAsync("/api/postings", Posting("普工", new { function = "挖矿专家" }));

        var a = JsonNode.Parse(await explicitFn.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.Created, explicitFn.StatusCode);
        Assert.Equal(("backend", "后端开发", "tech"), ((string)a["functionCode"]!, (string)a["functionName"]!, (string)a["functionGroupCode"]!));
        var b = JsonNode.Parse(await freeCategory.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.Created, freeCategory.StatusCode);
        Assert.Equal("business-analyst", (string)b["functionCode"]!);
        Assert.Null(b["category"]);
        var c = JsonNode.Parse(await legacyCategory.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.Created, legacyCategory.StatusCode);
        Assert.Equal("general-worker", (string)c["functionCode"]!);
        var d = JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.Created, unknown.StatusCode);
        Assert.Null(d["functionCode"]);
        Assert.Equal("其他", (string)d["category"]!);
        Assert.StartsWith("未能识别职能：", (string)d["warnings"]![0]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badFunction.StatusCode);
        var errors = JsonNode.Parse(await badFunction.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Equal(["function"], errors.Select(e => e.Key));
    }

    [Fact]
    public async Task Search_UnknownFunction_IsValidationProblem()
    {
        using var factory = new JobsApiFactory();
        var response = await factory.CreateClient().GetAsync("/api/postings/search?" + Q(("function", "不存在的职能"), ("functionGroup", "x")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.Equal(["function", "functionGroup"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
    }
}
