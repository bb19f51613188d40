using Jobs.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Jobs.Tests.Statistics;

/// <summary>The statistics pages in Chromium on a phone and a desktop: axe-clean, screenshots of each.</summary>
public sealed class DataBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task DataPages_PhoneAndDesktop_ShowFiguresAndTheReport()
    {
        await StatisticsWorld.SeedAsync(browser.App);
        await StatisticsWorld.SnapshotAsync(browser.App);

        await using var phone = await browser.OpenAsync("data-phone");
        await phone.GoAsync("/data?period=2026Q3");
        await phone.Page.GetByRole(AriaRole.Heading, new() { Name = "人力资源供求数据", Level = 1 }).WaitForAsync();
        Assert.True(await phone.Page.Locator("figure#ratio-by-city").IsVisibleAsync());
        await phone.CheckAsync("overview");

        // The filter form keeps state in the query string.
        await phone.Page.GetByLabel("城市", new() { Exact = true }).SelectOptionAsync("nanjing");
        await phone.Page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await phone.Page.WaitForURLAsync("**city=nanjing*", new() { WaitUntil = WaitUntilState.Commit });
        await phone.Page.GetByRole(AriaRole.Link, new() { Name = "人才流向" }).WaitForAsync();
        await phone.CheckAsync("overview-nanjing");

        await phone.Page.GetByRole(AriaRole.Link, new() { Name = "人才流向" }).ClickAsync();
        await phone.Page.GetByRole(AriaRole.Heading, new() { Name = "都市圈人才流向", Level = 1 }).WaitForAsync();
        await phone.CheckAsync("flows");

        await phone.Page.GetByRole(AriaRole.Link, new() { Name = "季度报告" }).ClickAsync();
        await phone.Page.GetByRole(AriaRole.Heading, new() { Name = "南京2026年第三季度人力资源市场供求状况分析", Level = 1 }).WaitForAsync();
        Assert.Contains("本季度南京求人倍率为0.91，较上季度上升0.48", await phone.Page.Locator("article.report").InnerTextAsync(), StringComparison.Ordinal);
        await phone.CheckAsync("report");

        await using var desktop = await browser.OpenAsync("data-desktop", BrowserFixture.Desktop);
        await desktop.GoAsync("/data?period=2026Q3");
        await desktop.Page.GetByRole(AriaRole.Heading, new() { Name = "人力资源供求数据", Level = 1 }).WaitForAsync();
        await desktop.CheckAsync("overview");
        await desktop.GoAsync("/data/report?city=nanjing&quarter=2026Q3");
        await desktop.Page.Locator("article.report").WaitForAsync();
        await desktop.CheckAsync("report");

        var organiser = await browser.App.CreateOrganiserAsync("南京");
        await desktop.GoAsync("/login?returnUrl=%2Fdata%2Fdetail%3Fperiod%3D2026Q3");
        await desktop.Page.GetByLabel("邮箱").FillAsync(organiser.Email);
        await desktop.Page.GetByLabel("密码").FillAsync(ApiClient.Password);
        await desktop.Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await desktop.Page.GetByRole(AriaRole.Heading, new() { Name = "细分统计与招聘漏斗", Level = 1 }).WaitForAsync();
        Assert.True(await desktop.Page.Locator("figure#funnel-function").IsVisibleAsync());
        await desktop.CheckAsync("detail");
    }
}
