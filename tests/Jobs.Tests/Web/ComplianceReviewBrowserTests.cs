using System.Net.Http.Json;
using Jobs.Tests.Infrastructure;
using Jobs.Tests.Postings;
using Microsoft.Playwright;

namespace Jobs.Tests.Web;

/// <summary>An organiser reviews a held posting on a phone (and the queue on a desktop), checked by axe-core.</summary>
public class ComplianceReviewBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Organiser_OnPhone_SeesMarkedWordsAndApproves()
    {
        var employer = await browser.App.RegisterEmployerAsync();
        var title = "浏览器审核岗" + Guid.NewGuid().ToString("N")[..4];
        var created = await employer.Client.PostAsJsonAsync("/api/postings",
            ComplianceTests.Posting(title, "仓库管理员，男性优先，35岁以下，本地户口，有叉车证者优先。"));
        Assert.True(created.IsSuccessStatusCode);
        var second = await employer.Client.PostAsJsonAsync("/api/postings",
            ComplianceTests.Posting(title + "乙", "前台文员，仅招女性，已婚已育优先，无乙肝。"));
        Assert.True(second.IsSuccessStatusCode);
        var organiser = await browser.App.CreateOrganiserAsync("南京");

        await using var session = await browser.OpenAsync("compliance-review");
        var page = session.Page;
        await SignInAsync(session, organiser.Email);
        await page.GetByRole(AriaRole.Heading, new() { Name = title, Exact = true }).WaitForAsync();
        Assert.True(await page.Locator("mark", new() { HasText = "男性优先" }).First.IsVisibleAsync());
        await session.CheckAsync("queue");

        await page.GetByRole(AriaRole.Link, new() { Name = title, Exact = true }).ClickAsync();
        await page.GetByLabel("退回原因（企业会看到）").WaitForAsync();
        await session.CheckAsync("detail");
        await page.GetByRole(AriaRole.Button, new() { Name = "通过，公开职位" }).ClickAsync();
        await page.WaitForURLAsync("**/organiser/postings/held?done=approved");
        await session.CheckAsync("approved");

        await using var desktop = await browser.OpenAsync("compliance-review-desktop", BrowserFixture.Desktop);
        await SignInAsync(desktop, organiser.Email);
        await desktop.Page.GetByRole(AriaRole.Heading, new() { Name = title + "乙" }).WaitForAsync();
        await desktop.CheckAsync("queue-desktop");
    }

    private static async Task SignInAsync(PageSession session, string email)
    {
        var page = session.Page;
        await session.GoAsync("/login?returnUrl=%2Forganiser%2Fpostings%2Fheld");
        await page.GetByLabel("邮箱").FillAsync(email);
        await page.GetByLabel("密码").FillAsync(ApiClient.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        // The heading is what the test needs; the load event can lag far behind on a loaded machine.
        await page.WaitForURLAsync("**/organiser/postings/held", new() { WaitUntil = WaitUntilState.DOMContentLoaded });
    }
}
