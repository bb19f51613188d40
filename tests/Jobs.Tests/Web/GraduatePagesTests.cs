using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jobs.Core.Notifications;
using Jobs.Core.Storage;
using Jobs.Tests.Fairs;
using Jobs.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobs.Tests.Web;

/// <summary>The graduate's pages (/me/…, apply, fair registration) without a browser, through the real pipeline.</summary>
public partial class GraduatePagesTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    [Theory]
    [InlineData("/me/resume")]
    [InlineData("/me/matches")]
    [InlineData("/me/applications")]
    [InlineData("/me/alerts")]
    [InlineData("/me/fairs")]
    [InlineData("/me/notifications")]
    [InlineData("/jobs/1/apply")]
    [InlineData("/fairs/1/register")]
    public async Task MePage_Anonymous_RedirectsToLoginWithReturnUrl(string path)
    {
        var response = await new SiteClient(factory).GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/login?returnUrl=" + Uri.EscapeDataString(path), PathOf(response));
    }

    [Theory]
    [InlineData("/me/resume")]
    [InlineData("/me/matches")]
    [InlineData("/me/applications")]
    [InlineData("/me/alerts")]
    [InlineData("/me/fairs")]
    [InlineData("/jobs/1/apply")]
    public async Task GraduatePage_Employer_IsRefused(string path)
    {
        var employer = await factory.RegisterEmployerAsync();
        var browser = new SiteClient(factory);
        await browser.SignInAsync(employer.Email, ApiClient.Password);

        var response = await browser.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("我的简历</h1>", html, StringComparison.Ordinal);
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("/denied", StringComparison.Ordinal) == true,
            $"{path}: {(int)response.StatusCode} {response.Headers.Location}");
    }

    [Fact]
    public async Task Notifications_Employer_CanOpenTheirOwn()
    {
        var employer = await factory.RegisterEmployerAsync();
        var browser = new SiteClient(factory);
        await browser.SignInAsync(employer.Email, ApiClient.Password);

        var html = await browser.GetStringAsync("/me/notifications");

        Assert.Contains("<h1>通知</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_InvalidFields_ShowsServiceMessagesNextToThemAndKeepsValues()
    {
        var browser = await SignedInGraduateAsync();

        var response = await browser.PostFormAsync("/me/resume", "resume", ValidResumeForm(new()
        {
            ["Input.FullName"] = "",
            ["Input.Phone"] = "12345",
            ["Input.PreferredCities"] = "南京、火星市",
            ["Input.Experiences[0].End"] = "2024-01",
        }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(ErrorAfter("fullName", "姓名不能为空"), html);
        Assert.Matches(ErrorAfter("phone", "手机号格式不正确"), html);
        Assert.Matches(ErrorAfter("preferredCities", "火星市"), html);
        Assert.Matches(ErrorAfter("exp-0-end", "结束时间不能早于开始时间"), html);
        Assert.Contains("value=\"南京大学\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"12345\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_NotANumberForYear_SaysSoAndSavesNothing()
    {
        var browser = await SignedInGraduateAsync();

        var response = await browser.PostFormAsync("/me/resume", "resume", ValidResumeForm(new() { ["Input.GraduationYear"] = "明年" }));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(ErrorAfter("graduationYear", "4 位数字"), html);
        Assert.Contains("还没有简历", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_ValidPost_CreatesThenUpdatesTheOneResume()
    {
        var (browser, graduate) = await SignedInGraduateWithAccountAsync();

        var created = await browser.PostFormAsync("/me/resume", "resume", ValidResumeForm(new()));
        var updated = await browser.PostFormAsync("/me/resume", "resume", ValidResumeForm(new() { ["Input.School"] = "南京理工大学", ["Input.Visibility"] = "hidden" }));
        var api = await (await graduate.Client.GetAsync("/api/me/resume")).ReadObjectAsync();
        var page = await browser.GetStringAsync("/me/resume?done=1");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/me/resume?done=1", PathOf(created));
        Assert.Equal(HttpStatusCode.Redirect, updated.StatusCode);
        Assert.Equal("南京理工大学", (string)api["school"]!);
        Assert.Equal("hidden", (string)api["visibility"]!);
        Assert.Equal("马鞍山", (string)api["preferredCities"]![1]!["name"]!);
        Assert.Equal("2025-07", (string)api["experiences"]![0]!["start"]!);
        Assert.Equal(2, api["skills"]!.AsArray().Count);
        Assert.Contains("简历已保存", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Java、Spring Boot\"", page, StringComparison.Ordinal);
        Assert.Matches(CheckedRegex("visibility-hidden"), page);
        Assert.Contains("你投递过的企业", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Matches_WithResume_ShowsPostingWithScoreBarsReasonsAndApplyLink()
    {
        var employer = await factory.RegisterEmployerAsync();
        var postingId = await employer.CreatePostingAsync(ApiClient.ValidPosting("Java后端开发工程师"));
        var (browser, graduate) = await SignedInGraduateWithAccountAsync();
        await graduate.CreateResumeAsync();

        var html = await WaitForPageAsync(browser, "/me/matches", $"href=\"/jobs/{postingId}/apply\"");

        Assert.Contains("Java后端开发工程师", html, StringComparison.Ordinal);
        Assert.Matches(MeterRegex(), html);
        Assert.Contains("技能与职位", html, StringComparison.Ordinal);
        Assert.Contains("城市", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Matches_WithoutResume_AsksForOne()
    {
        var browser = await SignedInGraduateAsync();

        var html = await browser.GetStringAsync("/me/matches");

        Assert.Contains("href=\"/me/resume\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<meter", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Matches_PageBeyondTheRanking_Is404WithLinkToTheFirstPage()
    {
        var (browser, graduate) = await SignedInGraduateWithAccountAsync();
        await graduate.CreateResumeAsync();

        var response = await browser.GetAsync("/me/matches?page=500");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("没有这一页", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/me/matches\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_Twice_AppliesOnceAndSaysSoTheSecondTime()
    {
        var employer = await factory.RegisterEmployerAsync();
        var postingId = await employer.CreatePostingAsync(ApiClient.ValidPosting("测试工程师"));
        var (browser, graduate) = await SignedInGraduateWithAccountAsync();
        await graduate.CreateResumeAsync();
        var path = $"/jobs/{postingId}/apply";

        var form = await browser.GetStringAsync(path);
        var first = await browser.PostFormAsync(path, "apply", new Dictionary<string, string> { ["Input.CoverLetter"] = "我在校期间做过自动化测试。" });
        // A second post, as a double click or the back button sends it.
        var second = await browser.PostFormAsync(path, "apply", new Dictionary<string, string> { ["Input.CoverLetter"] = "" });
        var secondHtml = await second.Content.ReadAsStringAsync();
        var again = await browser.GetStringAsync(path);
        var applications = await browser.GetStringAsync("/me/applications?done=1");
        var applicants = await (await employer.Client.GetAsync($"/api/postings/{postingId}/applications")).ReadObjectAsync();

        Assert.Contains(">投递</button>", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/me/applications?done=1", PathOf(first));
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("投递过这个职位", secondHtml, StringComparison.Ordinal);
        Assert.Contains("投递过这个职位", again, StringComparison.Ordinal);
        Assert.DoesNotContain(">投递</button>", again, StringComparison.Ordinal);
        Assert.Contains("投递成功", applications, StringComparison.Ordinal);
        Assert.Contains("测试工程师", applications, StringComparison.Ordinal);
        Assert.Contains("我在校期间做过自动化测试。", applications, StringComparison.Ordinal);
        Assert.Equal(1, (int)applicants["total"]!);
    }

    [Fact]
    public async Task Applications_EmployerInvites_ShowsStageInterviewAndHistory_ThenWithdrawEndsIt()
    {
        var employer = await factory.RegisterEmployerAsync();
        var postingId = await employer.CreatePostingAsync(ApiClient.ValidPosting("前端开发工程师"));
        var (browser, graduate) = await SignedInGraduateWithAccountAsync();
        await graduate.CreateResumeAsync();
        var applied = await browser.PostFormAsync($"/jobs/{postingId}/apply", "apply", new Dictionary<string, string> { ["Input.CoverLetter"] = "" });
        var applicationId = (long)(await (await employer.Client.GetAsync($"/api/postings/{postingId}/applications")).ReadObjectAsync())["items"]![0]!["application"]!["id"]!;
        var invited = await employer.Client.PostAsJsonAsync($"/api/applications/{applicationId}/stage", new
        {
            stage = "interviewInvited",
            interview = new { at = factory.Clock.GetUtcNow().AddDays(3), place = "南京市建邺区江东中路 100 号", link = "https://meeting.example.cn/j/123456", message = "请带上作品集" },
        });

        var page = await browser.GetStringAsync("/me/applications");
        var withdrawn = await browser.PostFormAsync("/me/applications", "withdraw", new Dictionary<string, string> { ["WithdrawId"] = applicationId.ToString() });
        var after = await browser.GetStringAsync("/me/applications?withdrawn=1");
        var again = await browser.PostFormAsync("/me/applications", "withdraw", new Dictionary<string, string> { ["WithdrawId"] = applicationId.ToString() });
        var notifications = await browser.GetStringAsync("/me/notifications");

        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.True(invited.IsSuccessStatusCode, await invited.Content.ReadAsStringAsync());
        Assert.Contains(">邀请面试</span>", page, StringComparison.Ordinal);
        Assert.Contains("南京市建邺区江东中路 100 号", page, StringComparison.Ordinal);
        Assert.Contains("请带上作品集", page, StringComparison.Ordinal);
        Assert.Contains("href=\"https://meeting.example.cn/j/123456\"", page, StringComparison.Ordinal);
        Assert.Matches("进展记录（[23] 条）[\\s\\S]*已投递[\\s\\S]*邀请面试", page);
        Assert.Contains("确认撤回", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Contains(">已撤回</span>", after, StringComparison.Ordinal);
        Assert.DoesNotContain("确认撤回", after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("已有最终结果", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("href=\"/me/applications\"", notifications, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_WithoutResume_PointsToTheEditorAndOffersNoButton()
    {
        var employer = await factory.RegisterEmployerAsync();
        var postingId = await employer.CreatePostingAsync();
        var browser = await SignedInGraduateAsync();

        var html = await browser.GetStringAsync($"/jobs/{postingId}/apply");

        Assert.Contains("先填写简历", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">投递</button>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Apply_UnknownPosting_Is404PageWithAWayOn()
    {
        var browser = await SignedInGraduateAsync();

        var response = await browser.GetAsync("/jobs/987654321/apply");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("href=\"/jobs\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notifications_MarkOneThenAll_ClearsTheUnreadCount()
    {
        var (browser, graduate) = await SignedInGraduateWithAccountAsync();
        var ids = await AddNotificationsAsync(graduate.UserId, 3);

        var before = await browser.GetStringAsync("/me/notifications");
        var one = await browser.PostFormAsync("/me/notifications", "read", new Dictionary<string, string> { ["ReadId"] = ids[0].ToString() });
        var afterOne = await browser.GetStringAsync("/me/notifications");
        var all = await browser.PostFormAsync("/me/notifications", "read-all", new Dictionary<string, string>());
        var afterAll = await browser.GetStringAsync("/me/notifications");

        Assert.Contains("未读 3 条", before, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"3 条未读\"", before, StringComparison.Ordinal);
        Assert.Contains("href=\"/me/alerts\"", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, one.StatusCode);
        Assert.Contains("未读 2 条", afterOne, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        Assert.Contains("未读 0 条", afterAll, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"badge\"", afterAll, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notifications_SomeoneElsesId_ChangesNothing()
    {
        var (_, owner) = await SignedInGraduateWithAccountAsync();
        var ids = await AddNotificationsAsync(owner.UserId, 1);
        var stranger = await SignedInGraduateAsync();

        var response = await stranger.PostFormAsync("/me/notifications", "read-all", new Dictionary<string, string>());
        await stranger.PostFormAsync("/me/notifications", "read", new Dictionary<string, string> { ["ReadId"] = ids[0].ToString() });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
        Assert.Null((await db.Notifications.SingleAsync(n => n.Id == ids[0])).ReadAt);
    }

    [Fact]
    public async Task FairRegistration_RegisterShowsQrTicket_ThenCancelFreesIt()
    {
        var organiser = await factory.CreateOrganiserAsync("南京");
        var fairId = await organiser.CreateOpenFairAsync(FairTestKit.Fair(factory, title: "南京秋季双选会"));
        var (browser, graduate) = await SignedInGraduateWithAccountAsync();

        var explain = await browser.GetStringAsync($"/fairs/{fairId}/register");
        var registered = await browser.PostFormAsync($"/fairs/{fairId}/register", "register-fair", new Dictionary<string, string>());
        var ticket = await browser.GetStringAsync($"/me/fairs/{fairId}?done=1");
        var mine = await (await graduate.Client.GetAsync($"/api/fairs/{fairId}/attendees/me")).ReadObjectAsync();
        var list = await browser.GetStringAsync("/me/fairs");
        var cancelled = await browser.PostFormAsync($"/me/fairs/{fairId}", "cancel", new Dictionary<string, string>());
        var after = await (await graduate.Client.GetAsync($"/api/fairs/{fairId}/attendees/me")).ReadObjectAsync();
        var afterPage = await browser.GetStringAsync($"/me/fairs/{fairId}?cancelled=1");

        Assert.Contains("候补", explain, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal($"/me/fairs/{fairId}?done=1", PathOf(registered));
        Assert.Contains("报名成功", ticket, StringComparison.Ordinal);
        Assert.Contains("src=\"data:image/png;base64,", ticket, StringComparison.Ordinal);
        Assert.Contains((string)mine["ticket"]!, ticket, StringComparison.Ordinal);
        Assert.Contains("南京秋季双选会", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal("cancelled", (string)after["status"]!);
        Assert.Contains("已取消", afterPage, StringComparison.Ordinal);
        Assert.DoesNotContain("data:image/png", afterPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FairRegistration_FullFair_ShowsWaitlistPosition()
    {
        var organiser = await factory.CreateOrganiserAsync("镇江");
        var fairId = await organiser.CreateOpenFairAsync(FairTestKit.Fair(factory, city: "镇江", attendees: 1));
        var first = await factory.RegisterGraduateAsync();
        Assert.Equal(HttpStatusCode.Created, (await first.Client.PostAsync($"/api/fairs/{fairId}/attendees", null)).StatusCode);
        var browser = await SignedInGraduateAsync();

        var form = await browser.GetStringAsync($"/fairs/{fairId}/register");
        var registered = await browser.PostFormAsync($"/fairs/{fairId}/register", "register-fair", new Dictionary<string, string>());
        var ticket = await browser.GetStringAsync($"/me/fairs/{fairId}");
        var again = await browser.PostFormAsync($"/fairs/{fairId}/register", "register-fair", new Dictionary<string, string>(), formPage: $"/me/fairs/{fairId}");

        Assert.Contains("报名候补", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Contains("候补第 <strong>1</strong> 位", ticket, StringComparison.Ordinal);
        Assert.DoesNotContain("data:image/png", ticket, StringComparison.Ordinal);
        // Registering again gives back the same place, as the API does.
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task FairRegistration_UnknownFair_Is404()
    {
        var browser = await SignedInGraduateAsync();

        var response = await browser.GetAsync("/fairs/987654321/register");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("招聘会不存在", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Alerts_CreateFromCurrentSearchThenDelete()
    {
        var (browser, graduate) = await SignedInGraduateWithAccountAsync();

        var form = await browser.GetStringAsync("/me/alerts?q=Java&city=%E5%8D%97%E4%BA%AC&city=%E6%BB%81%E5%B7%9E&education=%E6%9C%AC%E7%A7%91");
        var created = await browser.PostFormAsync("/me/alerts", "create-alert", new Dictionary<string, string>
        {
            ["Input.Kind"] = "search",
            ["Input.Name"] = "南京 Java",
            ["Input.Q"] = "Java",
            ["Input.Cities"] = "南京、滁州",
            ["Input.Education"] = "本科",
            ["Input.SalaryMin"] = "8000",
        });
        var api = await graduate.Client.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/me/alerts");
        var list = await browser.GetStringAsync("/me/alerts?done=1");
        var id = (long)api![0]!["id"]!;
        var deleted = await browser.PostFormAsync("/me/alerts", "delete-alert", new Dictionary<string, string> { ["DeleteId"] = id.ToString() });
        var afterDelete = await graduate.Client.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/me/alerts");

        Assert.Contains("value=\"Java\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"南京、滁州\"", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Single(api);
        Assert.Equal("南京 Java", (string)api[0]!["name"]!);
        Assert.Equal(2, api[0]!["criteria"]!["cities"]!.AsArray().Count);
        Assert.Equal(8000, (int)api[0]!["criteria"]!["salaryMin"]!);
        Assert.Contains("南京 Java", list, StringComparison.Ordinal);
        Assert.Contains("href=\"/jobs?q=Java&amp;city=", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Empty(afterDelete!);
    }

    [Fact]
    public async Task Alerts_UnknownCityAndResumeAlertWithoutResume_AreExplained()
    {
        var browser = await SignedInGraduateAsync();

        var badCity = await browser.PostFormAsync("/me/alerts", "create-alert", new Dictionary<string, string>
        {
            ["Input.Kind"] = "search", ["Input.Cities"] = "火星市", ["Input.Q"] = "会计",
        });
        var noResume = await browser.PostFormAsync("/me/alerts", "create-alert", new Dictionary<string, string> { ["Input.Kind"] = "resume" });
        var badCityHtml = await badCity.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, badCity.StatusCode);
        Assert.Matches(ErrorAfter("alert-city", "火星市"), badCityHtml);
        Assert.Contains("value=\"会计\"", badCityHtml, StringComparison.Ordinal);
        Assert.Contains("请先创建简历", await noResume.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/me/matches?page=abc")]
    [InlineData("/me/matches?page=-1")]
    [InlineData("/me/notifications?page=abc")]
    [InlineData("/me/resume?done=yes")]
    [InlineData("/me/alerts?salaryMin=abc&city=%E7%81%AB%E6%98%9F")]
    [InlineData("/me/fairs/abc")]
    public async Task MePage_OddAddress_IsNeverAServerError(string path)
    {
        var browser = await SignedInGraduateAsync();

        var response = await browser.GetAsync(path);

        Assert.True((int)response.StatusCode < 500, $"{path}: {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Notifications_ReadIdNotANumber_IsNotAServerError()
    {
        var browser = await SignedInGraduateAsync();

        var response = await browser.PostFormAsync("/me/notifications", "read", new Dictionary<string, string> { ["ReadId"] = "abc" });

        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}");
    }

    private string PathOf(HttpResponseMessage response) => new Uri(factory.Server.BaseAddress, response.Headers.Location!).PathAndQuery;

    private async Task<SiteClient> SignedInGraduateAsync() => (await SignedInGraduateWithAccountAsync()).Browser;

    private async Task<(SiteClient Browser, SignedIn Graduate)> SignedInGraduateWithAccountAsync()
    {
        var graduate = await factory.RegisterGraduateAsync();
        var browser = new SiteClient(factory);
        var signedIn = await browser.SignInAsync(graduate.Email, ApiClient.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return (browser, graduate);
    }

    private static Dictionary<string, string> ValidResumeForm(Dictionary<string, string> overrides)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.FullName"] = "王小明",
            ["Input.School"] = "南京大学",
            ["Input.Major"] = "计算机科学与技术",
            ["Input.Degree"] = "本科",
            ["Input.GraduationYear"] = "2026",
            ["Input.DesiredTitles"] = "Java开发工程师",
            ["Input.Skills"] = "Java、Spring Boot",
            ["Input.PreferredCities"] = "南京，马鞍山",
            ["Input.ExpectedSalaryMin"] = "8000",
            ["Input.ExpectedSalaryMax"] = "12000",
            ["Input.Experiences[0].Organisation"] = "南京云启软件科技有限公司",
            ["Input.Experiences[0].Title"] = "后端开发实习生",
            ["Input.Experiences[0].Start"] = "2025-07",
            ["Input.Experiences[0].End"] = "2025-09",
            ["Input.Experiences[1].Organisation"] = "",
            ["Input.SelfIntroduction"] = "热爱编程。",
            ["Input.Phone"] = "13912345678",
            ["Input.Email"] = "wangxm@example.com",
            ["Input.Visibility"] = "employersOnly",
        };
        foreach (var (key, value) in overrides)
        {
            form[key] = value;
        }

        return form;
    }

    private async Task<IReadOnlyList<long>> AddNotificationsAsync(long userId, int count)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
        var added = Enumerable.Range(0, count).Select(i => new Notification
        {
            UserId = userId,
            Kind = NotificationKinds.JobAlert,
            Title = $"「南京 Java」有 {i + 1} 个新职位",
            Body = "Java开发工程师（南京测试科技有限公司）",
            Link = "/api/me/alerts/1",
            DedupKey = $"test:{Guid.NewGuid():N}",
            CreatedAt = DateTime.UtcNow.AddMinutes(-i),
        }).ToList();
        db.Notifications.AddRange(added);
        await db.SaveChangesAsync();
        return added.Select(n => n.Id).ToList();
    }

    /// <summary>Search indexes a new posting shortly after it is saved; the page is read until it shows it.</summary>
    private static async Task<string> WaitForPageAsync(SiteClient browser, string path, string expected)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var html = await browser.GetStringAsync(path);
            if (html.Contains(expected, StringComparison.Ordinal))
            {
                return html;
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"{path} never showed {expected}");
            await Task.Delay(50);
        }
    }

    /// <summary>The message sits in the field's own error paragraph, the one its input points to.</summary>
    private static Regex ErrorAfter(string id, string message) =>
        new($"aria-describedby=\"[^\"]*{Regex.Escape(id)}-error[^\"]*\"[\\s\\S]*?<p class=\"error\" id=\"{Regex.Escape(id)}-error\">[^<]*{Regex.Escape(message)}");

    private static Regex CheckedRegex(string id) => new($"id=\"{Regex.Escape(id)}\"[^>]*checked");

    [GeneratedRegex("<meter min=\"0\" max=\"1\"[^>]*value=\"[0-9.]+\"")]
    private static partial Regex MeterRegex();
}
