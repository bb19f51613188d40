using System.Text.RegularExpressions;
using Jobs.Tests.Infrastructure;
using Microsoft.Playwright;
using static Jobs.Tests.Imports.ImportTestKit;

namespace Jobs.Tests.Web.Imports;

/// <summary>Feed imports in a real Chromium: an organiser uploads a file on the imports page and reads the run's report.</summary>
public partial class ImportBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Organiser_UploadsFeedWithProgress_SeesReport()
    {
        // A held run of the same city, so the page shows the decision buttons too.
        var admin = await browser.App.SignInAdminAsync();
        var earlier = Rows("zj-old", 4, city: "镇江");
        await admin.UploadOkAsync("镇江", Csv(earlier));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, (await admin.UploadAsync("镇江", Csv(earlier[0]))).StatusCode);
        var organiser = await browser.App.CreateOrganiserAsync("镇江");
        await using var session = await browser.OpenAsync("imports-upload");
        var page = session.Page;
        var uploads = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.EndsWith("/organiser/imports/upload", StringComparison.Ordinal))
            {
                uploads.Add(request.ResourceType);
            }
        };

        await SignInAsync(session, organiser.Email, "/organiser/imports");
        // The upload script is deferred, so it has run once the document has loaded (the load event itself can lag).
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await page.GetByRole(AriaRole.Heading, new() { Name = "数据导入", Exact = true }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认导入" }).First.WaitForAsync();
        await session.CheckAsync("imports");

        await page.Locator("#upload-file").SetInputFilesAsync(new FilePayload
        {
            Name = "镇江职位.csv",
            MimeType = "text/csv",
            Buffer = Csv([.. Rows("zj-new", 5, city: "镇江"), Row("zj-bad", ("city", "镇江"), ("posted_at", "2025-13-45"))]),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并导入" }).ClickAsync();
        await page.WaitForURLAsync(ReportUrl(), new() { WaitUntil = WaitUntilState.Commit });
        await page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^导入 #\\d+") }).WaitForAsync();

        // The script sent the file (XMLHttpRequest, which drives the progress bar), not the plain form.
        Assert.Equal(["xhr"], uploads);
        await page.GetByRole(AriaRole.Heading, new() { Name = "拒收的行（1）" }).WaitForAsync();
        Assert.Equal("5", await page.Locator(".run-counts li", new() { HasText = "新增" }).Locator(".count").First.TextContentAsync());
        await session.CheckAsync("report");

        await page.SetViewportSizeAsync(BrowserFixture.Desktop.Width, BrowserFixture.Desktop.Height);
        await session.CheckAsync("report-desktop");
        await session.GoAsync("/organiser/imports");
        await page.GetByRole(AriaRole.Heading, new() { Name = "导入记录" }).WaitForAsync();
        await session.CheckAsync("imports-desktop");
    }

    [BrowserFact]
    public async Task Organiser_UploadsWithoutJavaScript_SeesReport()
    {
        var organiser = await browser.App.CreateOrganiserAsync("扬州");
        await using var session = await browser.OpenAsync("imports-upload-no-script", javaScript: false);
        var page = session.Page;

        await SignInAsync(session, organiser.Email, "/organiser/imports");
        await page.Locator("#upload-file").SetInputFilesAsync(new FilePayload
        {
            Name = "yangzhou.csv", MimeType = "text/csv", Buffer = Csv(Rows("yz-plain", 2, city: "扬州")),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "上传并导入" }).ClickAsync();
        await page.WaitForURLAsync(ReportUrl(), new() { WaitUntil = WaitUntilState.Commit });
        await page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^导入 #\\d+") }).WaitForAsync();
        // No CheckAsync here: axe is a script, and this page runs none.
        Assert.Equal("2", await page.Locator(".run-counts li", new() { HasText = "新增" }).Locator(".count").First.TextContentAsync());
    }

    private static async Task SignInAsync(PageSession session, string email, string returnUrl)
    {
        var page = session.Page;
        await session.GoAsync("/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.GetByLabel("邮箱").FillAsync(email);
        await page.GetByLabel("密码").FillAsync(ApiClient.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync("**" + returnUrl, new() { WaitUntil = WaitUntilState.Commit });
    }

    [GeneratedRegex("/organiser/imports/\\d+$")]
    private static partial Regex ReportUrl();
}
