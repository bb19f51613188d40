using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using Jobs.Core.Fairs;
using Jobs.Core.Storage;
using Jobs.Tests.Fairs;
using Jobs.Tests.Imports;
using Jobs.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobs.Tests.Web.Organiser;

/// <summary>The fair pages without a browser: the attendee CSV, the door's answers, season planning and booth decisions as plain forms.</summary>
public sealed class FairPagesTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    [Fact]
    public async Task AttendeesCsv_OrganiserOfHostCity_IsUtf8WithBomHeaderAndInertFormulas()
    {
        var organiser = await factory.CreateOrganiserAsync("南京");
        var fairId = await organiser.CreateDoorFairAsync(factory);
        var name = "导出" + Guid.NewGuid().ToString("N")[..6];
        var graduate = await OrganiserKit.GraduateAsync(factory, name, school: "=HYPERLINK(\"http://evil.test\",\"学校\")", major: "软件工程");
        var ticket = await graduate.TicketAsync(fairId);
        var site = await OrganiserKit.SiteAsync(factory, organiser);

        var response = await site.GetAsync($"/organiser/fairs/{fairId}/attendees.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"fair-{fairId}-attendees.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("序号,姓名,门票号,状态,签到时间,学校,专业", lines[0]);
        var row = Assert.Single(lines[1..]);
        Assert.Equal($"1,{name},{ticket},已报名,,\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"学校\"\")\",软件工程", row);
        // Only what the door needs: no e-mail address, phone or ID number of the graduate.
        Assert.DoesNotContain("@", row, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AttendeesCsv_OtherCityOrganiserOrGraduate_IsForbidden()
    {
        var organiser = await factory.CreateOrganiserAsync("南京");
        var fairId = await organiser.CreateDoorFairAsync(factory);
        var graduate = await OrganiserKit.GraduateAsync(factory, "越权毕业生");
        await graduate.TicketAsync(fairId);
        var path = $"/organiser/fairs/{fairId}/attendees.csv";

        var other = await OrganiserKit.SiteAsync(factory, await factory.CreateOrganiserAsync("扬州"));
        var own = await OrganiserKit.SiteAsync(factory, graduate);

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await own.GetAsync(path)).StatusCode);
        var ownCity = await OrganiserKit.SiteAsync(factory, organiser);
        Assert.Equal(HttpStatusCode.NotFound, (await ownCity.GetAsync("/organiser/fairs/987654321/attendees.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ownCity.GetAsync(path)).StatusCode);
        var anonymous = await new SiteClient(factory).GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/login", anonymous.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/organiser/fairs/{fairId}/check-in")).StatusCode);
    }

    [Fact]
    public async Task CheckInPage_Post_AnswersGreenThenAmberThenRedWithTheReason()
    {
        var organiser = await factory.CreateOrganiserAsync("镇江");
        var fairId = await organiser.CreateDoorFairAsync(factory, "镇江", attendees: 2);
        var otherFairId = await organiser.CreateDoorFairAsync(factory, "镇江");
        var name = "签到" + Guid.NewGuid().ToString("N")[..6];
        var ticket = await (await OrganiserKit.GraduateAsync(factory, name)).TicketAsync(fairId);
        var leaver = await OrganiserKit.GraduateAsync(factory, "取消报名者");
        var cancelledTicket = await leaver.TicketAsync(fairId);
        // Capacity 2 is full now: this one waits, and takes the seat the leaver gives up.
        await (await OrganiserKit.GraduateAsync(factory, "占位者")).Client.PostAsync($"/api/fairs/{fairId}/attendees", JsonBody());
        Assert.Equal(HttpStatusCode.OK, (await leaver.Client.DeleteAsync($"/api/fairs/{fairId}/attendees/me")).StatusCode);
        var waiting = await OrganiserKit.GraduateAsync(factory, "候补者");
        Assert.Equal(HttpStatusCode.Created, (await waiting.Client.PostAsync($"/api/fairs/{fairId}/attendees", JsonBody())).StatusCode);
        await (await OrganiserKit.GraduateAsync(factory, "候补者二")).Client.PostAsync($"/api/fairs/{fairId}/attendees", JsonBody());
        var elsewhere = await (await OrganiserKit.GraduateAsync(factory, "别场")).TicketAsync(otherFairId);
        var waitingCode = await WaitlistedCodeAsync(fairId, waiting.UserId);
        var site = await OrganiserKit.SiteAsync(factory, organiser);
        var path = $"/organiser/fairs/{fairId}/check-in";

        var first = await PostTicketAsync(site, path, ticket.ToLowerInvariant().Replace("-", ""));
        var second = await PostTicketAsync(site, path, ticket);
        var bogus = await PostTicketAsync(site, path, "ZZZZZ-ZZZZZ");
        var malformed = await PostTicketAsync(site, path, "12");
        var cancelled = await PostTicketAsync(site, path, cancelledTicket);
        var otherFair = await PostTicketAsync(site, path, elsewhere);
        var waitlisted = await PostTicketAsync(site, path, waitingCode);

        Assert.Contains("scan-ok", first, StringComparison.Ordinal);
        Assert.Contains("签到成功", first, StringComparison.Ordinal);
        Assert.Contains(name, first, StringComparison.Ordinal);
        Assert.Contains("已签到 <strong>1</strong>", first, StringComparison.Ordinal);
        Assert.Contains("scan-again", second, StringComparison.Ordinal);
        Assert.Matches(@"已于 \d\d:\d\d 签到过", second);
        Assert.Contains(name, second, StringComparison.Ordinal);
        Assert.Contains("scan-bad", bogus, StringComparison.Ordinal);
        Assert.Contains("票号无效", bogus, StringComparison.Ordinal);
        Assert.Contains("门票号应为 10 位字母数字", malformed, StringComparison.Ordinal);
        Assert.Contains("报名已取消", cancelled, StringComparison.Ordinal);
        Assert.Contains("不是本场招聘会", otherFair, StringComparison.Ordinal);
        Assert.Contains("候补未确认", waitlisted, StringComparison.Ordinal);
        foreach (var answer in new[] { first, second, bogus, cancelled })
        {
            // The input is empty and focused again for the next ticket.
            Assert.Matches("<input id=\"ticket\" name=\"Input.Ticket\" value(=\"\")? autofocus", answer);
        }
    }

    [Fact]
    public async Task SeasonPage_WithoutJavaScript_KeepsValuesShowsErrorsThenCreatesDrafts()
    {
        var organiser = await factory.CreateOrganiserAsync("淮安");
        var site = await OrganiserKit.SiteAsync(factory, organiser);
        var name = "无脚本招聘季" + Guid.NewGuid().ToString("N")[..4];

        var wrong = await site.GetStringAsync($"/organiser/seasons/new?propose=1&name={Uri.EscapeDataString(name)}&from=2027-05-01&to=2027-04-01&count=abc");
        Assert.Contains("场次数应为整数", wrong, StringComparison.Ordinal);
        Assert.Contains($"value=\"{name}\"", wrong, StringComparison.Ordinal);
        Assert.Contains("value=\"abc\"", wrong, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.Slots[0].Date", wrong, StringComparison.Ordinal);

        var proposalPath = $"/organiser/seasons/new?propose=1&name={Uri.EscapeDataString(name)}&kind=fair&from=2027-09-01&to=2027-11-30&count=3";
        var proposal = await site.GetStringAsync(proposalPath);
        var dates = Regex.Matches(proposal, "name=\"Input.Slots\\[(\\d)\\].Date\" type=\"date\" value=\"([0-9-]+)\"").Select(m => m.Groups[2].Value).ToList();
        Assert.Equal(3, dates.Count);

        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Kind"] = "fair", ["Input.From"] = "2027-09-01", ["Input.To"] = "2027-11-30",
            ["Input.BoothCapacity"] = "80", ["Input.AttendeeCapacity"] = "600",
        };
        for (var i = 0; i < 3; i++)
        {
            fields[$"Input.Slots[{i}].Date"] = dates[i];
            fields[$"Input.Slots[{i}].HostCity"] = i == 1 ? "淮安" : "南京";
            fields[$"Input.Slots[{i}].Venue"] = i == 1 ? "淮安会展中心一号馆" : "";
        }

        fields["Input.Slots[2].Date"] = "2028-01-15";
        var outside = await site.PostFormAsync(proposalPath, "season", fields);
        Assert.Equal(HttpStatusCode.OK, outside.StatusCode);
        var outsideHtml = await outside.Content.ReadAsStringAsync();
        Assert.Contains("日期不在招聘季范围内", outsideHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"淮安会展中心一号馆\"", outsideHtml, StringComparison.Ordinal);

        fields["Input.Slots[2].Date"] = dates[2];
        var created = await site.PostFormAsync(proposalPath, "season", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var list = await site.GetStringAsync(created.Headers.Location!.OriginalString);
        Assert.Contains("已创建招聘季的 3 场草稿", list, StringComparison.Ordinal);
        // Every stop is listed; the organiser manages (links to) their own city's stop, with the venue as edited.
        Assert.Matches($"<a class=\"title\" href=\"/organiser/fairs/\\d+\">{name}·淮安站</a>", list);
        Assert.Contains("淮安会展中心一号馆", list, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"title\">{name}·南京站</p>", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FairPage_BoothDecisions_RejectNeedsAReasonApproveShowsInConsole()
    {
        var organiser = await factory.CreateOrganiserAsync("芜湖");
        var fairId = await organiser.CreateOpenFairAsync(FairTestKit.Fair(factory, city: "芜湖", title: "芜湖展位审核测试招聘会"));
        var employer = await factory.RegisterEmployerAsync("芜湖", "芜湖展位网页测试有限公司");
        var posting = await employer.CreatePostingAsync(ApiClient.ValidPosting("展位测试工程师"));
        var applied = await employer.Client.PostAsJsonAsync($"/api/fairs/{fairId}/booths", new { postingIds = new[] { posting } });
        var applicationId = (long)(await applied.ReadObjectAsync())["id"]!;
        var site = await OrganiserKit.SiteAsync(factory, organiser);

        var console = await site.GetStringAsync("/organiser");
        Assert.Contains($"href=\"/organiser/fairs/{fairId}#booths\">芜湖展位审核测试招聘会</a>：1 份", console, StringComparison.Ordinal);
        var path = $"/organiser/fairs/{fairId}";
        var noReason = await site.PostFormAsync(path, $"booth-{applicationId}", new Dictionary<string, string> { ["Decision"] = "reject", ["Reason"] = " " });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("驳回时请说明原因", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var approved = await site.PostFormAsync(path, $"booth-{applicationId}", new Dictionary<string, string> { ["Decision"] = "approve", ["Reason"] = "" });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Contains("已通过展位申请", await site.GetStringAsync(approved.Headers.Location!.OriginalString), StringComparison.Ordinal);
        var mine = await (await employer.Client.GetAsync($"/api/fairs/{fairId}/booths/mine")).ReadObjectAsync();
        Assert.Equal("approved", (string)mine["status"]!);
        Assert.DoesNotContain($"/organiser/fairs/{fairId}#booths", await site.GetStringAsync("/organiser"), StringComparison.Ordinal);

        // When the employers' window closes the booths are allocated: the page shows who got which, and no more decisions.
        var fair = await factory.GetFairAsync(fairId);
        factory.Clock.MoveTo((DateTime)fair["employerWindow"]!["closesAt"]!);
        await factory.RunDeadlinesAsync(fairId);
        var allocated = await (await OrganiserKit.SiteAsync(factory, organiser)).GetStringAsync(path);
        Assert.Contains("<caption>展位分配结果</caption>", allocated, StringComparison.Ordinal);
        Assert.Contains("<tr><td>1 号</td><td>芜湖展位网页测试有限公司</td><td>芜湖</td></tr>", allocated, StringComparison.Ordinal);
        Assert.DoesNotContain("booth-decide", allocated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Console_OrganiserOfCity_CountsTodaysWorkAndShowsImportHealth()
    {
        var organiser = await factory.CreateOrganiserAsync("溧阳");
        var site = await OrganiserKit.SiteAsync(factory, organiser);
        var empty = await site.GetStringAsync("/organiser");
        Assert.Contains("今日工作：溧阳", empty, StringComparison.Ordinal);
        Assert.Contains("没有等待审核的展位申请。", empty, StringComparison.Ordinal);
        Assert.Contains("尚未导入", empty, StringComparison.Ordinal);

        await organiser.UploadOkAsync("溧阳", ImportTestKit.Csv(ImportTestKit.Rows("ly-console", 3, city: "溧阳")));
        const string Company = "溧阳管理台认证测试有限公司";
        var employer = await factory.RegisterEmployerAsync("溧阳", Company, verified: false);
        var submitted = await employer.Client.PostAsync($"/api/employers/{employer.EmployerId}/verification",
            ApiClient.VerificationForm(ApiClient.UniqueCreditCode(), Company, "溧阳"));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var fairId = await organiser.CreateDoorFairAsync(factory, "溧阳", title: "溧阳本月招聘会");

        var console = await site.GetStringAsync("/organiser");

        Assert.Matches(@"企业认证待审核</a></h3>\s*<p class=""count""><strong>1</strong> 家", console);
        Assert.Contains($"href=\"/organiser/fairs/{fairId}\">溧阳本月招聘会</a>", console, StringComparison.Ordinal);
        Assert.Matches(@"<th scope=""row"">溧阳</th>\s*<td>[^<]+</td>\s*<td><span class=""run-ok"">成功</span></td>\s*<td>3（拒收 \d+）</td>", console);
        var graduate = await OrganiserKit.SiteAsync(factory, await OrganiserKit.GraduateAsync(factory, "好奇的毕业生"));
        Assert.Equal(HttpStatusCode.Redirect, (await graduate.GetAsync("/organiser")).StatusCode);
    }

    private static StringContent JsonBody() => new("{}", Encoding.UTF8, "application/json");

    private static async Task<string> PostTicketAsync(SiteClient site, string path, string ticket)
    {
        var response = await site.PostFormAsync(path, "checkin", new Dictionary<string, string> { ["Input.Ticket"] = ticket });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The code a waitlisted graduate would hold once seated: derived, never stored while they wait.</summary>
    private async Task<string> WaitlistedCodeAsync(long fairId, long userId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
        var fair = await db.Fairs.AsNoTracking().SingleAsync(f => f.Id == fairId);
        var registration = await db.FairRegistrations.AsNoTracking().SingleAsync(r => r.FairId == fairId && r.UserId == userId);
        Assert.Equal(RegistrationStatus.Waitlisted, registration.Status);
        return TicketCodes.For(fair.TicketSalt, fairId, userId, registration.Seq);
    }
}
