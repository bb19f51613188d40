using System.Diagnostics;
using Jobs.Tests.Fairs;
using Jobs.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Jobs.Tests.Web;

/// <summary>A graduate's whole way on a phone, in a real Chromium, every page checked by axe-core.</summary>
public class GraduateBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Graduate_OnPhone_SignsUpWritesResumeSeesMatchesAppliesAndGetsFairTicket()
    {
        var employer = await browser.App.RegisterEmployerAsync();
        var postingId = await employer.CreatePostingAsync(ApiClient.ValidPosting("Java开发工程师（应届）"));
        var organiser = await browser.App.CreateOrganiserAsync("南京");
        var fairId = await organiser.CreateOpenFairAsync(FairTestKit.Fair(browser.App, title: "南京高校毕业生冬季招聘会"));

        await using var session = await browser.OpenAsync("graduate-flow");
        var page = session.Page;

        await session.GoAsync("/register");
        await page.GetByLabel("邮箱").FillAsync(ApiClient.UniqueEmail("phone-grad"));
        await page.GetByLabel("密码").FillAsync(ApiClient.Password);
        await page.GetByLabel("姓名或昵称").FillAsync("陈思远");
        await page.GetByRole(AriaRole.Button, new() { Name = "注册" }).ClickAsync();
        await page.WaitForURLAsync("**/me/matches");
        await session.CheckAsync("matches-no-resume");

        await page.GetByRole(AriaRole.Link, new() { Name = "填写简历" }).ClickAsync();
        await page.WaitForURLAsync("**/me/resume");
        await session.CheckAsync("resume-empty");
        await page.Locator("#fullName").FillAsync("陈思远");
        await page.Locator("#school").FillAsync("南京邮电大学");
        await page.Locator("#major").FillAsync("软件工程");
        await page.Locator("#degree").SelectOptionAsync("本科");
        await page.Locator("#graduationYear").FillAsync("2026");
        await page.Locator("#desiredTitles").FillAsync("Java开发工程师");
        await page.Locator("#skills").FillAsync("Java、Spring Boot、MySQL");
        await page.Locator("#preferredCities").FillAsync("南京、镇江");
        await page.Locator("#phone").FillAsync("1391234");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存简历" }).ClickAsync();
        await page.Locator("#phone-error").WaitForAsync();
        await session.CheckAsync("resume-error");

        await page.Locator("#phone").FillAsync("13912345678");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存简历" }).ClickAsync();
        await page.WaitForURLAsync("**/me/resume?done=1");
        Assert.Equal("陈思远", await page.Locator("#fullName").InputValueAsync());
        await session.CheckAsync("resume-saved");

        // Search indexes the posting shortly after it is saved: the page is reloaded until it lists it.
        var apply = page.GetByRole(AriaRole.Link, new() { Name = "投递 Java开发工程师（应届）" });
        var watch = Stopwatch.StartNew();
        await session.GoAsync("/me/matches");
        while (await apply.CountAsync() == 0)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), "the posting never appeared among the matches");
            await session.GoAsync("/me/matches");
        }

        Assert.True(await page.Locator("meter").First.IsVisibleAsync());
        Assert.True(await page.GetByText("技能与职位").First.IsVisibleAsync());
        await session.CheckAsync("matches");

        await apply.ClickAsync();
        await page.WaitForURLAsync($"**/jobs/{postingId}/apply");
        await session.CheckAsync("apply");
        await page.GetByLabel("求职信（选填）").FillAsync("我熟悉 Spring Boot，做过校园二手交易平台。");
        await page.GetByRole(AriaRole.Button, new() { Name = "投递", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/me/applications?done=1");
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "Java开发工程师（应届）" }).IsVisibleAsync());
        await session.CheckAsync("applications");

        await session.GoAsync($"/fairs/{fairId}/register");
        await session.CheckAsync("fair-register");
        await page.GetByRole(AriaRole.Button, new() { Name = "报名", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/me/fairs/{fairId}?done=1");
        var qr = page.GetByRole(AriaRole.Img, new() { NameRegex = new System.Text.RegularExpressions.Regex("门票二维码") });
        await qr.WaitForAsync();
        Assert.True(await qr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        await session.CheckAsync("ticket");

        // The same pages with desktop columns, for the screenshots.
        await page.SetViewportSizeAsync(BrowserFixture.Desktop.Width, BrowserFixture.Desktop.Height);
        await session.GoAsync("/me/matches");
        await session.CheckAsync("desktop-matches");
        await session.GoAsync("/me/resume");
        await session.CheckAsync("desktop-resume");
        await session.GoAsync($"/me/fairs/{fairId}");
        await session.CheckAsync("desktop-ticket");
    }
}
