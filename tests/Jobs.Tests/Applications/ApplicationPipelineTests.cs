using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jobs.Core.Resumes;
using Jobs.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Jobs.Tests.Applications;

public class ApplicationPipelineTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    private sealed record Setup(SignedIn Employer, SignedIn Graduate, long PostingId, long ApplicationId);

    /// <summary>An employer in the city with a posting, and a graduate with a résumé who applied to it.</summary>
    private async Task<Setup> AppliedAsync(string city = "南京", string company = "南京流程测试科技有限公司")
    {
        var employer = await factory.RegisterEmployerAsync(city, company);
        var posting = System.Text.Json.JsonSerializer.SerializeToNode(ApiClient.ValidPosting("Java开发工程师", city), ApiClient.Json)!.AsObject();
        posting.Remove("district");
        var postingId = await employer.CreatePostingAsync(posting);
        var (graduate, applicationId) = await ApplicantAsync(postingId);
        return new Setup(employer, graduate, postingId, applicationId);
    }

    private async Task<(SignedIn Graduate, long ApplicationId)> ApplicantAsync(long postingId)
    {
        var graduate = await factory.RegisterGraduateAsync();
        await graduate.CreateResumeAsync();
        var applied = await graduate.Client.PostAsJsonAsync($"/api/postings/{postingId}/applications", new { coverLetter = "您好，我对这个岗位很感兴趣。" });
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        return (graduate, (long)(await applied.ReadObjectAsync())["id"]!);
    }

    private object Interview(double daysAhead = 3, string? place = "南京市建邺区江东中路 100 号 8 楼", string? link = null, string? message = "请带上简历和作品") => new
    {
        at = factory.Clock.GetUtcNow().AddDays(daysAhead).ToOffset(TimeSpan.FromHours(8)),
        place,
        link,
        message,
    };

    private static Task<HttpResponseMessage> MoveAsync(SignedIn who, long applicationId, object body) =>
        who.Client.PostAsJsonAsync($"/api/applications/{applicationId}/stage", body);

    private static async Task<JsonObject> OkAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode} {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static async Task<JsonObject> MineAsync(SignedIn graduate, long applicationId)
    {
        var mine = JsonNode.Parse(await graduate.Client.GetStringAsync("/api/me/applications"))!.AsArray();
        return mine.Single(x => (long)x!["application"]!["id"]! == applicationId)!["application"]!.AsObject();
    }

    private static IEnumerable<string> Stages(JsonObject application) => application["history"]!.AsArray().Select(h => (string)h!["to"]!);

    [Fact]
    public async Task Pipeline_OpenInviteOffer_GraduateSeesStagesHistoryAndNotifications()
    {
        var s = await AppliedAsync();
        var submitted = await MineAsync(s.Graduate, s.ApplicationId);
        Assert.Equal(("submitted", "已投递"), ((string)submitted["stage"]!, (string)submitted["stageLabel"]!));

        var opened = await OkAsync(await s.Employer.Client.GetAsync($"/api/applications/{s.ApplicationId}"));
        Assert.Equal("viewed", (string)opened["application"]!["stage"]!);
        // The employer reading it is entitled to the contact data.
        Assert.Equal("13912345678", (string)opened["resume"]!["contact"]!["phone"]!);
        // Opening it again is not another move.
        await OkAsync(await s.Employer.Client.GetAsync($"/api/applications/{s.ApplicationId}"));

        var invited = await OkAsync(await MoveAsync(s.Employer, s.ApplicationId, new
        {
            stage = "interviewInvited", interview = Interview(link: "https://meeting.example.cn/j/123456"),
        }));
        Assert.Equal(("interviewInvited", "邀请面试"), ((string)invited["application"]!["stage"]!, (string)invited["application"]!["stageLabel"]!));
        Assert.Equal("https://meeting.example.cn/j/123456", (string)invited["application"]!["interview"]!["link"]!);

        var offered = await OkAsync(await MoveAsync(s.Employer, s.ApplicationId, new { stage = "offered", message = "欢迎加入，入职材料见邮件" }));
        Assert.Equal("录用", (string)offered["application"]!["stageLabel"]!);

        var mine = await MineAsync(s.Graduate, s.ApplicationId);
        Assert.Equal("offered", (string)mine["stage"]!);
        Assert.Equal(["submitted", "viewed", "interviewInvited", "offered"], Stages(mine));
        var history = mine["history"]!.AsArray();
        Assert.Null(history[0]!["from"]);
        Assert.Equal(s.Graduate.UserId, (long)history[0]!["byUserId"]!);
        Assert.Equal(("viewed", "已查看"), ((string)history[2]!["from"]!, (string)history[2]!["fromLabel"]!));
        Assert.Equal(s.Employer.UserId, (long)history[2]!["byUserId"]!);
        Assert.Equal("南京市建邺区江东中路 100 号 8 楼", (string)history[2]!["interview"]!["place"]!);
        Assert.Equal("欢迎加入，入职材料见邮件", (string)history[3]!["note"]!);
        Assert.False((bool)history[3]!["skippedInterview"]!);

        var notifications = JsonNode.Parse(await s.Graduate.Client.GetStringAsync("/api/me/notifications"))!["items"]!.AsArray()
            .Where(n => (string)n!["kind"]! == "application-stage").ToList();
        Assert.Equal(3, notifications.Count);
        Assert.Contains(notifications, n => ((string)n!["title"]!).EndsWith("已查看", StringComparison.Ordinal));
        var invitation = notifications.Single(n => ((string)n!["title"]!).EndsWith("邀请面试", StringComparison.Ordinal))!;
        Assert.Contains("南京流程测试科技有限公司 邀请你参加面试", (string)invitation["body"]!);
        Assert.Contains("https://meeting.example.cn/j/123456", (string)invitation["body"]!);
        Assert.Contains("欢迎加入", (string)notifications.Single(n => ((string)n!["title"]!).EndsWith("录用", StringComparison.Ordinal))!["body"]!);
    }

    [Fact]
    public async Task Move_OfferBeforeInterview_Is409NamingStageUnlessSkipInterview()
    {
        var s = await AppliedAsync();

        var refused = await ProblemAsync(await MoveAsync(s.Employer, s.ApplicationId, new { stage = "offered" }), HttpStatusCode.Conflict);
        Assert.Contains("「已投递」", (string)refused["detail"]!);
        Assert.Contains("skipInterview", (string)refused["detail"]!);
        Assert.Equal("submitted", (string)(await MineAsync(s.Graduate, s.ApplicationId))["stage"]!);

        var offered = await OkAsync(await MoveAsync(s.Employer, s.ApplicationId, new { stage = "offered", skipInterview = true }));
        var history = offered["application"]!["history"]!.AsArray();
        Assert.Equal(["submitted", "offered"], history.Select(h => (string)h!["to"]!));
        Assert.True((bool)history[1]!["skippedInterview"]!);
        Assert.NotNull(offered["application"]!["viewedAt"]);
    }

    [Theory]
    [InlineData("rejected", "「不合适」")]
    [InlineData("offered", "「录用」")]
    public async Task Move_FromFinalStage_Is409NamingTheStage(string final, string label)
    {
        var s = await AppliedAsync();
        await OkAsync(await MoveAsync(s.Employer, s.ApplicationId, new { stage = final, skipInterview = true }));

        foreach (var body in new object[] { new { stage = "interviewInvited", interview = Interview() }, new { stage = "rejected" }, new { stage = "viewed" } })
        {
            var problem = await ProblemAsync(await MoveAsync(s.Employer, s.ApplicationId, body), HttpStatusCode.Conflict);
            Assert.Equal($"投递当前处于{label}阶段，已有最终结果，不能再变更", (string)problem["detail"]!);
        }

        await ProblemAsync(await s.Graduate.Client.PostAsync($"/api/me/applications/{s.ApplicationId}/withdraw", null), HttpStatusCode.Conflict);
        Assert.Equal(2, (await MineAsync(s.Graduate, s.ApplicationId))["history"]!.AsArray().Count);
    }

    [Fact]
    public async Task Move_RejectWithReason_GraduateNotifiedWithReason()
    {
        var s = await AppliedAsync();

        var rejected = await OkAsync(await MoveAsync(s.Employer, s.ApplicationId, new { stage = "不合适", reason = "岗位要求三年以上经验" }));

        Assert.Equal("rejected", (string)rejected["application"]!["stage"]!);
        var notification = JsonNode.Parse(await s.Graduate.Client.GetStringAsync("/api/me/notifications"))!["items"]!.AsArray()
            .Single(n => (string)n!["kind"]! == "application-stage")!;
        Assert.Contains("原因：岗位要求三年以上经验", (string)notification["body"]!);
        Assert.Equal($"/api/applications/{s.ApplicationId}", (string)notification["link"]!);
    }

    [Fact]
    public async Task Withdraw_ByGraduate_FinalAndNoFurtherMoves()
    {
        var s = await AppliedAsync();
        await OkAsync(await MoveAsync(s.Employer, s.ApplicationId, new { stage = "interviewInvited", interview = Interview() }));

        var withdrawn = await OkAsync(await s.Graduate.Client.PostAsJsonAsync($"/api/me/applications/{s.ApplicationId}/withdraw",
            new { reason = "已接受其他单位的录用" }));

        Assert.Equal(("withdrawn", "已撤回"), ((string)withdrawn["application"]!["stage"]!, (string)withdrawn["application"]!["stageLabel"]!));
        Assert.Equal("已接受其他单位的录用", (string)withdrawn["application"]!["history"]!.AsArray().Last()!["note"]!);
        var again = await ProblemAsync(await s.Graduate.Client.PostAsync($"/api/me/applications/{s.ApplicationId}/withdraw", null), HttpStatusCode.Conflict);
        Assert.Contains("「已撤回」", (string)again["detail"]!);
        var offer = await ProblemAsync(await MoveAsync(s.Employer, s.ApplicationId, new { stage = "offered" }), HttpStatusCode.Conflict);
        Assert.Contains("「已撤回」", (string)offer["detail"]!);
    }

    public static TheoryData<string, string> BadInterviews() => new()
    {
        { """{"stage":"interviewInvited"}""", "interview" },
        { """{"stage":"interviewInvited","interview":{"place":"会议室"}}""", "interview.at" },
        { """{"stage":"interviewInvited","interview":{"at":"2020-01-01T09:00:00+08:00","place":"会议室"}}""", "interview.at" },
        { """{"stage":"interviewInvited","interview":{"at":"AT","place":"  ","link":""}}""", "interview.place" },
        { """{"stage":"interviewInvited","interview":{"at":"AT","link":"ftp://files.example.cn/x"}}""", "interview.link" },
        { """{"stage":"interviewInvited","interview":{"at":"AT","link":"javascript:alert(1)"}}""", "interview.link" },
        { """{"stage":"interviewInvited","interview":{"at":"AT","place":"PLACE"}}""", "interview.place" },
        { """{"stage":"interviewInvited","interview":{"at":"AT","place":"会议室","message":"MESSAGE"}}""", "interview.message" },
        { """{"stage":"interviewInvited","interview":{"at":"FAR","place":"会议室"}}""", "interview.at" },
        { """{"stage":"withdrawn"}""", "stage" },
        { """{"stage":"submitted"}""", "stage" },
        { """{"stage":"2"}""", "stage" },
        { """{}""", "stage" },
        { """{"stage":"rejected","interview":{"at":"AT","place":"会议室"}}""", "interview" },
        { """{"stage":"interviewInvited","interview":{"at":"AT","place":"会议室"},"reason":"不需要"}""", "reason" },
        { """{"stage":"rejected","reason":"REASON"}""", "reason" },
    };

    [Theory]
    [MemberData(nameof(BadInterviews))]
    public async Task Move_InvalidRequest_400NamingTheFieldAndNothingChanges(string template, string field)
    {
        var s = await AppliedAsync();
        var now = factory.Clock.GetUtcNow();
        var body = template.Replace("\"AT\"", $"\"{now.AddDays(2):O}\"", StringComparison.Ordinal)
            .Replace("\"FAR\"", $"\"{now.AddDays(400):O}\"", StringComparison.Ordinal)
            .Replace("PLACE", new string('楼', ApplicationService.PlaceMaxLength + 1), StringComparison.Ordinal)
            .Replace("MESSAGE", new string('请', ApplicationService.MessageMaxLength + 1), StringComparison.Ordinal)
            .Replace("REASON", new string('不', ApplicationService.NoteMaxLength + 1), StringComparison.Ordinal);

        var response = await s.Employer.Client.PostAsync($"/api/applications/{s.ApplicationId}/stage",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]?[field] is JsonArray, $"errors should name {field}: {problem.ToJsonString()}");
        Assert.Equal(["submitted"], Stages(await MineAsync(s.Graduate, s.ApplicationId)));
    }

    [Fact]
    public async Task Move_InterviewTimeAfterRealClockButBeforeTestClock_Is400()
    {
        var s = await AppliedAsync();
        // Three hours ahead of the real clock, but the host's clock has moved a day on: that time is already past for the host.
        var at = DateTimeOffset.UtcNow.AddHours(3);
        factory.Clock.Advance(TimeSpan.FromDays(1));

        var problem = await ProblemAsync(await MoveAsync(s.Employer, s.ApplicationId, new { stage = "interviewInvited", interview = new { at, place = "会议室" } }),
            HttpStatusCode.BadRequest);

        Assert.Equal("面试时间应晚于现在", (string)problem["errors"]!["interview.at"]![0]!);
    }

    [Fact]
    public async Task MoveMany_MixedIds_EachMovedOrRefusedWithReason()
    {
        var s = await AppliedAsync();
        var (_, second) = await ApplicantAsync(s.PostingId);
        var (_, third) = await ApplicantAsync(s.PostingId);
        await OkAsync(await MoveAsync(s.Employer, third, new { stage = "rejected" }));
        var otherPosting = await s.Employer.CreatePostingAsync(ApiClient.ValidPosting("测试工程师"));
        var (_, elsewhere) = await ApplicantAsync(otherPosting);

        var response = await OkAsync(await s.Employer.Client.PostAsJsonAsync($"/api/postings/{s.PostingId}/applications/stage", new
        {
            ids = new[] { s.ApplicationId, second, third, elsewhere, 987654321L, second },
            stage = "interviewInvited",
            interview = Interview(place: null, link: "http://meeting.example.cn/room/8"),
        }));

        Assert.Equal((2, 3), ((int)response["moved"]!, (int)response["refused"]!));
        var results = response["results"]!.AsArray().ToDictionary(r => (long)r!["id"]!, r => r!.AsObject());
        Assert.Equal("moved", (string)results[s.ApplicationId]["outcome"]!);
        Assert.Equal("interviewInvited", (string)results[second]["stage"]!);
        Assert.Equal(("refused", "rejected"), ((string)results[third]["outcome"]!, (string)results[third]["stage"]!));
        Assert.Contains("「不合适」", (string)results[third]["reason"]!);
        Assert.Equal("refused", (string)results[elsewhere]["outcome"]!);
        Assert.Equal("refused", (string)results[987654321L]["outcome"]!);

        var stages = await OkAsync(await s.Employer.Client.GetAsync($"/api/postings/{otherPosting}/applications"));
        Assert.Equal("submitted", (string)stages["items"]![0]!["application"]!["stage"]!);
    }

    [Fact]
    public async Task MoveMany_EmptyOrTooManyIds_400NamingIds()
    {
        var s = await AppliedAsync();

        var empty = await ProblemAsync(await s.Employer.Client.PostAsJsonAsync($"/api/postings/{s.PostingId}/applications/stage",
            new { ids = Array.Empty<long>(), stage = "viewed" }), HttpStatusCode.BadRequest);
        var many = await ProblemAsync(await s.Employer.Client.PostAsJsonAsync($"/api/postings/{s.PostingId}/applications/stage",
            new { ids = Enumerable.Range(1, 101).Select(i => (long)i), stage = "viewed" }), HttpStatusCode.BadRequest);

        Assert.NotNull(empty["errors"]!["ids"]);
        Assert.Equal("一次最多处理 100 份投递", (string)many["errors"]!["ids"]![0]!);
    }

    [Fact]
    public async Task ListApplicants_StageFilter_CountsPerStageInPipelineOrder()
    {
        var s = await AppliedAsync();
        var (_, second) = await ApplicantAsync(s.PostingId);
        var (_, third) = await ApplicantAsync(s.PostingId);
        await OkAsync(await MoveAsync(s.Employer, second, new { stage = "interviewInvited", interview = Interview() }));
        await OkAsync(await MoveAsync(s.Employer, third, new { stage = "rejected" }));

        var all = await OkAsync(await s.Employer.Client.GetAsync($"/api/postings/{s.PostingId}/applications"));
        var counts = all["stageCounts"]!.AsArray().ToDictionary(c => (string)c!["stage"]!, c => (int)c!["count"]!);
        Assert.Equal(6, counts.Count);
        Assert.Equal((1, 1, 1, 0), (counts["submitted"], counts["interviewInvited"], counts["rejected"], counts["offered"]));
        Assert.Equal(["submitted", "interviewInvited", "rejected"], all["items"]!.AsArray().Select(i => (string)i!["application"]!["stage"]!));
        // A list is not a reading: the submitted one stays unviewed.
        Assert.Equal("submitted", (string)(await MineAsync(s.Graduate, s.ApplicationId))["stage"]!);

        var invited = await OkAsync(await s.Employer.Client.GetAsync($"/api/postings/{s.PostingId}/applications?stage=interviewInvited"));
        Assert.Equal(1, (int)invited["total"]!);
        Assert.Equal(second, (long)invited["items"]![0]!["application"]!["id"]!);
        Assert.Equal("邀请面试", (string)invited["items"]![0]!["application"]!["history"]!.AsArray().Last()!["toLabel"]!);

        var bad = await ProblemAsync(await s.Employer.Client.GetAsync($"/api/postings/{s.PostingId}/applications?stage=hired"), HttpStatusCode.BadRequest);
        Assert.NotNull(bad["errors"]!["stage"]);
    }

    [Fact]
    public async Task Access_OnlyOwnersMove_OthersGet403Or404()
    {
        var s = await AppliedAsync();
        var otherEmployer = await factory.RegisterEmployerAsync("南京", "南京旁观科技有限公司");
        var otherGraduate = await factory.RegisterGraduateAsync();
        var organiser = await factory.CreateOrganiserAsync("南京");
        var elsewhere = await factory.CreateOrganiserAsync("芜湖");
        var viewed = new { stage = "viewed" };

        // Those with no part in it do not learn that it exists.
        await ProblemAsync(await otherEmployer.Client.GetAsync($"/api/applications/{s.ApplicationId}"), HttpStatusCode.NotFound);
        await ProblemAsync(await MoveAsync(otherEmployer, s.ApplicationId, viewed), HttpStatusCode.NotFound);
        await ProblemAsync(await otherGraduate.Client.PostAsync($"/api/me/applications/{s.ApplicationId}/withdraw", null), HttpStatusCode.NotFound);
        await ProblemAsync(await elsewhere.Client.GetAsync($"/api/applications/{s.ApplicationId}"), HttpStatusCode.NotFound);
        await ProblemAsync(await factory.CreateClient().GetAsync($"/api/applications/{s.ApplicationId}"), HttpStatusCode.Unauthorized);
        // Those who may read it may not move it for the other side.
        await ProblemAsync(await MoveAsync(s.Graduate, s.ApplicationId, viewed), HttpStatusCode.Forbidden);
        await ProblemAsync(await MoveAsync(organiser, s.ApplicationId, viewed), HttpStatusCode.Forbidden);
        await ProblemAsync(await s.Employer.Client.PostAsync($"/api/me/applications/{s.ApplicationId}/withdraw", null), HttpStatusCode.Forbidden);
        await ProblemAsync(await otherEmployer.Client.PostAsJsonAsync($"/api/postings/{s.PostingId}/applications/stage",
            new { ids = new[] { s.ApplicationId }, stage = "rejected" }), HttpStatusCode.Forbidden);
        await ProblemAsync(await s.Employer.Client.PostAsJsonAsync("/api/postings/987654321/applications/stage",
            new { ids = new[] { s.ApplicationId }, stage = "rejected" }), HttpStatusCode.NotFound);
        await ProblemAsync(await MoveAsync(s.Employer, 987654321, viewed), HttpStatusCode.NotFound);

        // The city's organiser reads it without marking it viewed or seeing contact data.
        var read = await OkAsync(await organiser.Client.GetAsync($"/api/applications/{s.ApplicationId}"));
        Assert.Equal("submitted", (string)read["application"]!["stage"]!);
        Assert.Null(read["resume"]!["contact"]);
        var own = await OkAsync(await s.Graduate.Client.GetAsync($"/api/applications/{s.ApplicationId}"));
        Assert.Equal(("submitted", "Java开发工程师"), ((string)own["application"]!["stage"]!, (string)own["posting"]!["title"]!));
        Assert.Equal(["submitted"], Stages(await MineAsync(s.Graduate, s.ApplicationId)));
    }

    [Fact]
    public async Task Move_ConcurrentFinalDecisions_ExactlyOneWins()
    {
        var s = await AppliedAsync();
        await OkAsync(await MoveAsync(s.Employer, s.ApplicationId, new { stage = "interviewInvited", interview = Interview() }));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            MoveAsync(s.Employer, s.ApplicationId, i % 2 == 0 ? new { stage = "offered" } : (object)new { stage = "rejected" })));

        Assert.Equal(1, attempts.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(attempts.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var history = Stages(await MineAsync(s.Graduate, s.ApplicationId)).ToList();
        Assert.Equal(3, history.Count);
        Assert.Equal(["submitted", "interviewInvited"], history.Take(2));
        Assert.Single(history.Skip(2), h => h is "offered" or "rejected");
    }

    [Fact]
    public async Task CountTransitions_CityAndPeriod_CountsSubmissionsInterviewsAndOffers()
    {
        // A city no other test of this class uses, so the counts are this test's alone.
        var s = await AppliedAsync("马鞍山", "马鞍山统计测试有限公司");
        var (_, second) = await ApplicantAsync(s.PostingId);
        var from = factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-5);
        await OkAsync(await MoveAsync(s.Employer, s.ApplicationId, new { stage = "interviewInvited", interview = Interview() }));
        await OkAsync(await MoveAsync(s.Employer, s.ApplicationId, new { stage = "interviewInvited", interview = Interview(daysAhead: 5) }));
        await OkAsync(await MoveAsync(s.Employer, s.ApplicationId, new { stage = "offered" }));
        await OkAsync(await MoveAsync(s.Employer, second, new { stage = "rejected" }));
        var to = factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(5);

        using var scope = factory.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<ApplicationService>();
        var counts = await service.CountTransitionsAsync("maanshan", from, to, CancellationToken.None);
        var before = await service.CountTransitionsAsync("maanshan", from.AddDays(-1), from.AddMinutes(-10), CancellationToken.None);
        var otherCity = await service.CountTransitionsAsync("wuhu", from, to, CancellationToken.None);

        Assert.Equal(new StageTally(2, 2), counts[ApplicationStage.Submitted]);
        Assert.Equal(new StageTally(2, 1), counts[ApplicationStage.InterviewInvited]);
        Assert.Equal(new StageTally(1, 1), counts[ApplicationStage.Offered]);
        Assert.Equal(new StageTally(1, 1), counts[ApplicationStage.Rejected]);
        Assert.Equal(new StageTally(0, 0), counts[ApplicationStage.Withdrawn]);
        Assert.All(before.Values, t => Assert.Equal(0, t.Transitions));
        Assert.All(otherCity.Values, t => Assert.Equal(0, t.Transitions));
    }
}
