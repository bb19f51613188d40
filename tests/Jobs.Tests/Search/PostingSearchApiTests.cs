using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Search;

/// <summary>A small, known set of postings created through the API, shared by the search tests of one class.</summary>
public sealed class SearchFixture : JobsApiFactory, IAsyncLifetime
{
    public SignedIn Employer { get; private set; } = null!;

    public SignedIn OtherEmployer { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Employer = await this.RegisterEmployerAsync("南京", "南京云启软件科技有限公司");
        OtherEmployer = await this.RegisterEmployerAsync("马鞍山", "马鞍山华钢新材料有限公司");
        await Employer.CreatePostingAsync(P("Java开发工程师", "负责后端服务开发，熟悉 Spring Boot 和 MySQL。五险一金，双休。", "南京", "建邺区", 12000, 18000, "本科", ["Java", "Spring Boot"]));
        await Employer.CreatePostingAsync(P("JAVA 开发工程师（应届）", "欢迎应届毕业生，提供系统的 Java 培训。", "南京", "江宁区", 8000, 12000, "本科", ["Java"], experience: "应届生"));
        await Employer.CreatePostingAsync(P("前端开发工程师", "使用 Vue 和 TypeScript 开发管理后台。", "南京", "鼓楼区", 10000, 16000, "大专", ["Vue", "TypeScript"]));
        await Employer.CreatePostingAsync(P("軟體工程師", "負責伺服器端程式開發與資料庫維運，熟悉 Java。", "南京", "玄武区", 13000, 20000, "本科", ["Java"]));
        await Employer.CreatePostingAsync(P("C# .NET 开发工程师", "使用 ASP.NET Core 开发 Web API。", "南京", "秦淮区", 11000, 17000, "本科", ["C#", ".NET"]));
        await OtherEmployer.CreatePostingAsync(P("会计", "负责公司账务处理、纳税申报。", "马鞍山", "雨山区", 6000, 8000, "大专", ["财务软件"]));
        await OtherEmployer.CreatePostingAsync(P("出纳", "负责现金收付与银行结算。", "马鞍山", "花山区", 4500, 6000, "大专", []));
        await OtherEmployer.CreatePostingAsync(P("冶金工程师", "负责炼钢工艺改进，<b>高温</b>岗位补贴。", "马鞍山", "雨山区", 9000, 14000, "硕士", ["冶金"]));
        await OtherEmployer.CreatePostingAsync(P("Java开发工程师", "钢铁企业信息化系统开发，Java 技术栈。", "马鞍山", "花山区", 9000, 13000, "本科", ["Java"]));
        await OtherEmployer.CreatePostingAsync(P("普工", "流水线操作，包吃住，月休四天。", "滁州", "南谯区", 5000, 7000, "不限", []));
    }

    public static Dictionary<string, object?> P(string title, string description, string city, string district, int min, int max,
        string education, string[] skills, string experience = "不限") => new()
    {
        ["title"] = title, ["description"] = description, ["city"] = city, ["district"] = district, ["salaryMin"] = min,
        ["salaryMax"] = max, ["education"] = education, ["skills"] = skills, ["experience"] = experience, ["category"] = "软件/互联网",
    };

    public async Task<JsonObject> SearchAsync(string query)
    {
        var response = await CreateClient().GetAsync("/api/postings/search?" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public class PostingSearchApiTests(SearchFixture fixture) : IClassFixture<SearchFixture>
{
    private static List<string> Titles(JsonObject result) => result["items"]!.AsArray().Select(i => (string)i!["title"]!).ToList();

    private static string Q(string text) => "q=" + Uri.EscapeDataString(text);

    [Fact]
    public async Task Search_NanjingJavaInPinyin_FindsJavaPostingsInNanjingOnly()
    {
        var result = await fixture.SearchAsync(Q("nanjing java"));
        var items = result["items"]!.AsArray();
        Assert.True(items.Count >= 3, result.ToJsonString());
        Assert.All(items, i => Assert.Equal("南京", (string)i!["city"]!));
        Assert.Contains("Java开发工程师", Titles(result));
        Assert.Equal("nanjing", (string)result["understood"]!["cities"]![0]!["code"]!);
    }

    [Fact]
    public async Task Search_TraditionalAndSimplified_ReturnSameTop10()
    {
        var traditional = await fixture.SearchAsync(Q("軟體工程師"));
        var simplified = await fixture.SearchAsync(Q("软件工程师"));
        Assert.NotEmpty(Titles(simplified));
        Assert.Equal(
            simplified["items"]!.AsArray().Select(i => (long)i!["id"]!),
            traditional["items"]!.AsArray().Select(i => (long)i!["id"]!));
    }

    [Fact]
    public async Task Search_SimplifiedQueryOnTraditionalPosting_HighlightsTraditionalText()
    {
        var result = await fixture.SearchAsync(Q("软件工程师"));
        var hit = result["items"]!.AsArray().First(i => (string)i!["title"]! == "軟體工程師")!;
        Assert.Contains("<em>", (string)hit["highlights"]!["title"]!, StringComparison.Ordinal);
        Assert.Contains("軟體", (string)hit["highlights"]!["title"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_Description_IsHtmlEscapedAroundHighlights()
    {
        var result = await fixture.SearchAsync(Q("冶金"));
        var description = (string)result["items"]![0]!["highlights"]!["description"]!;
        Assert.Contains("&lt;b&gt;", description, StringComparison.Ordinal);
        Assert.Contains("<em>冶金</em>", (string)result["items"]![0]!["highlights"]!["title"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_CitySelected_FacetCountsOtherCitiesAsIfUnfiltered()
    {
        var result = await fixture.SearchAsync(Q("java") + "&city=南京");
        Assert.All(result["items"]!.AsArray(), i => Assert.Equal("南京", (string)i!["city"]!));
        var cityFacet = result["facets"]!["city"]!.AsArray().ToDictionary(v => (string)v!["value"]!, v => (int)v!["count"]!);
        Assert.True(cityFacet.ContainsKey("马鞍山"), result["facets"]!.ToJsonString());
        Assert.Equal(result["items"]!.AsArray().Count, cityFacet["南京"]);
        Assert.NotEmpty(result["facets"]!["education"]!.AsArray());
        Assert.NotEmpty(result["facets"]!["salaryBand"]!.AsArray());
    }

    [Fact]
    public async Task Search_CityAndSalaryInText_BecomeFilters()
    {
        var result = await fixture.SearchAsync(Q("马鞍山 会计 5k以上"));
        Assert.Equal(["会计"], Titles(result));
        var understood = result["understood"]!;
        Assert.Equal("maanshan", (string)understood["cities"]![0]!["code"]!);
        Assert.Equal(5000, (int)understood["salary"]!["min"]!);
        Assert.Equal("会计", (string)understood["text"]!);
    }

    [Fact]
    public async Task Search_ExcludedWordAndPhrase_AreHonoured()
    {
        var excluded = Titles(await fixture.SearchAsync(Q("开发工程师 -java")));
        Assert.DoesNotContain(excluded, t => t.Contains("java", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("前端开发工程师", excluded);
        var phrase = Titles(await fixture.SearchAsync(Q("\"ASP.NET Core\"")));
        Assert.Equal(["C# .NET 开发工程师"], phrase);
    }

    [Theory]
    [InlineData("*:*")]
    [InlineData("title:")]
    [InlineData("\"unbalanced")]
    [InlineData("((( [a TO z} ~ ^2 \\ / && || !")]
    [InlineData("-")]
    [InlineData("--java")]
    [InlineData("\"\"")]
    [InlineData("😀👍 ĳ ǅ \u0000 \uFFFF")]
    [InlineData("%%%")]
    [InlineData("C++ C# .NET node.js")]
    public async Task Search_HostileQuery_Answers200(string q)
    {
        var response = await fixture.CreateClient().GetAsync("/api/postings/search?" + Q(q));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Search_TenThousandCharacterQuery_Answers200AndReportsTruncation()
    {
        var result = await fixture.SearchAsync(Q(string.Concat(Enumerable.Repeat("java 工程师 (", 1000))));
        Assert.True((bool)result["understood"]!["truncated"]!);
    }

    [Theory]
    [InlineData("pageSize=0")]
    [InlineData("pageSize=101")]
    [InlineData("page=0")]
    [InlineData("page=11&pageSize=100")]
    [InlineData("sort=cheapest")]
    [InlineData("cursor=not-a-cursor")]
    [InlineData("city=东京")]
    [InlineData("education=幼儿园")]
    [InlineData("type=合伙人")]
    [InlineData("benefit=天天团建")]
    [InlineData("cohort=明年")]
    [InlineData("salaryMin=9000&salaryMax=5000")]
    [InlineData("salaryMin=abc")]
    public async Task Search_BadParameter_Answers400Problem(string query)
    {
        var response = await fixture.CreateClient().GetAsync("/api/postings/search?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Search_EducationFilter_ReturnsPostingsRequiringAtMostIt()
    {
        var result = await fixture.SearchAsync("education=大专&pageSize=100");
        Assert.All(result["items"]!.AsArray(), i => Assert.Contains((string)i!["education"]!, new[] { "不限", "大专" }));
        Assert.Contains("普工", Titles(result));
    }

    [Fact]
    public async Task Search_CursorPaging_WalksEveryHitOnce()
    {
        var first = await fixture.SearchAsync("pageSize=3&sort=newest");
        var total = (int)first["total"]!;
        var seen = first["items"]!.AsArray().Select(i => (long)i!["id"]!).ToList();
        var cursor = (string?)first["nextCursor"];
        while (cursor is not null)
        {
            var next = await fixture.SearchAsync($"pageSize=3&sort=newest&cursor={cursor}");
            seen.AddRange(next["items"]!.AsArray().Select(i => (long)i!["id"]!));
            cursor = (string?)next["nextCursor"];
        }

        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task Search_SortBySalary_OrdersByTopOfRange()
    {
        var result = await fixture.SearchAsync("sort=salary&pageSize=100");
        var maxima = result["items"]!.AsArray().Select(i => (int?)i!["salaryMax"] ?? -1).ToList();
        Assert.Equal(maxima.OrderDescending(), maxima);
    }

    [Fact]
    public async Task Create_NewPosting_IsFoundWithinOneSecond()
    {
        var watch = Stopwatch.StartNew();
        var id = await fixture.Employer.CreatePostingAsync(SearchFixture.P("区块链研究员", "研究共识算法。", "南京", "鼓楼区", 20000, 30000, "硕士", []));
        JsonArray items;
        do
        {
            items = (await fixture.SearchAsync(Q("区块链研究员")))["items"]!.AsArray();
            if (items.Count > 0)
            {
                break;
            }

            await Task.Delay(50);
        }
        while (watch.ElapsedMilliseconds < 1000);

        Assert.Equal(id, (long)items.Single()!["id"]!);
    }

    [Fact]
    public async Task Close_Posting_DisappearsFromSearch()
    {
        var id = await fixture.Employer.CreatePostingAsync(SearchFixture.P("量子计算实习生", "参与量子算法研究。", "南京", "鼓楼区", 6000, 8000, "硕士", []));
        await fixture.Employer.Client.PostAsync($"/api/postings/{id}/close", null);
        var deadline = Stopwatch.StartNew();
        int count;
        do
        {
            count = (await fixture.SearchAsync(Q("量子计算实习生")))["items"]!.AsArray().Count;
            if (count == 0)
            {
                break;
            }

            await Task.Delay(50);
        }
        while (deadline.ElapsedMilliseconds < 1000);

        Assert.Equal(0, count);
    }

    [Fact]
    public async Task Search_RecallPath_FindsSegmentationMismatches()
    {
        Assert.Contains("軟體工程師", Titles(await fixture.SearchAsync(Q("工程师"))));
        Assert.Contains("JAVA 开发工程师（应届）", Titles(await fixture.SearchAsync(Q("Java开发"))));
        Assert.Contains("会计", Titles(await fixture.SearchAsync(Q("马鞍山市 会计"))));
    }

    [Fact]
    public async Task Search_Synonym_FindsEquivalentTitle()
    {
        var result = await fixture.SearchAsync(Q("财务"));
        Assert.Contains("会计", Titles(result));
        Assert.NotNull(result["understood"]!["synonyms"]!["财务"]);
    }
}
