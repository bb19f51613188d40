using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Jobs.Tests.Fairs;
using Jobs.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Jobs.Tests.Web.Organiser;

/// <summary>An organiser runs a fair with a browser only: plans a season, decides a booth, checks people in at the door, exports the list.</summary>
public class FairConsoleBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Organiser_PlansSeason_ProposalEditedSlotBecomesDrafts()
    {
        var organiser = await browser.App.CreateOrganiserAsync("南京");
        await using var session = await browser.OpenAsync("organiser-season");
        var page = session.Page;
        await SignInAsync(session, organiser, "/organiser");
        await page.GetByRole(AriaRole.Heading, new() { Name = "今日工作：南京" }).WaitForAsync();
        await session.CheckAsync("console");

        await session.GoAsync("/organiser/fairs");
        await page.GetByRole(AriaRole.Link, new() { Name = "规划新一季" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^规划新一季") }).WaitForAsync();
        await session.CheckAsync("season-scope");
        var name = "浏览器招聘季" + Guid.NewGuid().ToString("N")[..4];
        await page.GetByLabel("招聘季名称").FillAsync(name);
        await page.GetByLabel("开始日期").FillAsync("2027-09-01");
        await page.GetByLabel("结束日期").FillAsync("2027-11-30");
        await page.GetByLabel("场次数").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "生成方案" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "建议的场次" }).WaitForAsync();
        Assert.Equal(3, await page.Locator("li.slot").CountAsync());
        await session.CheckAsync("season-proposal");

        // The second stop moves to Nanjing with a venue of its own.
        await page.Locator("#slot1-city").SelectOptionAsync("南京");
        await page.Locator("#slot1-venue").FillAsync("南京国际展览中心 3 号馆");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建草稿" }).ClickAsync();
        await page.WaitForURLAsync("**/organiser/fairs?season=*&done=season", new() { WaitUntil = WaitUntilState.Commit });
        await page.GetByText("已创建招聘季的 3 场草稿").WaitForAsync();
        await page.GetByText("南京国际展览中心 3 号馆").WaitForAsync();
        await session.CheckAsync("season-created");

        await page.GetByRole(AriaRole.Link, new() { Name = $"{name}·南京站" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = $"{name}·南京站" }).WaitForAsync();
        await session.CheckAsync("draft-fair");
        await page.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await page.WaitForURLAsync("**done=published", new() { WaitUntil = WaitUntilState.Commit });
        await page.GetByText("已发布，报名窗口开启后").WaitForAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "发布" }).CountAsync());
        await session.CheckAsync("published");

        await page.SetViewportSizeAsync(BrowserFixture.Desktop.Width, BrowserFixture.Desktop.Height);
        await session.CheckAsync("draft-fair-desktop");
        await session.GoAsync($"/organiser/seasons/new?propose=1&name={Uri.EscapeDataString(name)}&from=2027-09-01&to=2027-11-30&count=4");
        await page.GetByRole(AriaRole.Heading, new() { Name = "建议的场次" }).WaitForAsync();
        await session.CheckAsync("season-proposal-desktop");
        await session.GoAsync("/organiser/fairs");
        await page.GetByRole(AriaRole.Link, new() { Name = "规划新一季" }).First.WaitForAsync();
        await session.CheckAsync("fair-list-desktop");
        await session.GoAsync("/organiser");
        await page.GetByRole(AriaRole.Heading, new() { Name = "今日工作：南京" }).WaitForAsync();
        await session.CheckAsync("console-desktop");
    }

    [BrowserFact]
    public async Task Organiser_ApprovesBoothApplication_FromTheConsole()
    {
        var organiser = await browser.App.CreateOrganiserAsync("扬州");
        var title = "扬州展位浏览器测试招聘会" + Guid.NewGuid().ToString("N")[..4];
        var fairId = await organiser.CreateOpenFairAsync(FairTestKit.Fair(browser.App, city: "扬州", title: title));
        const string Employer = "扬州运河展位浏览器测试有限公司";
        var employer = await browser.App.RegisterEmployerAsync("扬州", Employer);
        var posting = await employer.CreatePostingAsync(ApiClient.ValidPosting("展位浏览器测试工程师"));
        var applied = await employer.Client.PostAsJsonAsync($"/api/fairs/{fairId}/booths", new { postingIds = new[] { posting }, note = "需要一个靠近入口的展位" });
        Assert.True(applied.IsSuccessStatusCode);

        await using var session = await browser.OpenAsync("organiser-booth");
        var page = session.Page;
        await SignInAsync(session, organiser, "/organiser");
        await page.GetByRole(AriaRole.Heading, new() { Name = "今日工作：扬州" }).WaitForAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = title }).First.ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = title }).WaitForAsync();
        await session.CheckAsync("fair-with-application");

        // The employer's name is visually hidden (positioned), which Chromium separates with a space in the button's name.
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"^通过\\s*（{Employer}）$") }).ClickAsync();
        await page.WaitForURLAsync("**done=approved*", new() { WaitUntil = WaitUntilState.Commit });
        await page.GetByText("已通过展位申请").WaitForAsync();
        await session.CheckAsync("approved");
        var mine = await (await employer.Client.GetAsync($"/api/fairs/{fairId}/booths/mine")).ReadObjectAsync();
        Assert.Equal("approved", (string)mine["status"]!);

        await page.SetViewportSizeAsync(BrowserFixture.Desktop.Width, BrowserFixture.Desktop.Height);
        await session.CheckAsync("approved-desktop");
    }

    [BrowserFact]
    public async Task Organiser_ChecksGraduateInOnPhone_ThenDownloadsAttendeeCsv()
    {
        var organiser = await browser.App.CreateOrganiserAsync("镇江");
        var fairId = await organiser.CreateDoorFairAsync(browser.App, "镇江");
        var name = "门口" + Guid.NewGuid().ToString("N")[..4];
        var ticket = await (await OrganiserKit.GraduateAsync(browser.App, name, school: "江苏大学", major: "机械工程")).TicketAsync(fairId);

        await using var session = await browser.OpenAsync("organiser-door");
        var page = session.Page;
        await SignInAsync(session, organiser, $"/organiser/fairs/{fairId}/check-in");
        var input = page.GetByLabel("门票号");
        await input.WaitForAsync();
        Assert.True(await IsFocusedAsync(page), "the ticket input has the focus when the page opens");
        await session.CheckAsync("check-in");

        await input.FillAsync(ticket.Replace("-", "").ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "签到", Exact = true }).ClickAsync();
        await page.Locator(".scan-ok").GetByText("签到成功").WaitForAsync();
        await page.Locator(".scan-ok").GetByText(name).WaitForAsync();
        Assert.Equal("", await input.InputValueAsync());
        Assert.True(await IsFocusedAsync(page), "the input is ready for the next ticket");
        await session.CheckAsync("green");

        await input.FillAsync(ticket);
        await input.PressAsync("Enter");
        await page.Locator(".scan-again").GetByText(new Regex(@"^已于 \d\d:\d\d 签到过$")).WaitForAsync();
        await session.CheckAsync("already");

        await input.FillAsync("ZZZZZ-ZZZZZ");
        await page.GetByRole(AriaRole.Button, new() { Name = "签到", Exact = true }).ClickAsync();
        await page.Locator(".scan-bad").GetByText("票号无效").WaitForAsync();
        await session.CheckAsync("red");
        // The script ran under the CSP; without a camera-capable BarcodeDetector (headless Chromium on Linux) the scan button stays hidden.
        await page.Locator("#check-in-form[data-scanner='typing']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.False(await page.GetByRole(AriaRole.Button, new() { Name = "扫码" }).IsVisibleAsync());

        await page.SetViewportSizeAsync(BrowserFixture.Desktop.Width, BrowserFixture.Desktop.Height);
        await session.CheckAsync("red-desktop");

        await session.GoAsync($"/organiser/fairs/{fairId}");
        await page.GetByRole(AriaRole.Cell, new() { Name = name }).WaitForAsync();
        await session.CheckAsync("fair-attendees-desktop");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "导出 CSV" }).ClickAsync());
        Assert.Equal($"fair-{fairId}-attendees.csv", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("序号,姓名,门票号,状态,签到时间,学校,专业", lines[0]);
        Assert.Matches($"^1,{name},{ticket},已报名,\\d{{4}}-\\d\\d-\\d\\d \\d\\d:\\d\\d,江苏大学,机械工程$", Assert.Single(lines[1..]));

        await page.SetViewportSizeAsync(BrowserFixture.Phone.Width, BrowserFixture.Phone.Height);
        await page.GetByLabel("按姓名或门票号查找").FillAsync(ticket);
        await page.GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
        await page.WaitForURLAsync("**q=*", new() { WaitUntil = WaitUntilState.Commit });
        await page.GetByRole(AriaRole.Cell, new() { Name = name }).WaitForAsync();
        await session.CheckAsync("fair-attendee-search");
    }

    [BrowserFact]
    public async Task Door_BrowserWithQrReaderAndCamera_ScanFillsTheTicketAndChecksIn()
    {
        var organiser = await browser.App.CreateOrganiserAsync("马鞍山");
        var fairId = await organiser.CreateDoorFairAsync(browser.App, "马鞍山");
        var name = "扫码" + Guid.NewGuid().ToString("N")[..4];
        var ticket = await (await OrganiserKit.GraduateAsync(browser.App, name)).TicketAsync(fairId);

        await using var session = await browser.OpenAsync("organiser-door-scan");
        var page = session.Page;
        // A phone's QR reader and camera, stood in for: the detector "reads" the ticket from whatever the camera shows.
        await session.Context.AddInitScriptAsync($$"""
            window.BarcodeDetector = class {
              static async getSupportedFormats() { return ['qr_code']; }
              async detect() { return [{ rawValue: '{{ticket}}' }]; }
            };
            navigator.mediaDevices.enumerateDevices = async () => [{ kind: 'videoinput', deviceId: 'door', label: '', groupId: 'door' }];
            navigator.mediaDevices.getUserMedia = async () => {
              const canvas = document.createElement('canvas');
              canvas.width = 64; canvas.height = 64;
              canvas.getContext('2d').fillRect(0, 0, 64, 64);
              return canvas.captureStream(5);
            };
            """);
        await SignInAsync(session, organiser, $"/organiser/fairs/{fairId}/check-in");
        var scan = page.GetByRole(AriaRole.Button, new() { Name = "扫码" });
        await scan.WaitForAsync();
        await session.CheckAsync("scan-offered");

        await scan.ClickAsync();
        await page.Locator(".scan-ok").GetByText(name).WaitForAsync();
        await session.CheckAsync("scanned-green");

        // The camera reopens by itself for the next in the queue; the same ticket, still held up, is read again only after a
        // hold-off, and then answers amber.
        await page.Locator(".scan-again").GetByText(name).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "关闭摄像头" }).ClickAsync();
        await scan.WaitForAsync();
        Assert.False(await page.Locator("#scanner").IsVisibleAsync());
    }

    private static Task<bool> IsFocusedAsync(IPage page) => page.EvaluateAsync<bool>("() => document.activeElement && document.activeElement.id === 'ticket'");

    private static async Task SignInAsync(PageSession session, SignedIn user, string returnUrl)
    {
        var page = session.Page;
        await session.GoAsync("/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await page.GetByLabel("邮箱").FillAsync(user.Email);
        await page.GetByLabel("密码").FillAsync(ApiClient.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync("**" + returnUrl, new() { WaitUntil = WaitUntilState.Commit });
    }
}
