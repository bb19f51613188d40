using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jobs.Tests.Fairs;
using Jobs.Tests.Imports.Feeds;
using Jobs.Tests.Infrastructure;
using static Jobs.Tests.Imports.ImportTestKit;

namespace Jobs.Tests.Privacy;

/// <summary>
/// A person's data rights through the real pipeline: the export, closing the account with its cooling-off and erasure,
/// résumé retention and held import files. Tests that move the clock get a host of their own.
/// </summary>
public sealed class DataRightsTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    private const string MyIdNumber = "320102199903074611";
    private const string OtherIdNumber = "320114200008152362";
    private const string AccountEraserName = Jobs.Core.Privacy.AccountEraser.ErasedName;

    private static object Resume(string fullName, string phone, string email, string idNumber, string introduction, string visibility = "public",
        string experience = "参与订单系统开发。") => new
    {
        fullName,
        school = "南京大学",
        major = "计算机科学与技术",
        degree = "本科",
        graduationYear = 2026,
        skills = new[] { "Java", "Spring Boot" },
        preferredCities = new[] { "南京" },
        expectedSalaryMin = 8000,
        expectedSalaryMax = 12000,
        experiences = new[] { new { organisation = "南京云启软件科技有限公司", title = "后端开发实习生", start = "2025-07", end = "2025-09", description = experience } },
        selfIntroduction = introduction,
        visibility,
        contactVisibleToEmployers = true,
        phone,
        email,
        idNumber,
    };

    private static async Task<SignedIn> RegisterGraduateAsync(JobsApiFactory host, string displayName)
    {
        var email = ApiClient.UniqueEmail("rights");
        var response = await host.CreateClient().PostAsJsonAsync("/api/auth/register",
            new { email, password = ApiClient.Password, role = "graduate", displayName });
        return await host.SignInAfterSignUpAsync(response, email);
    }

    private static async Task<long> ApplyAsync(SignedIn graduate, long postingId)
    {
        var response = await graduate.Client.PostAsJsonAsync($"/api/postings/{postingId}/applications", new { coverLetter = "您好，我对贵公司的职位很感兴趣。" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (long)(await response.ReadObjectAsync())["id"]!;
    }

    private static Task<HttpResponseMessage> RequestDeletionAsync(SignedIn who, string? password) =>
        who.Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/me") { Content = JsonContent.Create(new { password }) });

    [Fact]
    public async Task Export_GraduateWithRecords_HasEverySectionAndNothingOfOthers()
    {
        var employer = await factory.RegisterEmployerAsync();
        var postingId = await employer.CreatePostingAsync();
        var me = await RegisterGraduateAsync(factory, "导出测试本人");
        var myResumeId = await me.CreateResumeAsync(Resume("欧阳导出", "13911110001", "me-export@example.com", MyIdNumber, "我喜欢写导出测试。"));
        var other = await RegisterGraduateAsync(factory, "导出测试别人");
        await other.CreateResumeAsync(Resume("别人甲乙", "13922220002", "other-export@example.com", OtherIdNumber, "别人的自我介绍。"));
        var mine = await ApplyAsync(me, postingId);
        await ApplyAsync(other, postingId);
        var rejected = await employer.Client.PostAsJsonAsync($"/api/applications/{mine}/stage", new { stage = "rejected", reason = "岗位已招满" });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await me.Client.PostAsJsonAsync("/api/me/alerts", new { kind = "search", q = "Java" })).StatusCode);
        var organiser = await factory.CreateOrganiserAsync("南京");
        var fairId = await organiser.CreateOpenFairAsync(FairTestKit.Fair(factory, title: "南京导出测试招聘会"));
        Assert.Equal(HttpStatusCode.Created, (await me.Client.PostAsJsonAsync($"/api/fairs/{fairId}/attendees", new { })).StatusCode);

        // The employer I applied to opens my résumé: that showing of my phone is mine to see in the export.
        Assert.Equal(HttpStatusCode.OK, (await employer.Client.GetAsync($"/api/resumes/{myResumeId}")).StatusCode);

        var response = await me.Client.GetAsync("/api/me/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".json", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync();
        var export = JsonNode.Parse(text)!.AsObject();
        Assert.Equal((me.UserId, me.Email, "graduate", "导出测试本人"),
            ((long)export["account"]!["id"]!, (string)export["account"]!["email"]!, (string)export["account"]!["role"]!, (string)export["account"]!["displayName"]!));
        Assert.Equal(("欧阳导出", "13911110001", MyIdNumber),
            ((string)export["resume"]!["fullName"]!, (string)export["resume"]!["contact"]!["phone"]!, (string)export["resume"]!["contact"]!["idNumber"]!));
        var application = export["applications"]!.AsArray().Single()!;
        Assert.Equal((mine, "不合适", "Java开发工程师"),
            ((long)application["application"]!["id"]!, (string)application["stageLabel"]!, (string)application["postingTitle"]!));
        Assert.Equal(2, application["history"]!.AsArray().Count);
        Assert.Equal("Java", (string)export["alerts"]!.AsArray().Single()!["criteria"]!["query"]!);
        Assert.Contains(export["notifications"]!.AsArray(), n => (string)n!["kind"]! == "application-stage");
        Assert.Equal(("南京导出测试招聘会", fairId),
            ((string)export["fairRegistrations"]!.AsArray().Single()!["fairTitle"]!, (long)export["fairRegistrations"]!.AsArray().Single()!["registration"]!["fairId"]!));
        Assert.NotEmpty(export["sessions"]!.AsArray());
        Assert.Null(export["employer"]);
        Assert.Contains(export["contactViews"]!.AsArray(),
            v => (string)v!["field"]! == "phone" && (long)v["employerId"]! == employer.EmployerId && (long)v["resumeId"]! == myResumeId);
        foreach (var foreign in new[] { "别人甲乙", "13922220002", "other-export@example.com", OtherIdNumber, other.Email, "导出测试别人", "别人的自我介绍" })
        {
            Assert.DoesNotContain(foreign, text, StringComparison.Ordinal);
        }

        foreach (var secret in new[] { "passwordHash", "securityStamp", "tokenHash", me.RefreshToken })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Export_EmployerUser_HasAccountAndEmployerLinkWithoutResume()
    {
        var employer = await factory.RegisterEmployerAsync(name: "南京导出雇主科技有限公司");

        var export = JsonNode.Parse(await employer.Client.GetStringAsync("/api/me/export"))!.AsObject();

        Assert.Equal(("employer", employer.EmployerId), ((string)export["account"]!["role"]!, (long?)export["account"]!["employerId"]));
        Assert.Equal("南京导出雇主科技有限公司", (string)export["employer"]!["name"]!);
        Assert.Null(export["resume"]);
        Assert.Empty(export["applications"]!.AsArray());
    }

    [Fact]
    public async Task Export_Anonymous_Returns401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/me/export")).StatusCode);
    }

    [Fact]
    public async Task RequestDeletion_OrganiserOrWrongPassword_IsRefusedAndChangesNothing()
    {
        var organiser = await factory.CreateOrganiserAsync("镇江");
        Assert.Equal(HttpStatusCode.Forbidden, (await RequestDeletionAsync(organiser, ApiClient.Password)).StatusCode);

        var graduate = await factory.RegisterGraduateAsync();
        var wrong = await RequestDeletionAsync(graduate, "Not-The-Password-1");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.NotNull((await wrong.ReadObjectAsync())["errors"]!["password"]);
        var empty = await graduate.Client.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/me"));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await graduate.Client.GetAsync("/api/me/deletion")).StatusCode);
    }

    [Fact]
    public async Task RequestDeletionThenCancel_ResumeHiddenMeanwhile_NothingLost()
    {
        using var host = new JobsApiFactory();
        var employer = await host.RegisterEmployerAsync();
        var postingId = await employer.CreatePostingAsync();
        var secondPostingId = await employer.CreatePostingAsync(ApiClient.ValidPosting("会计"));
        var me = await RegisterGraduateAsync(host, "撤销测试");
        var resumeId = await me.CreateResumeAsync(Resume("诸葛撤销", "13944440004", "cancel-me@example.com", MyIdNumber, "冷静期撤销测试专用介绍。"));
        await ApplyAsync(me, postingId);
        var applicationId = (long)(await me.Client.GetFromJsonAsync<JsonArray>("/api/me/applications"))![0]!["application"]!["id"]!;
        await employer.Client.PostAsJsonAsync($"/api/applications/{applicationId}/stage", new { stage = "viewed" });
        var before = await ExportWithoutVolatileAsync(me);
        Assert.True(host.InResumeIndex(resumeId, "冷静期撤销测试"));

        var requested = await RequestDeletionAsync(me, ApiClient.Password);

        Assert.Equal(HttpStatusCode.Accepted, requested.StatusCode);
        var due = (DateTime)(await requested.ReadObjectAsync())["dueAt"]!;
        Assert.InRange(due - host.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(7));
        // Hidden at once: from visitors, from the employer it applied to (contact data included), from search.
        Assert.Equal(HttpStatusCode.NotFound, (await host.CreateClient().GetAsync($"/api/resumes/{resumeId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await employer.Client.GetAsync($"/api/resumes/{resumeId}")).StatusCode);
        Assert.DoesNotContain("13944440004", await (await employer.Client.GetAsync($"/api/applications/{applicationId}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(host.InResumeIndex(resumeId, "冷静期撤销测试"));
        Assert.Equal(HttpStatusCode.Conflict, (await me.Client.PutAsJsonAsync($"/api/resumes/{resumeId}", Resume("诸葛撤销", "13944440004", "cancel-me@example.com", MyIdNumber, "改一下"))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await me.Client.PostAsJsonAsync($"/api/postings/{secondPostingId}/applications", new { })).StatusCode);
        // Asking twice answers the pending request and does not move the date.
        Assert.Equal(due, (DateTime)(await (await RequestDeletionAsync(me, ApiClient.Password)).ReadObjectAsync())["dueAt"]!);
        var status = JsonNode.Parse(await me.Client.GetStringAsync("/api/me/deletion"))!;
        Assert.Equal(due, (DateTime)status["dueAt"]!);

        var cancelled = await me.Client.DeleteAsync("/api/me/deletion");

        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await me.Client.GetAsync("/api/me/deletion")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().GetAsync($"/api/resumes/{resumeId}")).StatusCode);
        Assert.Contains("13944440004", await employer.Client.GetStringAsync($"/api/applications/{applicationId}"), StringComparison.Ordinal);
        Assert.True(host.InResumeIndex(resumeId, "冷静期撤销测试"));
        Assert.Equal(before, await ExportWithoutVolatileAsync(me));

        // The day the erasure would have come, nothing happens, and the person signs in as before.
        host.Clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(0, (await host.RunDataRightsJobAsync()).AccountsErased);
        var back = await host.SignInAsync(me.Email);
        Assert.Equal("诸葛撤销", (string)JsonNode.Parse(await back.Client.GetStringAsync("/api/me/resume"))!["fullName"]!);
    }

    /// <summary>
    /// The export minus what moves by itself (the export's own time, the résumé's change time, sign-ins) and the records of
    /// the employer looking at the contact data, which this test does on purpose.
    /// </summary>
    private static async Task<string> ExportWithoutVolatileAsync(SignedIn who)
    {
        var export = JsonNode.Parse(await who.Client.GetStringAsync("/api/me/export"))!.AsObject();
        export.Remove("exportedAt");
        export.Remove("sessions");
        export.Remove("contactViews");
        export["resume"]!.AsObject().Remove("updatedAt");
        return export.ToJsonString();
    }

    // SQLite only: it searches every text cell of the SQLite file (DataRightsTestKit.FindInDatabaseAsync).
    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task Erasure_AfterCoolingOff_LeavesNoPersonalDataInDatabaseOrIndex()
    {
        using var host = new JobsApiFactory();
        var employer = await host.RegisterEmployerAsync();
        var postingId = await employer.CreatePostingAsync();
        var me = await RegisterGraduateAsync(host, "司马测删账号");
        const string name = "司马测删";
        const string phone = "13933330003";
        var contactEmail = $"erase-{Guid.NewGuid():N}@example.com";
        const string introduction = "紫藤花下写代码的同学，喜欢测删。";
        const string experience = "负责紫藤订单模块的测删开发。";
        var resumeId = await me.CreateResumeAsync(Resume(name, phone, contactEmail, MyIdNumber, introduction, experience: experience));
        var applicationId = await ApplyAsync(me, postingId);
        var invited = await employer.Client.PostAsJsonAsync($"/api/applications/{applicationId}/stage", new
        {
            stage = "interviewInvited",
            interview = new { at = host.Clock.GetUtcNow().AddDays(2), place = "南京市鼓楼区紫藤路 1 号", message = $"{name}同学，请带上简历。" },
        });
        Assert.Equal(HttpStatusCode.OK, invited.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await me.Client.PostAsJsonAsync("/api/me/alerts", new { kind = "search", q = "紫藤" })).StatusCode);
        var organiser = await host.CreateOrganiserAsync("南京");
        var contestId = await organiser.CreateOpenFairAsync(FairTestKit.Fair(host, kind: "contest", title: "南京测删创业大赛", startsInDays: 20));
        var registered = await me.Client.PostAsJsonAsync($"/api/fairs/{contestId}/attendees", new
        {
            teamName = "紫藤测删战队", projectName = "紫藤测删项目", projectSummary = "一个测删用的项目。", members = new[] { new { name = "慕容队友", school = "东南大学" } },
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        string[] needles = [name, "司马测删账号", phone, contactEmail, me.Email, MyIdNumber, introduction, experience, "紫藤花下", "紫藤测删战队", "紫藤测删项目",
            "慕容队友", "紫藤路", "您好，我对贵公司"];
        Assert.True(host.InResumeIndex(resumeId, "紫藤花下写代码"));

        Assert.Equal(HttpStatusCode.Accepted, (await RequestDeletionAsync(me, ApiClient.Password)).StatusCode);
        host.Clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(0, (await host.RunDataRightsJobAsync()).AccountsErased);
        Assert.NotEmpty(await DataRightsTestKit.FindInDatabaseAsync(host.DatabasePath, needles));

        host.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var outcome = await host.RunDataRightsJobAsync();

        Assert.Equal(1, outcome.AccountsErased);
        var hits = await DataRightsTestKit.FindInDatabaseAsync(host.DatabasePath, needles);
        Assert.True(hits.Count == 0, "Personal data left after erasure:\n" + string.Join("\n", hits));
        Assert.False(host.InResumeIndex(resumeId, "紫藤花下写代码"));
        Assert.False(host.InResumeIndex(resumeId, "计算机科学与技术 Java"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = me.Email, password = ApiClient.Password })).StatusCode);

        // The anonymous counts stay: the application and its moves, closed as withdrawn; the contest's team size.
        var employerBack = await host.SignInAsync(employer.Email);
        var applicantsText = await employerBack.Client.GetStringAsync($"/api/postings/{postingId}/applications");
        var applicants = JsonNode.Parse(applicantsText)!;
        Assert.Equal(1, (int)applicants["stageCounts"]!.AsArray().Single(c => (string)c!["stage"]! == "withdrawn")!["count"]!);
        Assert.DoesNotContain(name, applicantsText, StringComparison.Ordinal);
        Assert.Contains(AccountEraserName, applicantsText, StringComparison.Ordinal);
        var admin = await host.SignInAdminAsync();
        var attendees = await admin.Client.GetStringAsync($"/api/fairs/{contestId}/attendees");
        Assert.Contains("\"size\":2", attendees, StringComparison.Ordinal);

        // Twice is harmless: nothing more to erase, nothing changed.
        var snapshot = await CountRowsAsync(host.DatabasePath);
        Assert.Equal(new Jobs.Background.Privacy.DataRightsOutcome(0, 0, 0, 0), await host.RunDataRightsJobAsync());
        Assert.Equal(snapshot, await CountRowsAsync(host.DatabasePath));
    }

    private static async Task<string> CountRowsAsync(string databasePath)
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM Users) || '/' || (SELECT COUNT(*) FROM Resumes) || '/' || (SELECT COUNT(*) FROM Applications) || '/'
                || (SELECT COUNT(*) FROM ApplicationStageChanges) || '/' || (SELECT COUNT(*) FROM FairRegistrations) || '/'
                || (SELECT COUNT(*) FROM Notifications) || '/' || (SELECT MAX(UpdatedAt) FROM Resumes)
            """;
        return (string)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Retention_StaleResume_NoticeThenHiddenAndUpdateResets()
    {
        using var host = new JobsApiFactory();
        var me = await RegisterGraduateAsync(host, "保留期测试");
        var resumeId = await me.CreateResumeAsync(Resume("长孙保留", "13955550005", "keep@example.com", MyIdNumber, "保留期限测试的自我介绍。"));
        var start = host.Clock.GetUtcNow();

        // Thirty days before the twelve months are up: told, still shown.
        host.Clock.MoveTo(start.AddMonths(12).AddDays(-29));
        Assert.Equal((1, 0), Kept(await host.RunDataRightsJobAsync()));
        Assert.Equal((0, 0), Kept(await host.RunDataRightsJobAsync()));
        var back = await host.SignInAsync(me.Email);
        var notices = JsonNode.Parse(await back.Client.GetStringAsync("/api/me/notifications"))!["items"]!.AsArray()
            .Where(n => (string)n!["kind"]! == "resume-retention").ToList();
        Assert.Single(notices);
        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().GetAsync($"/api/resumes/{resumeId}")).StatusCode);
        Assert.True(host.InResumeIndex(resumeId, "保留期限测试"));

        // The notice period over: hidden, from visitors and from search; the owner still has it.
        host.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal((0, 1), Kept(await host.RunDataRightsJobAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await host.CreateClient().GetAsync($"/api/resumes/{resumeId}")).StatusCode);
        Assert.False(host.InResumeIndex(resumeId, "保留期限测试"));
        back = await host.SignInAsync(me.Email);
        Assert.Equal("hidden", (string)JsonNode.Parse(await back.Client.GetStringAsync("/api/me/resume"))!["visibility"]!);

        // An update makes it the owner's again and starts the period anew.
        var updated = await back.Client.PutAsJsonAsync($"/api/resumes/{resumeId}", Resume("长孙保留", "13955550005", "keep@example.com", MyIdNumber, "保留期限测试的新介绍。"));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().GetAsync($"/api/resumes/{resumeId}")).StatusCode);
        Assert.True(host.InResumeIndex(resumeId, "保留期限测试"));
        Assert.Equal((0, 0), Kept(await host.RunDataRightsJobAsync()));
    }

    private static (int Noticed, int Hidden) Kept(Jobs.Background.Privacy.DataRightsOutcome outcome) => (outcome.RetentionNotices, outcome.ResumesHidden);

    [Fact]
    public async Task HeldImportFile_RunSuperseded_ErasedByJobWhileUndecidedFileStays()
    {
        using var host = new JobsApiFactory();
        var admin = await host.SignInAdminAsync();
        var headerOnly = FeedTestKit.Bytes(string.Join(',', FeedTestKit.Columns) + "\n");
        var rows = Rows("rt", 3);
        await admin.UploadOkAsync("南京", Csv(rows));
        var held = (long)(await (await admin.UploadAsync("南京", headerOnly)).ReadObjectAsync())["id"]!;
        await admin.UploadOkAsync("镇江", Csv(Rows("zj", 3, city: "镇江")));
        var undecided = (long)(await (await admin.UploadAsync("镇江", headerOnly)).ReadObjectAsync())["id"]!;
        var heldFile = Path.Combine(host.DataDirectory, "imports", $"run-{held}.feed");
        var undecidedFile = Path.Combine(host.DataDirectory, "imports", $"run-{undecided}.feed");
        Assert.True(File.Exists(heldFile) && File.Exists(undecidedFile));

        // A newer snapshot of the source decides the held run (superseded) but leaves its file behind.
        await admin.UploadOkAsync("南京", Csv(rows));
        Assert.Equal("superseded", (string)(await admin.GetJsonAsync($"/api/imports/{held}"))["status"]!);
        Assert.True(File.Exists(heldFile));

        var outcome = await host.RunDataRightsJobAsync();

        Assert.Equal(1, outcome.ImportFilesErased);
        Assert.False(File.Exists(heldFile));
        Assert.True(File.Exists(undecidedFile));
        Assert.Equal(0, (await host.RunDataRightsJobAsync()).ImportFilesErased);
    }
}
