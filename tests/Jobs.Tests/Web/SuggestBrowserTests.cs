using Jobs.Search.Suggest;
using Jobs.Tests.Infrastructure;
using Jobs.Tests.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jobs.Tests.Web;

/// <summary>Someone on a phone types initials into the home page's search box, picks a suggestion with the keyboard, and searches it.</summary>
public class SuggestBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task SearchBox_TypingInitials_OffersTitleAndKeyboardChoiceSearchesIt()
    {
        var employer = await browser.App.RegisterEmployerAsync("南京", "南京软通科技有限公司");
        await employer.CreatePostingAsync(SuggestFixture.P("软件工程师", "负责业务系统开发。", "南京", "建邺区", ["Java"]));
        // Another title: two postings of one employer under one title would be folded into one result.
        await employer.CreatePostingAsync(SuggestFixture.P("高级软件工程师", "负责数据平台开发。", "南京", "鼓楼区", ["Go"]));
        // The lexicon rebuilds by itself within Suggest:RefreshSeconds; build it now rather than wait.
        await browser.App.Services.GetRequiredService<SearchLexiconProvider>().RefreshAsync(CancellationToken.None);

        await using var session = await browser.OpenAsync("suggest-box");
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
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "职位、公司或技能" });
        await box.PressSequentiallyAsync("rj");
        var first = page.GetByRole(AriaRole.Option).First;
        await first.WaitForAsync();
        Assert.Contains("软件工程师", await first.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("true", await box.GetAttributeAsync("aria-expanded"));
        await session.CheckAsync("suggestions");

        await box.PressAsync("Escape");
        Assert.Equal("false", await box.GetAttributeAsync("aria-expanded"));
        Assert.True(await page.GetByRole(AriaRole.Listbox).IsHiddenAsync());

        await box.PressAsync("ArrowDown");
        await box.PressAsync("ArrowDown");
        Assert.Equal("true", await first.GetAttributeAsync("aria-selected"));
        Assert.Equal(await first.GetAttributeAsync("id"), await box.GetAttributeAsync("aria-activedescendant"));

        await box.PressAsync("Enter");
        await page.WaitForURLAsync("**/jobs?q=*");
        Assert.EndsWith("/jobs?q=" + Uri.EscapeDataString("软件工程师"), page.Url, StringComparison.OrdinalIgnoreCase);
        await page.GetByRole(AriaRole.Heading, new() { Name = "找到 2 个职位" }).WaitForAsync();
        await session.CheckAsync("results");

        // A misspelt search offers the correction as a plain link.
        await session.GoAsync("/jobs?q=" + Uri.EscapeDataString("软件工程狮"));
        var correction = page.Locator(".did-you-mean").GetByRole(AriaRole.Link, new() { Name = "软件工程师" });
        await correction.WaitForAsync();
        Assert.Contains("你要找的是不是：", await page.Locator(".did-you-mean").TextContentAsync(), StringComparison.Ordinal);
        await session.CheckAsync("did-you-mean");
        await correction.ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "找到 2 个职位" }).WaitForAsync();
        Assert.Empty(cspErrors);
    }

    [BrowserFact]
    public async Task SearchBox_WithoutJavaScript_IsAPlainForm()
    {
        await using var session = await browser.OpenAsync("suggest-box-nojs", javaScript: false);
        var page = session.Page;
        await session.GoAsync("/");
        Assert.Equal(0, await page.GetByRole(AriaRole.Combobox).CountAsync());
        await page.GetByLabel("职位、公司或技能").FillAsync("会计");
        await page.GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await page.WaitForURLAsync("**/jobs?q=*");
        Assert.EndsWith("/jobs?q=" + Uri.EscapeDataString("会计"), page.Url, StringComparison.OrdinalIgnoreCase);
    }
}
