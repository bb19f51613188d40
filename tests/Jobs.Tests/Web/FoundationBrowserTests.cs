using Jobs.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Jobs.Tests.Web;

/// <summary>The layout, sign-up and sign-in in a real Chromium, on a phone first; every page checked by axe-core.</summary>
public class FoundationBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Home_PhoneAndDesktop_RendersWithoutSeriousAccessibilityViolations()
    {
        await using var phone = await browser.OpenAsync("home-phone");
        var response = await phone.GoAsync("/");
        Assert.Equal(200, response!.Status);
        Assert.True(await phone.Page.GetByLabel("职位、公司或技能").IsVisibleAsync());
        await phone.CheckAsync("home");

        await using var desktop = await browser.OpenAsync("home-desktop", BrowserFixture.Desktop);
        await desktop.GoAsync("/");
        await desktop.CheckAsync("home");
        // The stylesheet applied: the header is the brand colour, not the browser's default white.
        var background = await desktop.Page.Locator("header.site-header").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.Equal("rgb(11, 92, 171)", background);
    }

    [BrowserFact]
    public async Task Register_GraduateOnPhone_SignsInAndHeaderOffersSignOut()
    {
        await using var session = await browser.OpenAsync("register-graduate");
        var page = session.Page;
        await session.GoAsync("/register");
        await session.CheckAsync("register-form");

        await page.GetByLabel("邮箱").FillAsync(ApiClient.UniqueEmail("phone"));
        await page.GetByLabel("密码").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
        await page.Locator("#password-error").WaitForAsync();
        await session.CheckAsync("register-error");

        await page.GetByLabel("密码").FillAsync(ApiClient.Password);
        await page.GetByLabel("姓名或昵称").FillAsync("李华");
        await page.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
        await page.WaitForURLAsync("**/me/matches");
        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).IsVisibleAsync());
        await session.CheckAsync("signed-in");

        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "登录" }).WaitForAsync();
        Assert.Equal(browser.App.Url("/"), page.Url);
    }

    [BrowserFact]
    public async Task Login_WithoutJavaScript_SignsInAndReturns()
    {
        var graduate = await browser.App.RegisterGraduateAsync();
        await using var session = await browser.OpenAsync("login-no-js", javaScript: false);
        var page = session.Page;

        await page.GotoAsync("/login?returnUrl=%2Fnot-a-page");
        await page.GetByLabel("邮箱").FillAsync(graduate.Email);
        await page.GetByLabel("密码").FillAsync(ApiClient.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync("**/not-a-page");

        Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).IsVisibleAsync());
    }
}
