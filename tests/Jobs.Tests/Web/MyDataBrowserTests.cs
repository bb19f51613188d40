using Jobs.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Jobs.Tests.Web;

/// <summary>/me/data in a real Chromium, on a phone and on a desktop, checked by axe-core: close the account, see the banner, cancel.</summary>
public class MyDataBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task MyData_OnPhone_CloseAccountSeeBannerAndCancel()
    {
        var graduate = await browser.App.RegisterGraduateAsync();
        await graduate.CreateResumeAsync();
        await using var session = await browser.OpenAsync("my-data-phone");
        var page = session.Page;
        await SignInAsync(session, graduate.Email);

        await session.GoAsync("/me/data");
        await session.CheckAsync("my-data");
        await page.GetByLabel("输入当前密码以确认").FillAsync(ApiClient.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "申请注销账号" }).ClickAsync();
        await page.WaitForURLAsync("**/me/data?requested=1");
        await page.Locator(".deletion-banner").WaitForAsync();
        await session.CheckAsync("closing-requested");

        await page.GetByRole(AriaRole.Button, new() { Name = "撤销注销，保留我的账号" }).ClickAsync();
        await page.WaitForURLAsync("**/me/data?cancelled=1");
        Assert.Equal(0, await page.Locator(".deletion-banner").CountAsync());
        await session.CheckAsync("closing-cancelled");
    }

    [BrowserFact]
    public async Task MyData_OnDesktop_PendingClosureShowsBannerEverywhere()
    {
        var graduate = await browser.App.RegisterGraduateAsync();
        await graduate.CreateResumeAsync();
        var closing = await graduate.Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/me")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { password = ApiClient.Password }),
        });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, closing.StatusCode);
        await using var session = await browser.OpenAsync("my-data-desktop", BrowserFixture.Desktop);
        await SignInAsync(session, graduate.Email);

        await session.GoAsync("/me/resume");
        await session.Page.Locator(".deletion-banner").WaitForAsync();
        await session.CheckAsync("resume-with-banner");
        await session.GoAsync("/me/data");
        await session.CheckAsync("my-data-pending");
    }

    private static async Task SignInAsync(PageSession session, string email)
    {
        await session.GoAsync("/login");
        await session.Page.GetByLabel("邮箱").FillAsync(email);
        await session.Page.GetByLabel("密码").FillAsync(ApiClient.Password);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await session.Page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
    }
}
