using System.Diagnostics;
using System.Net;
using Jobs.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Jobs.Tests.Web;

/// <summary>Verification on a phone, in a real Chromium: an employer sends its licence, the city's organiser approves, the posting goes public.</summary>
public class VerificationBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Employer_SubmitsLicenceOrganiserApproves_PostingBecomesSearchable()
    {
        await using var session = await browser.OpenAsync("verification-flow");
        var page = session.Page;
        var email = ApiClient.UniqueEmail("verify-hr");
        const string Name = "扬州运河认证测试物流有限公司";
        var creditCode = ApiClient.UniqueCreditCode();

        await session.GoAsync("/employer/register");
        await page.GetByLabel("邮箱").FillAsync(email);
        await page.GetByLabel("密码").FillAsync(ApiClient.Password);
        await page.GetByLabel("联系人").FillAsync("周经理");
        await page.GetByLabel("企业名称").FillAsync(Name);
        await page.GetByLabel("统一社会信用代码").FillAsync(creditCode);
        await page.GetByLabel("所在城市").SelectOptionAsync("扬州");
        await page.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
        await page.WaitForURLAsync("**/employer");
        await page.GetByText("企业尚未通过认证").WaitForAsync();
        await session.CheckAsync("dashboard-unverified");

        // A posting prepared before verification stays off search.
        var employer = await browser.App.SignInAsync(email);
        var title = "运河仓储主管" + Guid.NewGuid().ToString("N")[..4];
        var postingId = await employer.CreatePostingAsync(ApiClient.ValidPosting(title));
        using var anonymous = new HttpClient { BaseAddress = browser.App.ServerAddress };
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/postings/{postingId}")).StatusCode);

        await page.GetByRole(AriaRole.Link, new() { Name = "前往企业认证" }).ClickAsync();
        await page.WaitForURLAsync("**/employer/verification");
        await session.CheckAsync("verification-form");
        await page.Locator("#licence").SetInputFilesAsync(new FilePayload { Name = "营业执照.png", MimeType = "image/png", Buffer = ApiClient.LicencePng });
        await page.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await page.WaitForURLAsync("**/employer/verification?done=1");
        await page.GetByText("认证状态：审核中").WaitForAsync();
        await session.CheckAsync("verification-pending");

        var organiser = await browser.App.CreateOrganiserAsync("扬州");
        await using var review = await browser.OpenAsync("verification-review");
        var reviewPage = review.Page;
        await review.GoAsync("/login?returnUrl=%2Forganiser%2Fverifications");
        await reviewPage.GetByLabel("邮箱").FillAsync(organiser.Email);
        await reviewPage.GetByLabel("密码").FillAsync(ApiClient.Password);
        await reviewPage.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await reviewPage.WaitForURLAsync("**/organiser/verifications");
        await review.CheckAsync("queue");
        await reviewPage.GetByRole(AriaRole.Link, new() { Name = Name }).ClickAsync();
        await reviewPage.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("打开营业执照文件") }).WaitForAsync();
        await review.CheckAsync("submission");
        await reviewPage.GetByRole(AriaRole.Button, new() { Name = "通过认证" }).ClickAsync();
        await reviewPage.WaitForURLAsync("**done=approved");
        await review.CheckAsync("approved");

        // Search finds the posting soon after: polled against a deadline.
        var approved = Stopwatch.StartNew();
        var found = false;
        while (!found && approved.Elapsed < TimeSpan.FromSeconds(10))
        {
            var search = await anonymous.GetStringAsync($"/api/postings/search?q={Uri.EscapeDataString(title)}");
            found = search.Contains($"\"id\":{postingId},", StringComparison.Ordinal);
        }

        Assert.True(found, $"posting {postingId} not found in search {approved.ElapsedMilliseconds} ms after approval");
        await session.GoAsync("/employer/verification");
        await page.GetByText("认证状态：已认证").WaitForAsync();
        await session.CheckAsync("verified");

        await page.SetViewportSizeAsync(BrowserFixture.Desktop.Width, BrowserFixture.Desktop.Height);
        await session.CheckAsync("verified-desktop");
        await reviewPage.SetViewportSizeAsync(BrowserFixture.Desktop.Width, BrowserFixture.Desktop.Height);
        await review.GoAsync("/organiser/verifications?status=approved");
        await review.CheckAsync("queue-desktop");
    }
}
