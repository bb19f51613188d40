using Jobs.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Jobs.Tests.Web;

/// <summary>An anonymous visitor on a phone: search in pinyin, narrow by a filter, read a posting, then the fairs.</summary>
public class PublicBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task AnonymousSearch_PinyinQueryAndCityFilter_OpensPostingWithJsonLdAndApplyLink_ThenFairs()
    {
        await PublicSiteFixture.SeedAsync(browser.App);
        await using var session = await browser.OpenAsync("public-search");
        var page = session.Page;
        var cspErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                cspErrors.Add(message.Text);
            }
        };

        await session.GoAsync("/");
        await page.GetByLabel("职位、公司或技能").FillAsync("chache siji");
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await page.WaitForURLAsync("**/jobs?q=chache*");
        await page.GetByRole(AriaRole.Heading, new() { Name = "找到 2 个职位" }).WaitForAsync();
        await session.CheckAsync("results");

        await page.Locator("#filters").GetByRole(AriaRole.Link, new() { Name = "马鞍山" }).ClickAsync();
        await page.WaitForURLAsync("**city=*");
        await page.GetByRole(AriaRole.Heading, new() { Name = "找到 1 个职位" }).WaitForAsync();
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "去掉条件：马鞍山" }).IsVisibleAsync());
        await session.CheckAsync("filtered");

        await page.Locator("ol.results").GetByRole(AriaRole.Link, new() { Name = "叉车司机" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "叉车司机", Level = 1 }).WaitForAsync();
        var jsonLd = await page.Locator("script[type='application/ld+json']").TextContentAsync();
        Assert.Contains("\"JobPosting\"", jsonLd, StringComparison.Ordinal);
        Assert.Contains("马鞍山", jsonLd, StringComparison.Ordinal);
        var apply = page.GetByRole(AriaRole.Link, new() { Name = "申请这个职位" });
        Assert.True(await apply.IsVisibleAsync());
        Assert.Matches("^/jobs/\\d+/apply$", await apply.GetAttributeAsync("href"));
        await session.CheckAsync("posting");

        await page.GetByRole(AriaRole.Link, new() { Name = "招聘会", Exact = true }).First.ClickAsync();
        await page.WaitForURLAsync("**/fairs");
        await session.CheckAsync("fairs");
        await page.GetByRole(AriaRole.Link, new() { Name = "南京秋季高校毕业生招聘会" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "参展单位（1）" }).WaitForAsync();
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "报名参加" }).IsVisibleAsync());
        await session.CheckAsync("fair");
        Assert.Empty(cspErrors);

        // The same pages on a desktop screen, for the screenshots and axe at the wider layout.
        await using var desktop = await browser.OpenAsync("public-search-desktop", BrowserFixture.Desktop);
        await desktop.GoAsync("/jobs?q=chache%20siji");
        await desktop.Page.GetByRole(AriaRole.Heading, new() { Name = "找到 2 个职位" }).WaitForAsync();
        await desktop.CheckAsync("results");
        await desktop.Page.Locator("ol.results").GetByRole(AriaRole.Link, new() { Name = "叉车司机" }).First.ClickAsync();
        await desktop.Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).WaitForAsync();
        await desktop.CheckAsync("posting");
    }
}
