using Hangfire;
using Hangfire.Storage;
using Jobs.Background.Alerts;
using Jobs.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Jobs.Tests.Web.Admin;

/// <summary>The admin console in a real Chromium: the page itself, and the jobs dashboard opened with the site's sign-in.</summary>
public class AdminBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Admin_SignsInOnSite_OpensJobsDashboardAndTriggersAJob()
    {
        await browser.App.CreateOrganiserAsync("南京");
        await using var session = await browser.OpenAsync("admin-console");
        var page = session.Page;
        await session.GoAsync("/login?returnUrl=%2Fadmin");
        await page.GetByLabel("邮箱").FillAsync(JobsApiFactory.AdminEmail);
        await page.GetByLabel("密码").FillAsync(JobsApiFactory.AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync("**/admin", new() { WaitUntil = WaitUntilState.Commit });
        await page.GetByRole(AriaRole.Heading, new() { Name = "系统管理" }).WaitForAsync();
        await session.CheckAsync("admin");
        await page.GetByText("存储", new() { Exact = false }).First.ClickAsync();
        await session.CheckAsync("admin-settings-open");
        await page.SetViewportSizeAsync(BrowserFixture.Desktop.Width, BrowserFixture.Desktop.Height);
        await session.CheckAsync("admin-desktop");

        await page.GetByRole(AriaRole.Link, new() { Name = "打开后台任务面板" }).ClickAsync();
        await page.WaitForURLAsync("**/hangfire", new() { WaitUntil = WaitUntilState.Commit });
        await page.GetByText("Jobs · background jobs").First.WaitForAsync();
        // The dashboard is Hangfire's page, not ours: a screenshot, no accessibility check.
        await page.ScreenshotAsync(new() { Path = Path.Combine(PageSession.ScreensDirectory, "admin-console", "90-hangfire.png"), FullPage = true });

        // Its buttons work with the cookie: Hangfire's script sends the page's antiforgery token with the command.
        var before = LastAlertsRun();
        await session.GoAsync("/hangfire/recurring");
        await page.Locator($"input.js-jobs-list-checkbox[value='{JobAlertsJob.RecurringId}']").CheckAsync();
        await page.Locator("button.js-jobs-list-command[data-url$='/recurring/trigger']").ClickAsync();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (LastAlertsRun() == before && DateTime.UtcNow < deadline)
        {
            await page.WaitForTimeoutAsync(100);
        }

        // No screenshot here: Hangfire's script reloads the page after a command, and a screenshot taken across that
        // reload can wait for a frame that never comes.
        Assert.NotEqual(before, LastAlertsRun());
    }

    private string? LastAlertsRun()
    {
        using var connection = browser.App.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().Single(r => r.Id == JobAlertsJob.RecurringId).LastJobId;
    }
}
