using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jobs.Tests.Imports;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Postings;

/// <summary>
/// Posting compliance through the real pipeline: discriminatory wording holds a posting for review (default settings) with
/// the rule and words named, lawful look-alikes go live, organisers of the posting's city decide, and feeds report findings
/// on their lines.
/// </summary>
public class ComplianceTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    internal static object Posting(string title, string description, string city = "南京") => new
    {
        title,
        description,
        city,
        category = "软件/互联网",
        salaryMin = 6000,
        salaryMax = 9000,
        education = "大专",
        experience = "不限",
        headcount = 2,
    };

    private async Task<int> SearchTotalWhenAsync(string title, int expected)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        int total;
        while ((total = await SearchTotalAsync(title)) != expected && watch.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(25);
        }

        return total;
    }

    private async Task<int> SearchTotalAsync(string title)
    {
        var found = await factory.CreateClient().GetFromJsonAsync<JsonObject>("/api/postings/search?q=" + Uri.EscapeDataString($"\"{title}\""));
        return (int)found!["total"]!;
    }

    private static async Task<JsonObject> CreateAsync(SignedIn employer, object posting)
    {
        var response = await employer.Client.PostAsJsonAsync("/api/postings", posting);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    [Fact]
    public async Task Create_MaleOnlyAndAgeLimit_HeldWithRuleAndWordsNotPublic()
    {
        var employer = await factory.RegisterEmployerAsync();
        var created = await CreateAsync(employer, Posting("仓库管理员甲", "负责仓库进出货登记，限男性，35岁以下，有叉车证者优先。"));
        var id = (long)created["id"]!;

        Assert.Equal("complianceReview", (string)created["holds"]![0]!);
        var findings = created["complianceFindings"]!.AsArray();
        Assert.Contains(findings, f => (string)f!["rule"]! == "gender" && (string)f["words"]! == "限男性" && (string)f["field"]! == "description"
                                       && ((string)f["ruleName"]!).Length > 0 && ((string)f["law"]!).Contains("就业促进法", StringComparison.Ordinal));
        Assert.Contains(findings, f => (string)f!["rule"]! == "age" && (string)f["words"]! == "35岁以下");

        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/postings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/jobs/{id}")).StatusCode);
        Assert.Equal(0, await SearchTotalAsync("仓库管理员甲"));

        // Its employer sees why, in the API and on /employer/postings.
        var own = await employer.Client.GetFromJsonAsync<JsonObject>($"/api/postings/{id}");
        Assert.Equal(2, own!["complianceFindings"]!.AsArray().Count);
        var site = new SiteClient(factory);
        await site.SignInAsync(employer.Email, ApiClient.Password);
        var page = await site.GetStringAsync("/employer/postings");
        Assert.Contains("等待合规审核的原因", page, StringComparison.Ordinal);
        Assert.Contains("性别歧视：“限男性”", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("男装设计师", "负责男装系列设计，熟悉面料，男女不限。")]
    [InlineData("销售经理乙", "加入一家35年经验的企业，负责华东区客户维护，年龄不限。")]
    [InlineData("母婴护理师", "母婴护理师（月嫂），持母婴护理证，照顾新生儿和产妇。")]
    [InlineData("传染病医院护士", "负责乙肝患者护理，持护士执业证，公司成立35年。")]
    public async Task Create_LawfulLookAlike_GoesLive(string title, string description)
    {
        var employer = await factory.RegisterEmployerAsync();
        var created = await CreateAsync(employer, Posting(title, description));
        Assert.Empty(created["holds"]!.AsArray());
        Assert.Null(created["complianceFindings"]);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync($"/api/postings/{(long)created["id"]!}")).StatusCode);
    }

    [Fact]
    public async Task Create_NegotiableWithoutFigures_WarnsAndGoesLive()
    {
        var employer = await factory.RegisterEmployerAsync();
        var created = await CreateAsync(employer, new { title = "技术总监丙", description = "带领研发团队，待遇面议。", city = "南京", negotiable = true });
        Assert.Empty(created["holds"]!.AsArray());
        Assert.Contains(created["warnings"]!.AsArray(), w => ((string)w!).Contains("未标明薪酬", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Approve_OrganiserOfCity_LiftsHoldAndPostingBecomesSearchable()
    {
        var employer = await factory.RegisterEmployerAsync();
        const string title = "审核通过测试岗";
        var id = (long)(await CreateAsync(employer, Posting(title, "门卫值班，60岁以下男性，身体健康。")))["id"]!;
        var organiser = await factory.CreateOrganiserAsync("南京");

        var queue = await organiser.Client.GetFromJsonAsync<JsonObject>("/api/compliance/held");
        var item = Assert.Single(queue!["items"]!.AsArray(), i => (long)i!["postingId"]! == id);
        Assert.Contains(item!["findings"]!.AsArray(), f => (string)f!["words"]! == "60岁以下");

        var approved = await organiser.Client.PostAsync($"/api/compliance/held/{id}/approve", null);
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var decision = await approved.ReadObjectAsync();
        Assert.Equal("approved", (string)decision["decision"]!);
        Assert.Equal(organiser.UserId, (long)decision["reviewerUserId"]!);

        Assert.Equal(1, await SearchTotalWhenAsync(title, 1));
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync($"/api/postings/{id}")).StatusCode);
        var after = await organiser.Client.GetFromJsonAsync<JsonObject>("/api/compliance/held");
        Assert.DoesNotContain(after!["items"]!.AsArray(), i => (long)i!["postingId"]! == id);
        Assert.Equal(HttpStatusCode.Conflict, (await organiser.Client.PostAsync($"/api/compliance/held/{id}/approve", null)).StatusCode);

        // An edit that keeps the approved words stays public; one that adds new wording is held again.
        var kept = await employer.Client.PutAsJsonAsync($"/api/postings/{id}", Posting(title, "门卫值班，60岁以下男性，身体健康，包午餐。"));
        Assert.Empty((await kept.ReadObjectAsync())["holds"]!.AsArray());
        var added = await employer.Client.PutAsJsonAsync($"/api/postings/{id}", Posting(title, "门卫值班，60岁以下男性，本地户口。"));
        var addedBody = await added.ReadObjectAsync();
        Assert.Equal("complianceReview", (string)addedBody["holds"]![0]!);
        Assert.Contains(addedBody["complianceFindings"]!.AsArray(), f => (string)f!["rule"]! == "household");
    }

    [Fact]
    public async Task Decide_OrganiserOfAnotherCity_Forbidden()
    {
        var employer = await factory.RegisterEmployerAsync();
        var id = (long)(await CreateAsync(employer, Posting("外城审核测试岗", "收银员，限女性，已婚。")))["id"]!;
        var stranger = await factory.CreateOrganiserAsync("马鞍山");

        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Client.PostAsync($"/api/compliance/held/{id}/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await stranger.Client.PostAsJsonAsync($"/api/compliance/held/{id}/reject", new { reason = "不行" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Client.GetAsync("/api/compliance/held?city=南京")).StatusCode);
        var own = await stranger.Client.GetFromJsonAsync<JsonObject>("/api/compliance/held");
        Assert.DoesNotContain(own!["items"]!.AsArray(), i => (long)i!["postingId"]! == id);
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.Client.PostAsync($"/api/compliance/held/{id}/approve", null)).StatusCode);

        var admin = await factory.SignInAdminAsync();
        var all = await admin.Client.GetFromJsonAsync<JsonObject>("/api/compliance/held?city=南京&pageSize=100");
        Assert.Contains(all!["items"]!.AsArray(), i => (long)i!["postingId"]! == id);
    }

    [Fact]
    public async Task Reject_WithReason_NotifiesEmployerAndEditReentersQueueOrLifts()
    {
        var employer = await factory.RegisterEmployerAsync();
        const string title = "退回测试岗";
        var id = (long)(await CreateAsync(employer, Posting(title, "前台接待，女，单身优先。")))["id"]!;
        var organiser = await factory.CreateOrganiserAsync("南京");

        var noReason = await organiser.Client.PostAsJsonAsync($"/api/compliance/held/{id}/reject", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.NotNull((await noReason.ReadObjectAsync())["errors"]!["reason"]);

        var returned = await organiser.Client.PostAsJsonAsync($"/api/compliance/held/{id}/reject", new { reason = "请删除性别和婚育要求" });
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        var queue = await organiser.Client.GetFromJsonAsync<JsonObject>("/api/compliance/held?pageSize=100");
        Assert.DoesNotContain(queue!["items"]!.AsArray(), i => (long)i!["postingId"]! == id);

        var own = await employer.Client.GetFromJsonAsync<JsonObject>($"/api/postings/{id}");
        Assert.Equal("请删除性别和婚育要求", (string)own!["complianceReturnedReason"]!);
        var notes = await employer.Client.GetFromJsonAsync<JsonObject>("/api/me/notifications");
        Assert.Contains(notes!["items"]!.AsArray(), n => ((string)n!["body"]!).Contains("请删除性别和婚育要求", StringComparison.Ordinal));

        // Still discriminatory after the edit: back in the queue, marked as resubmitted.
        await employer.Client.PutAsJsonAsync($"/api/postings/{id}", Posting(title, "前台接待，女性优先。"));
        var again = await organiser.Client.GetFromJsonAsync<JsonObject>("/api/compliance/held?pageSize=100");
        var item = Assert.Single(again!["items"]!.AsArray(), i => (long)i!["postingId"]! == id);
        Assert.True((bool)item!["resubmitted"]!);

        // Lawful wording lifts the hold without a review.
        var fixedUp = await employer.Client.PutAsJsonAsync($"/api/postings/{id}", Posting(title, "前台接待，男女不限，形象整洁。"));
        Assert.Empty((await fixedUp.ReadObjectAsync())["holds"]!.AsArray());
        Assert.Equal(1, await SearchTotalWhenAsync(title, 1));
    }

    [Fact]
    public async Task Import_DiscriminatoryRow_ImportedHeldWithLineNumberedWarning()
    {
        var admin = await factory.SignInAdminAsync();
        var report = await admin.UploadOkAsync("南京", ImportTestKit.Csv(
            ImportTestKit.Row("cmp-1", ("title", "合规导入普工"), ("description", "电子厂普工，限男性，18-40周岁，包吃住。")),
            ImportTestKit.Row("cmp-2", ("title", "合规导入男装设计师"), ("description", "负责男装系列设计，男女不限。"))));
        Assert.Equal(2, report.Count("added"));
        var warnings = report["warnings"]!.AsArray();
        Assert.Contains(warnings, w => (int)w!["line"]! == 2 && (string)w["externalId"]! == "cmp-1"
                                       && ((string)w["reason"]!).Contains("“限男性”", StringComparison.Ordinal));
        Assert.Contains(warnings, w => (int)w!["line"]! == 2 && ((string)w!["reason"]!).Contains("“18-40周岁”", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => (int)w!["line"]! == 3 && ((string)w!["reason"]!).Contains("合规", StringComparison.Ordinal));

        var state = await factory.SourceStateAsync("nanjing");
        var held = await admin.Client.GetFromJsonAsync<JsonObject>($"/api/postings/{state["cmp-1"].PostingId}");
        Assert.Equal("complianceReview", (string)held!["holds"]![0]!);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/api/postings/{state["cmp-1"].PostingId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync($"/api/postings/{state["cmp-2"].PostingId}")).StatusCode);
    }
}

/// <summary>The host with gender findings rejected instead of held: <c>Compliance:Rules:gender = Reject</c>.</summary>
public sealed class RejectingComplianceFactory : JobsApiFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [KeyValuePair.Create<string, string?>("Compliance:Rules:gender", "Reject")];
}

public class ComplianceRejectConfigTests(RejectingComplianceFactory factory) : IClassFixture<RejectingComplianceFactory>
{
    [Fact]
    public async Task Create_GenderRuleSetToReject_ValidationProblemNamesRuleAndWords()
    {
        var employer = await factory.RegisterEmployerAsync();
        var response = await employer.Client.PostAsJsonAsync("/api/postings", ComplianceTests.Posting("施工员丁", "施工员，限男士，能长期驻场。"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadObjectAsync();
        var message = (string)problem["errors"]!["description"]![0]!;
        Assert.Contains("性别歧视", message, StringComparison.Ordinal);
        Assert.Contains("“限男士”", message, StringComparison.Ordinal);

        // Other rules keep their default: an age limit is still held, not rejected.
        var held = await employer.Client.PostAsJsonAsync("/api/postings", ComplianceTests.Posting("施工员戊", "施工员，45岁以下，能长期驻场。"));
        Assert.Equal(HttpStatusCode.Created, held.StatusCode);
        Assert.Equal("complianceReview", (string)(await held.ReadObjectAsync())["holds"]![0]!);
    }

    [Fact]
    public async Task Import_GenderRuleSetToReject_LineNumberedRejection()
    {
        var admin = await factory.SignInAdminAsync();
        var report = await admin.UploadOkAsync("南京", ImportTestKit.Csv(
            ImportTestKit.Row("rej-1", ("title", "合规拒绝普工"), ("description", "普工，男女不限。")),
            ImportTestKit.Row("rej-2", ("title", "合规拒绝保安"), ("description", "小区保安，限男，退伍军人优先。"))));
        Assert.Equal(1, report.Count("added"));
        var rejection = Assert.Single(report["rejections"]!.AsArray());
        Assert.Equal(3, (int)rejection!["line"]!);
        Assert.Equal("description", (string)rejection["field"]!);
        Assert.Contains("“限男”", (string)rejection["reason"]!, StringComparison.Ordinal);
    }
}
