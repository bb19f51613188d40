using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Jobs.Tests.Web;

/// <summary>The public pages without a browser: search with filters and chips, posting detail with JSON-LD, employers, fairs, sitemap.</summary>
public partial class PublicPagesTests(PublicSiteFixture site) : IClassFixture<PublicSiteFixture>
{
    private static string E(string text) => Uri.EscapeDataString(text);

    [Theory]
    [InlineData("/jobs")]
    [InlineData("/jobs?q=java")]
    [InlineData("/fairs")]
    public async Task Page_Anonymous_IsChineseHtmlWithTitleAndNoInlineStyle(string path)
    {
        var (response, html) = await site.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Matches("<title>[^<]+</title>", html);
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("<script(?![^>]*\\b(src=|type=\"application/ld\\+json\"))[^>]*>", html);
    }

    [Fact]
    public async Task Jobs_PinyinQueryWithCityFilter_ListsOnlyThatCityAndOffersTheFilterAsRemovableChip()
    {
        var (response, html) = await site.GetAsync($"/jobs?q={E("chache siji")}&city={E("南京")}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"href=\"/jobs/{site.ForkliftNanjingId}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/jobs/{site.ForkliftMaanshanId}\"", html, StringComparison.Ordinal);
        Assert.Contains("找到 1 个职位", html, StringComparison.Ordinal);
        // The chip for 南京 leads to the same search without the city.
        Assert.Contains("href=\"/jobs?q=chache%20siji\" aria-label=\"去掉条件：南京\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jobs_AnySearch_OffersToSaveItAsAnAlertWithItsFilters()
    {
        var (_, html) = await site.GetAsync($"/jobs?q={E("chache siji")}&city={E("南京")}&page=1");

        // The graduate's alert page reads the same parameters and fills its form from them.
        Assert.Contains($"href=\"/me/alerts?q=chache%20siji&amp;city={E("南京")}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jobs_CityWrittenInQuery_ShowsUnderstoodChipThatRemovesTheWord()
    {
        var (_, html) = await site.GetAsync($"/jobs?q={E("nanjing java")}");

        Assert.Contains($"href=\"/jobs/{site.JavaId}\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/jobs?q=java\" aria-label=\"去掉条件：城市：南京\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jobs_Facets_CountPerCityAndLinkToTheFilteredSearch()
    {
        var (_, html) = await site.GetAsync($"/jobs?q={E("叉车司机")}");

        foreach (var city in new[] { "马鞍山", "南京" })
        {
            var chip = Regex.Match(html, $"<a class=\"chip\" href=\"(?<href>[^\"]+)\">{city}<span class=\"count\">(?<count>\\d+)");
            Assert.True(chip.Success, city);
            Assert.Equal($"/jobs?q={E("叉车司机")}&amp;city={E(city)}", chip.Groups["href"].Value);
            Assert.Equal("1", chip.Groups["count"].Value);
        }

        Assert.Matches("<em class=\"hl\">叉车", html);
    }

    [Fact]
    public async Task Jobs_SelectedFacet_LinksBackToTheSearchWithoutIt()
    {
        var (_, html) = await site.GetAsync($"/jobs?q={E("叉车司机")}&city={E("马鞍山")}");

        Assert.Matches($"class=\"chip on\" href=\"/jobs\\?q={Regex.Escape(E("叉车司机"))}\" aria-current=\"true\"", html);
        Assert.Contains($"href=\"/jobs/{site.ForkliftMaanshanId}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/jobs/{site.ForkliftNanjingId}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jobs_TitleWithScriptTag_IsShownAsTextWithOnlyOurHighlightMarkup()
    {
        var (_, html) = await site.GetAsync($"/jobs?q={E("测试工程师")}");

        Assert.Contains($"href=\"/jobs/{site.ScriptId}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>加粗</b>", html, StringComparison.Ordinal);
        Assert.Matches("<em class=\"hl\">[^<]*测试", html);
    }

    [Fact]
    public async Task Jobs_NothingFound_SuggestsRemovingTheFilterAndNearbyCitiesWithCounts()
    {
        var (response, html) = await site.GetAsync($"/jobs?q={E("会计")}&city={E("南京")}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("没有找到职位", html, StringComparison.Ordinal);
        Assert.Matches($"<a href=\"/jobs\\?q={Regex.Escape(E("会计"))}\">去掉“南京”</a> <span class=\"meta\">（1 个职位）</span>", html);
        Assert.Matches($"<a href=\"/jobs\\?q={Regex.Escape(E("会计"))}&amp;city={Regex.Escape(E("马鞍山"))}\">附近的马鞍山</a>", html);
    }

    [Fact]
    public async Task Jobs_TwoWordsOneMatchingNothing_ListsTheOtherWordsPostingsAndSaysSo()
    {
        var (_, html) = await site.GetAsync($"/jobs?q={E("会计 飞行员")}");

        var text = System.Net.WebUtility.HtmlDecode(html);
        Assert.True(text.Contains("没有同时包含“会计”和“飞行员”的职位，以下为包含“会计”的结果", StringComparison.Ordinal),
            Regex.Match(text, "<p class=\"notice relaxed\"[^<]*").Value);
        Assert.Contains("找到 1 个职位", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Jobs_MoreThanOnePage_PagesByLinks()
    {
        var (_, first) = await site.GetAsync($"/jobs?q={E("质检员")}");
        var (_, second) = await site.GetAsync($"/jobs?q={E("质检员")}&page=2");

        Assert.Contains("找到 22 个职位", first, StringComparison.Ordinal);
        Assert.Equal(20, PostingLinkRegex().Matches(first).Count(m => m.Groups["title"].Success));
        Assert.Contains($"href=\"/jobs?q={E("质检员")}&amp;page=2\" rel=\"next\"", first, StringComparison.Ordinal);
        Assert.Equal(2, PostingLinkRegex().Matches(second).Count(m => m.Groups["title"].Success));
        Assert.Contains($"href=\"/jobs?q={E("质检员")}\" rel=\"prev\"", second, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("city=%E7%81%AB%E6%98%9F", "火星")]
    [InlineData("salaryMin=abc", "月薪应为整数")]
    [InlineData("education=%E5%B0%8F%E5%AD%A6%E7%94%9F", "未知学历")]
    public async Task Jobs_BadFilter_Is400WithTheApisMessage(string query, string message)
    {
        var (response, html) = await site.GetAsync("/jobs?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("href=\"/jobs\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobDetail_OpenPosting_CarriesJobPostingJsonLdCanonicalAndApplyLink()
    {
        var (response, html) = await site.GetAsync($"/jobs/{site.JavaId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ld = JsonNode.Parse(JsonLdRegex().Match(html).Groups["json"].Value)!;
        Assert.Equal("JobPosting", (string)ld["@type"]!);
        Assert.Equal("Java开发工程师", (string)ld["title"]!);
        Assert.Contains("Spring Boot", (string)ld["description"]!, StringComparison.Ordinal);
        Assert.Equal("FULL_TIME", (string)ld["employmentType"]!);
        Assert.Equal("南京云启软件科技有限公司", (string)ld["hiringOrganization"]!["name"]!);
        Assert.Equal("南京市", (string)ld["jobLocation"]!["address"]!["addressLocality"]!);
        Assert.Equal("建邺区", (string)ld["jobLocation"]!["address"]!["streetAddress"]!);
        Assert.Equal("CNY", (string)ld["baseSalary"]!["currency"]!);
        Assert.Equal(10000, (int)ld["baseSalary"]!["value"]!["minValue"]!);
        Assert.Equal(15000, (int)ld["baseSalary"]!["value"]!["maxValue"]!);
        Assert.Equal("MONTH", (string)ld["baseSalary"]!["value"]!["unitText"]!);
        Assert.True(DateTimeOffset.TryParse((string)ld["datePosted"]!, out _));
        Assert.True(DateTimeOffset.TryParse((string)ld["validThrough"]!, out _));
        Assert.Contains($"<link rel=\"canonical\" href=\"http://localhost/jobs/{site.JavaId}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/jobs/{site.JavaId}/apply\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/employers/{site.Nanjing.EmployerId}\"", html, StringComparison.Ordinal);
        Assert.Contains("10-15K·13薪", html, StringComparison.Ordinal);
        Assert.Contains("五险一金", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobDetail_ScriptInTitle_CannotCloseTheJsonLdBlockOrRunInThePage()
    {
        var (_, html) = await site.GetAsync($"/jobs/{site.ScriptId}");

        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        var json = JsonLdRegex().Match(html).Groups["json"].Value;
        Assert.DoesNotContain("</script", json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(PublicSiteFixture.ScriptTitle, (string)JsonNode.Parse(json)!["title"]!);
        Assert.Contains("<h1 id=\"posting-title\">&lt;script&gt;alert(1)&lt;/script&gt;测试工程师</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobDetail_ClosedPosting_IsGoneWithSimilarOpenPostingsAndNoJsonLd()
    {
        var (response, html) = await site.GetAsync($"/jobs/{site.ClosedId}");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("该职位已下线", html, StringComparison.Ordinal);
        Assert.DoesNotContain("application/ld+json", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/jobs/{site.ClosedId}/apply\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/jobs/{site.JavaId}\"", html, StringComparison.Ordinal);
        Assert.Contains("noindex", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/jobs/987654321", "<h1>职位不存在</h1>", "href=\"/jobs\"")]
    [InlineData("/employers/987654321", "<h1>单位不存在</h1>", "href=\"/jobs\"")]
    [InlineData("/fairs/987654321", "<h1>招聘会不存在</h1>", "href=\"/fairs\"")]
    public async Task Detail_Unknown_Is404WithThePagesOwnExplanation(string path, string heading, string onwardLink)
    {
        var (response, html) = await site.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(heading, html, StringComparison.Ordinal);
        Assert.Contains(onwardLink, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Employer_Page_ShowsProfileAndOnlyOpenPostings()
    {
        var (response, html) = await site.GetAsync($"/employers/{site.Nanjing.EmployerId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>南京云启软件科技有限公司</h1>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/jobs/{site.JavaId}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/jobs/{site.ClosedId}\"", html, StringComparison.Ordinal);
        Assert.Contains("在招职位（3）", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fairs_FilteredByHostCity_ListsTheFairAndOthersCityFilterHidesIt()
    {
        var (_, nanjing) = await site.GetAsync($"/fairs?city={E("南京")}");
        var (_, maanshan) = await site.GetAsync($"/fairs?city={E("马鞍山")}");

        Assert.Contains($"href=\"/fairs/{site.FairId}\"", nanjing, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/fairs/{site.FairId}\"", maanshan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fair_Page_ShowsExhibitorTheirPostingsSearchAndRegisterLink()
    {
        var (response, html) = await site.GetAsync($"/fairs/{site.FairId}");
        var (_, searched) = await site.GetAsync($"/fairs/{site.FairId}?q={E("叉车")}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("1 号展位", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/employers/{site.Nanjing.EmployerId}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/jobs/{site.JavaId}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/jobs/{site.ForkliftNanjingId}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/jobs/{site.ForkliftMaanshanId}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/fairs/{site.FairId}/register\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/jobs/{site.ForkliftNanjingId}\"", searched, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/jobs/{site.JavaId}\"", searched, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sitemap_ListsOpenPostingsAndFairsWithLastmod_NotClosedOnes()
    {
        var (response, xml) = await site.GetAsync("/sitemap.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = XDocument.Parse(xml).Root!.Elements(ns + "url")
            .ToDictionary(u => (string)u.Element(ns + "loc")!, u => (string?)u.Element(ns + "lastmod"));
        Assert.True(urls.TryGetValue($"http://localhost/jobs/{site.JavaId}", out var lastmod) && DateTimeOffset.TryParse(lastmod, out _));
        Assert.Contains($"http://localhost/fairs/{site.FairId}", urls.Keys);
        Assert.DoesNotContain($"http://localhost/jobs/{site.ClosedId}", urls.Keys);
    }

    [Fact]
    public async Task Robots_AllowsTheSiteButNotApiOrPrivateAreas_AndPointsToTheSitemap()
    {
        var (response, text) = await site.GetAsync("/robots.txt");
        var lines = text.Split('\n');

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Allow: /", lines);
        foreach (var path in new[] { "/api/", "/me/", "/employer/", "/hangfire", "/login" })
        {
            Assert.Contains("Disallow: " + path, lines);
        }

        Assert.Contains("Sitemap: http://localhost/sitemap.xml", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("Disallow: /jobs", StringComparison.Ordinal) && !l.Contains('*', StringComparison.Ordinal));
    }

    [GeneratedRegex("<script type=\"application/ld\\+json\">(?<json>.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLdRegex();

    [GeneratedRegex("<h3 class=\"title\"><a href=\"/jobs/\\d+\">(?<title>)")]
    private static partial Regex PostingLinkRegex();
}
