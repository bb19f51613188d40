using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Search;

/// <summary>Known postings for autocomplete, pinyin and "did you mean"; the lexicon refreshes every second here.</summary>
public sealed class SuggestFixture : JobsApiFactory, IAsyncLifetime
{
    public SignedIn Nanjing { get; private set; } = null!;

    public SignedIn Maanshan { get; private set; } = null!;

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [KeyValuePair.Create<string, string?>("Suggest:RefreshSeconds", "1")];

    public async Task InitializeAsync()
    {
        Nanjing = await this.RegisterEmployerAsync("南京", "南京云启软件科技有限公司");
        Maanshan = await this.RegisterEmployerAsync("马鞍山", "马鞍山华钢新材料有限公司");
        for (var i = 0; i < 3; i++)
        {
            await Nanjing.CreatePostingAsync(P("软件工程师", "负责业务系统开发。", "南京", "建邺区", ["Java"]));
        }

        await Nanjing.CreatePostingAsync(P("软件测试工程师", "编写测试用例，执行自动化测试。", "南京", "鼓楼区", ["Python"]));
        await Nanjing.CreatePostingAsync(P("Java开发工程师", "负责后端服务开发，熟悉 Spring Boot。", "南京", "江宁区", ["Java", "Spring Boot"]));
        await Nanjing.CreatePostingAsync(P("会计", "负责账务处理、纳税申报。", "南京", "玄武区", ["财务软件"]));
        await Maanshan.CreatePostingAsync(P("会计", "负责公司成本核算。", "马鞍山", "雨山区", []));
        await Maanshan.CreatePostingAsync(P("电焊工", "二保焊，持焊工证，包吃住。", "马鞍山", "花山区", ["焊工证"]));
        await Maanshan.CreatePostingAsync(P("电焊工", "氩弧焊，看得懂图纸。", "马鞍山", "雨山区", ["焊工证"]));
        await Maanshan.CreatePostingAsync(P("叉车司机", "厂内叉车驾驶，持证上岗。", "马鞍山", "雨山区", ["叉车证"]));
        // The lexicon reads the database in the background; wait until it has seen these postings.
        await WaitForAsync("rj", items => items.Any(i => (string)i!["text"]! == "软件工程师"));
    }

    public static Dictionary<string, object?> P(string title, string description, string city, string district, string[] skills) => new()
    {
        ["title"] = title, ["description"] = description, ["city"] = city, ["district"] = district, ["salaryMin"] = 6000,
        ["salaryMax"] = 9000, ["education"] = "大专", ["skills"] = skills, ["experience"] = "不限", ["category"] = "软件/互联网",
    };

    public async Task<JsonArray> SuggestAsync(string q, int? limit = null)
    {
        var response = await CreateClient().GetAsync($"/api/suggest?q={Uri.EscapeDataString(q)}" + (limit is { } l ? $"&limit={l}" : ""));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{q}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["items"]!.AsArray();
    }

    /// <summary>Polls the suggestions until <paramref name="done"/> holds, failing after 20 s.</summary>
    public async Task<JsonArray> WaitForAsync(string q, Func<JsonArray, bool> done)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var items = await SuggestAsync(q);
            if (done(items))
            {
                return items;
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"suggestions for {q} never changed as expected: {items.ToJsonString()}");
            await Task.Delay(100);
        }
    }

    public async Task<JsonObject> SearchAsync(string q)
    {
        // The fixture posts identical titles from one employer; these tests count each posting, not the folded groups.
        var response = await CreateClient().GetAsync("/api/postings/search?diversify=false&q=" + Uri.EscapeDataString(q));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{q}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public class SuggestApiTests(SuggestFixture fixture) : IClassFixture<SuggestFixture>
{
    private static List<string> Texts(JsonArray items) => items.Select(i => (string)i!["text"]!).ToList();

    [Fact]
    public async Task Suggest_HanziPrefix_OrdersByOpenPostingCount()
    {
        var items = await fixture.SuggestAsync("软件");
        Assert.Equal(("软件工程师", "title", 3), ((string)items[0]!["text"]!, (string)items[0]!["kind"]!, (int)items[0]!["count"]!));
        var tester = items.Single(i => (string)i!["text"]! == "软件测试工程师");
        Assert.Equal(1, (int)tester!["count"]!);
        // The function the tester posting was classified under is offered too.
        Assert.Contains(items, i => (string)i!["kind"]! == "function");
    }

    [Fact]
    public async Task Suggest_PinyinPrefix_FindsTitle()
    {
        Assert.Equal("软件工程师", Texts(await fixture.SuggestAsync("ruanjian"))[0]);
        Assert.Equal("软件工程师", Texts(await fixture.SuggestAsync("ruan jian gong"))[0]);
        Assert.Contains("电焊工", Texts(await fixture.SuggestAsync("dianhan")));
    }

    [Fact]
    public async Task Suggest_Initials_FindsTitleFirst()
    {
        var items = await fixture.SuggestAsync("rj");
        Assert.Equal("软件工程师", Texts(items)[0]);
        Assert.Contains("叉车司机", Texts(await fixture.SuggestAsync("ccsj")));
    }

    [Fact]
    public async Task Suggest_TraditionalInput_FoldsToSimplified()
    {
        Assert.Equal("软件工程师", Texts(await fixture.SuggestAsync("軟體工"))[0]);
    }

    [Fact]
    public async Task Suggest_SkillEmployerAndCity_CarryTheirKinds()
    {
        var java = (await fixture.SuggestAsync("jav")).First(i => (string)i!["text"]! == "Java");
        Assert.Equal("skill", (string)java!["kind"]!);
        Assert.Equal(4, (int)java["count"]!);
        var employer = (await fixture.SuggestAsync("马鞍山华")).Single();
        Assert.Equal(("马鞍山华钢新材料有限公司", "employer", 4), ((string)employer!["text"]!, (string)employer["kind"]!, (int)employer["count"]!));
        var city = (await fixture.SuggestAsync("nanj")).First(i => (string)i!["kind"]! == "city");
        Assert.Equal(("南京", 6), ((string)city!["text"]!, (int)city["count"]!));
    }

    [Theory]
    [InlineData("\u0000")]
    [InlineData("😀")]
    [InlineData("\u200b软")]
    [InlineData("%' OR 1=1 --")]
    [InlineData("-")]
    [InlineData("\"")]
    public async Task Suggest_OddInput_AnswersWithoutFailing(string q)
    {
        Assert.NotNull(await fixture.SuggestAsync(q));
        Assert.NotNull(await fixture.SearchAsync(q));
    }

    [Fact]
    public async Task Suggest_FullWidthInitials_FoldLikeSearch()
    {
        Assert.Equal("软件工程师", Texts(await fixture.SuggestAsync("ＲＪ"))[0]);
    }

    [Fact]
    public async Task Suggest_EmptyQuery_ReturnsEmptyList()
    {
        Assert.Empty(await fixture.SuggestAsync(""));
        Assert.Empty(await fixture.SuggestAsync("   "));
    }

    [Fact]
    public async Task Suggest_OverLongQueryOrBadLimit_Returns400ProblemInChinese()
    {
        var client = fixture.CreateClient();
        var response = await client.GetAsync("/api/suggest?q=" + new string('软', 41));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("输入太长", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/suggest?q=rj&limit=0")).StatusCode);
        Assert.Single(await fixture.SuggestAsync("rj", limit: 1));
    }

    [Fact]
    public async Task Suggest_PostingCreatedThenClosed_AppearsThenDisappearsAfterRefresh()
    {
        var id = await fixture.Nanjing.CreatePostingAsync(SuggestFixture.P("潜水焊接技师", "水下焊接作业。", "南京", "江宁区", []));
        await fixture.WaitForAsync("qianshui", items => Texts(items).Contains("潜水焊接技师"));
        Assert.Equal(HttpStatusCode.OK, (await fixture.Nanjing.Client.PostAsync($"/api/postings/{id}/close", null)).StatusCode);
        await fixture.WaitForAsync("qianshui", items => !Texts(items).Contains("潜水焊接技师"));
    }

    [Fact]
    public async Task Search_PinyinWord_FindsVocabularySynonymPostings()
    {
        var result = await fixture.SearchAsync("hangong");
        var titles = result["items"]!.AsArray().Select(i => (string)i!["title"]!).ToList();
        Assert.Equal(2, titles.Count(t => t == "电焊工"));
        Assert.Contains("电焊工", result["understood"]!["synonyms"]!["hangong"]!.AsArray().Select(s => (string)s!));
    }

    [Fact]
    public async Task Search_MixedPinyinAndHanzi_FindsBoth()
    {
        var kuaiji = await fixture.SearchAsync("kuaiji 南京");
        Assert.Equal(["会计"], kuaiji["items"]!.AsArray().Select(i => (string)i!["title"]!));
        Assert.Equal("南京", (string)kuaiji["items"]![0]!["city"]!);

        var java = await fixture.SearchAsync("java kaifa");
        Assert.Equal("Java开发工程师", (string)java["items"]![0]!["title"]!);
    }

    [Fact]
    public async Task Search_FuzzyPinyin_FallsBackWhenExactFindsNothing()
    {
        // hanggong (an/ang) and lanjing (n/l) are no reading of a known word; the fuzzy pairs find 焊工 and 南京.
        var welder = await fixture.SearchAsync("hanggong");
        Assert.Equal(2, (int)welder["total"]!);
        var accountant = await fixture.SearchAsync("kuaiji lanjing");
        // One posting matches both words; relaxed ones (another city's 会计) may follow it.
        Assert.Equal(1, (int?)accountant["relaxed"]?["exactTotal"] ?? (int)accountant["total"]!);
        Assert.Equal("南京", (string)accountant["items"]![0]!["city"]!);
    }

    [Theory]
    [InlineData("会记", "会计")]
    [InlineData("软件工程狮", "软件工程师")]
    [InlineData("叉车师机", "叉车司机")]
    [InlineData("jvaa", "java")]
    [InlineData("南京 会记", "南京 会计")]
    public async Task Search_MisspeltQueryWithFewResults_OffersDidYouMean(string typed, string corrected)
    {
        var result = await fixture.SearchAsync(typed);
        Assert.Equal(corrected, (string?)result["didYouMean"]);
    }

    [Theory]
    [InlineData("会计")]
    [InlineData("软件工程师")]
    [InlineData("kuaiji")]
    [InlineData("潜艇驾驶员")]
    public async Task Search_CorrectOrUncorrectableQuery_HasNoDidYouMean(string typed)
    {
        var result = await fixture.SearchAsync(typed);
        Assert.Null((string?)result["didYouMean"]);
    }

    [Fact]
    public async Task JobsPage_MisspeltQuery_LinksTheCorrectionWithoutScript()
    {
        var response = await fixture.CreateClient().GetAsync("/jobs?q=" + Uri.EscapeDataString("会记") + "&city=nanjing");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var at = html.IndexOf("你要找的是不是：", StringComparison.Ordinal);
        Assert.True(at >= 0, html);
        // A plain link that keeps the other filters: works without JavaScript.
        var link = $"<a href=\"/jobs?q={Uri.EscapeDataString("会计")}&amp;city=nanjing\">会计</a>";
        Assert.Contains(link, html[at..], StringComparison.OrdinalIgnoreCase);
        // The city given as a code in the address is named on its chip.
        Assert.Contains("去掉条件：南京", html, StringComparison.Ordinal);
        Assert.DoesNotContain("去掉条件：nanjing", html, StringComparison.Ordinal);

        var correct = await (await fixture.CreateClient().GetAsync("/jobs?q=" + Uri.EscapeDataString("会计"))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("你要找的是不是", correct, StringComparison.Ordinal);
    }
}
