using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jobs.Tests.Fairs;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Web;

/// <summary>The employer pages without a browser: forms with the service's messages, ownership, masking, booths.</summary>
public partial class EmployerSiteTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    private static readonly string[] EmployerPaths =
        ["/employer", "/employer/profile", "/employer/postings", "/employer/postings/new", "/employer/fairs"];

    [Fact]
    public async Task EmployerPages_Graduate_AreRefused()
    {
        var graduate = await factory.RegisterGraduateAsync();
        var browser = new SiteClient(factory);
        await browser.SignInAsync(graduate.Email, ApiClient.Password);

        foreach (var path in EmployerPaths)
        {
            var response = await browser.GetAsync(path);

            Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden, $"{path}: {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                Assert.Contains("/denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task EmployerPages_Anonymous_RedirectToLoginWithReturnAddress()
    {
        var response = await new SiteClient(factory).GetAsync("/employer/postings?status=closed");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/login?returnUrl=%2Femployer%2Fpostings%3Fstatus%3Dclosed", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EmployerPages_SignedInEmployer_RenderWithCompanyName()
    {
        var (_, browser) = await SignInEmployerAsync("南京鼎新材料有限公司");

        foreach (var path in EmployerPaths)
        {
            var response = await browser.GetAsync(path);
            var html = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
            Assert.Matches(TitleRegex(), html);
            Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("<h1>南京鼎新材料有限公司</h1>", await browser.GetStringAsync("/employer"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostingNew_InvalidFields_ShowsServiceMessagesNextToFieldsAndKeepsValues()
    {
        var (_, browser) = await SignInEmployerAsync();

        var response = await browser.PostFormAsync("/employer/postings/new", "posting", new Dictionary<string, string>
        {
            ["Input.Title"] = "",
            ["Input.City"] = "南京",
            ["Input.District"] = "不存在区",
            ["Input.SalaryBasis"] = "月薪",
            ["Input.SalaryMin"] = "9000",
            ["Input.SalaryMax"] = "6000",
            ["Input.Description"] = "负责仓库叉车作业，持证上岗。",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(ErrorRegex("title", "职位名称不能为空"), html);
        Assert.Matches(ErrorRegex("salaryMax", "上限不能低于下限"), html);
        Assert.Matches(ErrorRegex("district", "不是南京的区县"), html);
        Assert.Contains("aria-describedby=\"salaryMax-error\"", html, StringComparison.Ordinal);
        // What was typed stays in the form.
        Assert.Contains("value=\"9000\"", html, StringComparison.Ordinal);
        Assert.Contains("负责仓库叉车作业，持证上岗。", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostingNew_NotANumber_IsReportedAndNothingIsSaved()
    {
        var (employer, browser) = await SignInEmployerAsync();

        var response = await browser.PostFormAsync("/employer/postings/new", "posting", ValidForm("仓库管理员"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var bad = new Dictionary<string, string>(ValidForm("夜班仓库管理员")) { ["Input.Headcount"] = "三个" };

        var refused = await browser.PostFormAsync("/employer/postings/new", "posting", bad);
        var html = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Matches(ErrorRegex("headcount", "请填写整数"), html);
        var list = await employer.Client.GetFromJsonAsync<PageOf>($"/api/postings?employerId={employer.EmployerId}&status=all");
        Assert.Equal(1, list!.Total);
    }

    [Fact]
    public async Task PostingNew_Valid_CreatesPostingFoundInSearchAndLinksToPublicPage()
    {
        var (employer, browser) = await SignInEmployerAsync();
        var title = "冷链仓储主管" + Guid.NewGuid().ToString("N")[..4];

        var response = await browser.PostFormAsync("/employer/postings/new", "posting",
            new Dictionary<string, string>(ValidForm(title)) { ["benefits"] = "five-insurance" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var id = long.Parse(IdRegex().Match(location).Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var list = await browser.GetStringAsync(location);
        Assert.Contains($"href=\"/jobs/{id}\"", list, StringComparison.Ordinal);
        Assert.Contains(title, list, StringComparison.Ordinal);

        var posting = await (await factory.CreateClient().GetAsync($"/api/postings/{id}")).ReadObjectAsync();
        Assert.Equal(employer.EmployerId, (long)posting["employerId"]!);
        Assert.Equal("鼓楼区", (string?)posting["district"]);
        Assert.Equal("日薪", (string?)posting["salaryBasis"]);
        Assert.Equal("实习", (string?)posting["type"]);
        Assert.Equal(["Excel", "WMS"], posting["skills"]!.AsArray().Select(s => (string)s!).ToArray());
        Assert.Contains(posting["benefits"]!.AsArray(), b => (string?)b!["tag"] == "five-insurance" && (string?)b["source"] == "explicit");
        // The index refreshes in the background; polled against a deadline (the browser flow holds it to one second).
        var deadline = DateTime.UtcNow.AddSeconds(5);
        var search = "";
        while (!search.Contains($"\"id\":{id},", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            search = await factory.CreateClient().GetStringAsync($"/api/postings/search?q={Uri.EscapeDataString(title)}");
        }

        Assert.Contains($"\"id\":{id},", search, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostingEdit_OwnPosting_ShowsStoredValuesAndSaves()
    {
        var (employer, browser) = await SignInEmployerAsync();
        var id = await employer.CreatePostingAsync();

        var form = await browser.GetStringAsync($"/employer/postings/{id}/edit");
        Assert.Contains("value=\"Java开发工程师\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"建邺区\"", form, StringComparison.Ordinal);

        var edited = new Dictionary<string, string>(ValidForm("高级Java开发工程师")) { ["Input.SalaryBasis"] = "月薪", ["Input.SalaryMin"] = "12000", ["Input.SalaryMax"] = "18000" };
        var response = await browser.PostFormAsync($"/employer/postings/{id}/edit", "posting", edited);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var posting = await (await factory.CreateClient().GetAsync($"/api/postings/{id}")).ReadObjectAsync();
        Assert.Equal("高级Java开发工程师", (string?)posting["title"]);
        Assert.Equal(12000, (int)posting["salaryMin"]!);
    }

    [Fact]
    public async Task ClosePosting_Post_ClosesItAndListsItUnderClosed()
    {
        var (employer, browser) = await SignInEmployerAsync();
        var id = await employer.CreatePostingAsync();
        var open = await browser.GetStringAsync("/employer/postings");
        Assert.Contains($"action=\"/employer/postings/{id}/close\"", open, StringComparison.Ordinal);

        var response = await browser.PostFormAsync($"/employer/postings/{id}/close", "close", new Dictionary<string, string>(), formPage: "/employer/postings");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var posting = await (await factory.CreateClient().GetAsync($"/api/postings/{id}")).ReadObjectAsync();
        Assert.Equal("closed", (string?)posting["status"]);
        var closed = await browser.GetStringAsync("/employer/postings?status=closed");
        Assert.Contains($"href=\"/jobs/{id}\"", closed, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/employer/postings/{id}/edit\"", closed, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/jobs/{id}\"", await browser.GetStringAsync("/employer/postings"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostingPages_AnotherEmployersPosting_Are404AndChangeNothing()
    {
        var owner = await factory.RegisterEmployerAsync(name: "南京甲公司");
        var id = await owner.CreatePostingAsync();
        var (_, browser) = await SignInEmployerAsync("南京乙公司");

        foreach (var path in new[] { $"/employer/postings/{id}/edit", $"/employer/postings/{id}/close", $"/employer/postings/{id}/candidates",
                     $"/employer/postings/{id}/applicants", "/employer/postings/999999/edit" })
        {
            var response = await browser.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.Contains("不存在", body, StringComparison.Ordinal);
        }

        var close = await browser.PostFormAsync($"/employer/postings/{id}/close", "close", new Dictionary<string, string>(), formPage: "/employer/postings");
        Assert.NotEqual(HttpStatusCode.Redirect, close.StatusCode);
        Assert.True((int)close.StatusCode < 500, $"{(int)close.StatusCode}");
        var posting = await (await factory.CreateClient().GetAsync($"/api/postings/{id}")).ReadObjectAsync();
        Assert.Equal("open", (string?)posting["status"]);
    }

    [Fact]
    public async Task Candidates_GraduateNotApplied_ContactMasked_Applicants_AfterApplying_ContactShown()
    {
        var (employer, browser) = await SignInEmployerAsync();
        var id = await employer.CreatePostingAsync(ApiClient.ValidPosting("Java后端开发工程师"));
        var graduate = await factory.RegisterGraduateAsync();
        await graduate.CreateResumeAsync(ApiClient.ValidResume(phone: "13955550123"));

        // The résumé index refreshes in the background: polled against a deadline rather than read once.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var candidates = await browser.GetStringAsync($"/employer/postings/{id}/candidates");
        while (!candidates.Contains("王小明", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            candidates = await browser.GetStringAsync($"/employer/postings/{id}/candidates");
        }

        Assert.Contains("王小明", candidates, StringComparison.Ordinal);
        Assert.Contains("联系方式未公开", candidates, StringComparison.Ordinal);
        Assert.DoesNotContain("13955550123", candidates, StringComparison.Ordinal);
        Assert.DoesNotContain("wangxm@example.com", candidates, StringComparison.Ordinal);

        var applied = await graduate.Client.PostAsJsonAsync($"/api/postings/{id}/applications", new { coverLetter = "希望加入贵公司。" });
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);

        // The applicants list never carries contact data; the application's own page does (and records it).
        var applicants = await browser.GetStringAsync($"/employer/postings/{id}/applicants");
        Assert.DoesNotContain("13955550123", applicants, StringComparison.Ordinal);
        Assert.Contains("列表和搜索结果不显示联系方式", applicants, StringComparison.Ordinal);
        Assert.Contains("希望加入贵公司。", applicants, StringComparison.Ordinal);
        var applicationId = (long)(await applied.ReadObjectAsync())["id"]!;
        var detail = await browser.GetStringAsync($"/employer/applications/{applicationId}");
        Assert.Contains("href=\"tel:13955550123\"", detail, StringComparison.Ordinal);
        Assert.Contains("wangxm@example.com", detail, StringComparison.Ordinal);
        // The identity number is never part of what an employer reads on these pages.
        Assert.DoesNotContain("11010519491231002X", applicants + detail, StringComparison.Ordinal);
        Assert.Contains("投递 1 份", await browser.GetStringAsync("/employer/postings"), StringComparison.Ordinal);
        Assert.Matches(NewApplicantsRegex(), await browser.GetStringAsync("/employer"));
    }

    [Fact]
    public async Task Applicants_BulkInvite_ShowsFieldMessagesThenMovesSeveralAndGroupsByStage()
    {
        var (employer, browser) = await SignInEmployerAsync();
        var postingId = await employer.CreatePostingAsync();
        var ids = new List<long>();
        foreach (var phone in new[] { "13955550201", "13955550202" })
        {
            var graduate = await factory.RegisterGraduateAsync();
            await graduate.CreateResumeAsync(ApiClient.ValidResume(phone: phone));
            var applied = await graduate.Client.PostAsJsonAsync($"/api/postings/{postingId}/applications", new { coverLetter = (string?)null });
            ids.Add((long)(await applied.ReadObjectAsync())["id"]!);
        }

        var path = $"/employer/postings/{postingId}/applicants";
        var noTime = await PostManyAsync(browser, path, ids, new() { ["Input.Stage"] = "interviewInvited", ["Input.InterviewPlace"] = "公司三楼会议室" });
        var html = await noTime.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, noTime.StatusCode);
        Assert.Matches(ErrorRegex("interview-at", "面试时间"), html);
        Assert.Contains("value=\"公司三楼会议室\"", html, StringComparison.Ordinal);

        var at = factory.Clock.GetUtcNow().AddDays(3).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var moved = await PostManyAsync(browser, path, ids, new()
        {
            ["Input.Stage"] = "interviewInvited", ["Input.InterviewAt"] = at, ["Input.InterviewPlace"] = "公司三楼会议室", ["Input.InterviewMessage"] = "请带简历",
        });

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var page = await browser.GetStringAsync(path + "?done=moved&moved=2");
        Assert.Contains("已处理 2 份投递", page, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"stage-interviewInvited\">邀请面试", page, StringComparison.Ordinal);
        Assert.Contains("公司三楼会议室", page, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Matches(page, "class=\"status stage-interviewInvited\"").Count);
        foreach (var id in ids)
        {
            var one = await (await employer.Client.GetAsync($"/api/applications/{id}")).ReadObjectAsync();
            Assert.Equal("interviewInvited", (string?)one["stage"] ?? (string?)one["application"]?["stage"]);
        }
    }

    [Fact]
    public async Task Profile_InvalidCreditCode_ShowsMessage_ValidChange_IsSavedAndListedInHistory()
    {
        var (employer, browser) = await SignInEmployerAsync("南京旧名有限公司");
        var form = await browser.GetStringAsync("/employer/profile");
        var creditCode = ValueRegex("creditCode").Match(form).Groups["value"].Value;
        Assert.Equal(18, creditCode.Length);

        var bad = await browser.PostFormAsync("/employer/profile", "profile", new Dictionary<string, string>
        {
            ["Input.Name"] = "南京新名有限公司", ["Input.CreditCode"] = "123", ["Input.City"] = "南京",
        });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Matches(ErrorRegex("creditCode", ""), await bad.Content.ReadAsStringAsync());

        var good = await browser.PostFormAsync("/employer/profile", "profile", new Dictionary<string, string>
        {
            ["Input.Name"] = "南京新名有限公司", ["Input.CreditCode"] = creditCode, ["Input.City"] = "南京", ["Input.Size"] = "50-99人",
        });

        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var page = await browser.GetStringAsync("/employer/profile?done=1");
        Assert.Contains("企业资料已保存", page, StringComparison.Ordinal);
        Assert.Contains("<td>南京旧名有限公司</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>南京新名有限公司</td>", page, StringComparison.Ordinal);
        var stored = await (await factory.CreateClient().GetAsync($"/api/employers/{employer.EmployerId}")).ReadObjectAsync();
        Assert.Equal("50-99人", (string?)stored["size"]);
    }

    [Fact]
    public async Task FairBooth_ApplyWithAPosting_ShowsPendingAndOrganiserSeesIt()
    {
        var organiser = await factory.CreateOrganiserAsync("南京");
        var fairId = await organiser.CreateOpenFairAsync(FairTestKit.Fair(factory, title: "南京展位测试招聘会" + Guid.NewGuid().ToString("N")[..4]));
        var (employer, browser) = await SignInEmployerAsync();
        var postingId = await employer.CreatePostingAsync();

        var list = await browser.GetStringAsync("/employer/fairs");
        Assert.Contains($"href=\"/employer/fairs/{fairId}\"", list, StringComparison.Ordinal);
        var empty = await browser.PostFormAsync($"/employer/fairs/{fairId}", "booth", new Dictionary<string, string>());
        Assert.Matches(ErrorRegex("postingIds", "请选择"), await empty.Content.ReadAsStringAsync());

        var response = await browser.PostFormAsync($"/employer/fairs/{fairId}", "booth", new Dictionary<string, string>
        {
            ["postingIds"] = postingId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.Note"] = "需要一个电源插座",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await browser.GetStringAsync($"/employer/fairs/{fairId}?done=applied");
        Assert.Contains("待审核", page, StringComparison.Ordinal);
        Assert.Contains($"id=\"posting-{postingId}\" name=\"postingIds\" type=\"checkbox\" value=\"{postingId}\" checked", page, StringComparison.Ordinal);
        var booths = await organiser.Client.GetStringAsync($"/api/fairs/{fairId}/booths");
        Assert.Contains("需要一个电源插座", booths, StringComparison.Ordinal);
        Assert.Contains("待审核", await browser.GetStringAsync("/employer/fairs"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplicationPage_OpenedByThePostingsEmployer_MarksItViewedForTheGraduate_OthersGet404()
    {
        var (employer, browser) = await SignInEmployerAsync();
        var postingId = await employer.CreatePostingAsync(ApiClient.ValidPosting("仓库管理员"));
        var graduate = await factory.RegisterGraduateAsync();
        await graduate.CreateResumeAsync(ApiClient.ValidResume());
        var applied = await graduate.Client.PostAsJsonAsync($"/api/postings/{postingId}/applications", new { coverLetter = "有三年仓库经验。" });
        var applicationId = (long)(await applied.ReadObjectAsync())["id"]!;
        var (_, stranger) = await SignInEmployerAsync("南京别家物流有限公司");

        var refused = await stranger.GetAsync($"/employer/applications/{applicationId}");
        var before = await StageSeenByGraduateAsync(graduate);
        var page = await browser.GetStringAsync($"/employer/applications/{applicationId}");
        var after = await StageSeenByGraduateAsync(graduate);

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal("submitted", before);
        Assert.Contains("有三年仓库经验。", page, StringComparison.Ordinal);
        Assert.Equal("viewed", after);
    }

    private static async Task<string?> StageSeenByGraduateAsync(SignedIn graduate)
    {
        var mine = await graduate.Client.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>("/api/me/applications");
        return (string?)mine![0]!["application"]!["stage"];
    }

    private async Task<(SignedIn Employer, SiteClient Browser)> SignInEmployerAsync(string name = "南京测试科技有限公司")
    {
        var employer = await factory.RegisterEmployerAsync(name: name);
        var browser = new SiteClient(factory);
        var signedIn = await browser.SignInAsync(employer.Email, ApiClient.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return (employer, browser);
    }

    /// <summary>Posts the bulk form with several ticked boxes (repeated <c>ids</c> fields), as a browser sends them.</summary>
    private async Task<HttpResponseMessage> PostManyAsync(SiteClient browser, string path, IReadOnlyList<long> ids, Dictionary<string, string> fields)
    {
        var form = await browser.GetStringAsync(path);
        var token = WebUtility.HtmlDecode(TokenRegex().Match(form).Groups["value"].Value);
        var body = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))
            .Concat(ids.Select(id => new KeyValuePair<string, string>("ids", id.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            .Append(new("_handler", "move")).Append(new("__RequestVerificationToken", token));
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(body) };
        request.Headers.Add("Cookie", browser.CookieHeader());
        return await client.SendAsync(request);
    }

    private static Dictionary<string, string> ValidForm(string title) => new()
    {
        ["Input.Title"] = title,
        ["Input.Function"] = "",
        ["Input.Type"] = "实习",
        ["Input.Cohort"] = "",
        ["Input.Headcount"] = "2",
        ["Input.City"] = "南京",
        ["Input.District"] = "鼓楼区",
        ["Input.SalaryBasis"] = "日薪",
        ["Input.SalaryMin"] = "150",
        ["Input.SalaryMax"] = "200",
        ["Input.SalaryMonths"] = "12",
        ["Input.Education"] = "大专",
        ["Input.Experience"] = "不限",
        ["Input.AcceptsBeginners"] = "true",
        ["Input.Skills"] = "Excel、WMS",
        ["Input.Description"] = "负责冷库出入库登记与盘点，使用 WMS 系统，接受实习生，提供培训。",
        ["Input.ExpiresOn"] = "",
    };

    private static Regex ErrorRegex(string field, string text) =>
        new($"<p class=\"error\" id=\"{field}-error\">[^<]*{Regex.Escape(text)}");

    private static Regex ValueRegex(string id) => new($"id=\"{id}\" name=\"[^\"]+\" type=\"text\" value=\"(?<value>[^\"]*)\"");

    private sealed record PageOf(int Total);

    [GeneratedRegex("<title>[^<]+</title>")]
    private static partial Regex TitleRegex();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex TokenRegex();

    [GeneratedRegex(@"[?&]id=(?<id>\d+)")]
    private static partial Regex IdRegex();

    [GeneratedRegex(@"<strong class=""new"">1</strong> 份新投递")]
    private static partial Regex NewApplicantsRegex();
}
