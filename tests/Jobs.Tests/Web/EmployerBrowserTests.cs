using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Jobs.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Jobs.Tests.Web;

/// <summary>An employer on a phone, in a real Chromium: sign up, post a vacancy, see it searchable, read an application.</summary>
public class EmployerBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Employer_SignsUpPostsFindsItInSearchAndSeesApplicantContact()
    {
        await using var session = await browser.OpenAsync("employer-flow");
        var page = session.Page;

        await session.GoAsync("/employer/register");
        await session.CheckAsync("register");
        var email = ApiClient.UniqueEmail("phone-hr");
        var creditCode = ApiClient.UniqueCreditCode();
        await page.GetByLabel("邮箱").FillAsync(email);
        await page.GetByLabel("密码").FillAsync(ApiClient.Password);
        await page.GetByLabel("联系人").FillAsync("陈经理");
        await page.GetByLabel("企业名称").FillAsync("马鞍山皖江冷链物流有限公司");
        await page.GetByLabel("统一社会信用代码").FillAsync(creditCode);
        await page.GetByLabel("所在城市").SelectOptionAsync("马鞍山");
        await page.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
        await page.WaitForURLAsync("**/employer");
        await page.GetByRole(AriaRole.Heading, new() { Name = "马鞍山皖江冷链物流有限公司" }).WaitForAsync();
        await session.CheckAsync("dashboard");
        // Verified through the API (VerificationBrowserTests walks the pages), so its postings go public at once.
        await browser.App.VerifyEmployerAsync(await browser.App.SignInAsync(email), creditCode, "马鞍山皖江冷链物流有限公司", "马鞍山");

        await page.GetByRole(AriaRole.Link, new() { Name = "发布职位" }).First.ClickAsync();
        await page.WaitForURLAsync("**/employer/postings/new");
        await session.CheckAsync("posting-form");
        var title = "冷库叉车司机" + Guid.NewGuid().ToString("N")[..4];
        await page.Locator("#title").FillAsync(title);
        await page.Locator("#city").SelectOptionAsync("马鞍山");
        await page.Locator("#salaryMin").FillAsync("6000");
        await page.Locator("#salaryMax").FillAsync("8000");
        await page.GetByLabel("包吃住").CheckAsync();
        // A missing description comes back as the service's message, next to the field, with the rest kept.
        await page.GetByRole(AriaRole.Button, new() { Name = "发布职位" }).ClickAsync();
        await page.Locator("#description-error").WaitForAsync();
        Assert.Equal(title, await page.Locator("#title").InputValueAsync());
        await session.CheckAsync("posting-error");

        await page.Locator("#description").FillAsync("冷库内叉车作业，持叉车证，两班倒，包吃住，五险一金。");
        await page.GetByRole(AriaRole.Button, new() { Name = "发布职位" }).ClickAsync();
        await page.WaitForURLAsync("**/employer/postings?done=created*");
        var posted = Stopwatch.StartNew();
        var publicLink = page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("查看公开页面") });
        var href = await publicLink.GetAttributeAsync("href");
        Assert.Matches(@"^/jobs/\d+$", href);
        var postingId = long.Parse(href!["/jobs/".Length..], System.Globalization.CultureInfo.InvariantCulture);

        // Public search finds it within a second: polled against a deadline, not slept on.
        using var anonymous = new HttpClient { BaseAddress = browser.App.ServerAddress };
        var found = false;
        while (!found && posted.Elapsed < TimeSpan.FromSeconds(1))
        {
            var search = await anonymous.GetStringAsync($"/api/postings/search?q={Uri.EscapeDataString(title)}");
            found = search.Contains($"\"id\":{postingId},", StringComparison.Ordinal);
        }

        Assert.True(found, $"posting {postingId} not found in search {posted.ElapsedMilliseconds} ms after it was posted");
        await session.CheckAsync("posted");

        var graduate = await browser.App.RegisterGraduateAsync();
        await graduate.CreateResumeAsync(ApiClient.ValidResume(phone: "13855550188"));
        var applied = await graduate.Client.PostAsJsonAsync($"/api/postings/{postingId}/applications", new { coverLetter = "有叉车证，三年冷库经验。" });
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);

        await session.GoAsync("/employer/postings");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^投递 1 份") }).ClickAsync();
        await page.WaitForURLAsync($"**/employer/postings/{postingId}/applicants");
        await page.GetByText("列表和搜索结果不显示联系方式").First.WaitForAsync();
        await session.CheckAsync("applicants");
        // Contact data is on the application's own page, not in the list.
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^查看投递详情") }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "13855550188" }).WaitForAsync();
        Assert.Equal("tel:13855550188", await page.GetByRole(AriaRole.Link, new() { Name = "13855550188" }).GetAttributeAsync("href"));
        await session.CheckAsync("application");
        await session.GoAsync($"/employer/postings/{postingId}/applicants");

        // The same pages on a desktop screen, for the screenshots and axe at that width.
        await page.SetViewportSizeAsync(BrowserFixture.Desktop.Width, BrowserFixture.Desktop.Height);
        await session.CheckAsync("applicants-desktop");
        await session.GoAsync("/employer/postings");
        await session.CheckAsync("postings-desktop");
        await session.GoAsync($"/employer/postings/{postingId}/edit");
        await session.CheckAsync("edit-desktop");
        await session.GoAsync($"/employer/postings/{postingId}/candidates");
        await session.CheckAsync("candidates-desktop");
        await session.GoAsync("/employer/profile");
        await session.CheckAsync("profile-desktop");
        await session.GoAsync("/employer/fairs");
        await session.CheckAsync("fairs-desktop");
    }
}
