using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jobs.Tests.Fairs;
using Jobs.Tests.Imports;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Employers;

/// <summary>Employer verification through HTTP: submit, review by the employer's city, decisions kept, and what it gates.</summary>
public sealed class VerificationTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    private const string Phone = "13912345678";
    private const string Email = "wangxm@example.com";

    [Fact]
    public async Task Lifecycle_SubmitRejectResubmitApproveRename_OnlyTheCitysReviewersDecideAndEveryStepIsKept()
    {
        var employer = await factory.RegisterEmployerAsync("南京", "南京认证流程测试有限公司", verified: false);
        var id = employer.EmployerId!.Value;
        var nanjing = await factory.CreateOrganiserAsync("南京");
        var wuhu = await factory.CreateOrganiserAsync("芜湖");
        Assert.Equal("unverified", (string)(await StateAsync(employer, id))["status"]!);

        // Unverified: the posting is prepared but held, so the public cannot see it.
        var posting = await employer.CreatePostingAsync(ApiClient.ValidPosting("认证流程测试工程师"));
        var own = await (await employer.Client.GetAsync($"/api/postings/{posting}")).ReadObjectAsync();
        Assert.Contains("employerUnverified", own["holds"]!.AsArray().Select(h => (string)h!));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/api/postings/{posting}")).StatusCode);

        var code = ApiClient.UniqueCreditCode();
        var first = await SubmitAsync(employer, code, "南京认证流程测试有限公司");
        Assert.Equal("pending", (string)(await StateAsync(employer, id))["status"]!);

        // Another city's organiser neither sees nor decides it; its own list leaves it out.
        Assert.Equal(HttpStatusCode.Forbidden, (await wuhu.Client.GetAsync("/api/verifications?status=pending&city=南京")).StatusCode);
        var wuhuQueue = await (await wuhu.Client.GetAsync("/api/verifications?status=pending")).ReadObjectAsync();
        Assert.DoesNotContain(first, wuhuQueue["items"]!.AsArray().Select(i => (long)i!["id"]!));
        Assert.Equal(HttpStatusCode.Forbidden, (await wuhu.Client.GetAsync($"/api/verifications/{first}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await wuhu.Client.GetAsync($"/api/verifications/{first}/licence")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await wuhu.Client.PostAsync($"/api/verifications/{first}/approve", null)).StatusCode);
        // The employer itself cannot open the reviewers' queue or its licence download.
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.Client.GetAsync($"/api/verifications/{first}/licence")).StatusCode);

        var queue = await (await nanjing.Client.GetAsync("/api/verifications?status=pending")).ReadObjectAsync();
        var item = queue["items"]!.AsArray().Single(i => (long)i!["id"]! == first)!;
        Assert.Equal((code, "南京认证流程测试有限公司", "nanjing"), ((string)item["creditCode"]!, (string)item["legalName"]!, (string)item["cityCode"]!));

        var licence = await nanjing.Client.GetAsync((string)item["licenceUrl"]!);
        Assert.Equal(HttpStatusCode.OK, licence.StatusCode);
        Assert.Equal("image/png", licence.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", licence.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("attachment", licence.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(ApiClient.LicencePng, await licence.Content.ReadAsByteArrayAsync());

        // A rejection needs a reason, which the employer then sees.
        var noReason = await nanjing.Client.PostAsJsonAsync($"/api/verifications/{first}/reject", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.NotNull((await noReason.ReadObjectAsync())["errors"]!["reason"]);
        Assert.Equal(HttpStatusCode.OK, (await nanjing.Client.PostAsJsonAsync($"/api/verifications/{first}/reject", new { reason = "营业执照照片不清晰" })).StatusCode);
        var rejected = await StateAsync(employer, id);
        Assert.Equal(("rejected", "营业执照照片不清晰"), ((string)rejected["status"]!, (string)rejected["rejectionReason"]!));
        Assert.Equal(HttpStatusCode.Conflict, (await nanjing.Client.PostAsync($"/api/verifications/{first}/approve", null)).StatusCode);

        // Resubmitted and approved: the posting goes public.
        var second = await SubmitAsync(employer, code, "南京认证流程测试有限公司");
        Assert.Equal(HttpStatusCode.OK, (await nanjing.Client.PostAsync($"/api/verifications/{second}/approve", null)).StatusCode);
        Assert.Equal("verified", (string)(await StateAsync(employer, id))["status"]!);
        Assert.Empty((await (await factory.CreateClient().GetAsync($"/api/postings/{posting}")).ReadObjectAsync())["holds"]!.AsArray());
        await SearchFindsAsync(posting, "认证流程测试工程师");
        Assert.Equal(HttpStatusCode.Conflict, (await employer.Client.PostAsync($"/api/employers/{id}/verification",
            ApiClient.VerificationForm(code, "南京认证流程测试有限公司", "南京"))).StatusCode);

        // A rename sends it back to review with the new name; the posting is held again.
        var renamed = await employer.Client.PutAsJsonAsync($"/api/employers/{id}", new { name = "南京认证流程更名有限公司", creditCode = code, city = "南京" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var back = await StateAsync(employer, id);
        Assert.Equal("pending", (string)back["status"]!);
        var history = back["history"]!.AsArray();
        Assert.Equal(["identityChange", "employer", "employer"], history.Select(h => (string)h!["source"]!));
        Assert.Equal(["pending", "approved", "rejected"], history.Select(h => (string)h!["status"]!));
        Assert.Equal("南京认证流程更名有限公司", (string)history[0]!["legalName"]!);
        Assert.NotNull(history[0]!["licenceUrl"]);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/api/postings/{posting}")).StatusCode);
    }

    [Fact]
    public async Task Submit_LicenceOfWrongKindOrMissingOrBadCode_Returns400NamingTheField()
    {
        var employer = await factory.RegisterEmployerAsync("南京", "南京执照格式测试有限公司", verified: false);
        var url = $"/api/employers/{employer.EmployerId}/verification";
        var code = ApiClient.UniqueCreditCode();

        // A GIF named .png: the content decides, not the name or the declared type.
        var gif = await employer.Client.PostAsync(url, ApiClient.VerificationForm(code, "南京执照格式测试有限公司", "南京",
            "GIF89a\u0001\u0000\u0001\u0000"u8.ToArray(), "执照.png", "image/png"));
        Assert.Equal(HttpStatusCode.BadRequest, gif.StatusCode);
        Assert.Contains("JPG", (string)(await gif.ReadObjectAsync())["errors"]!["licence"]![0]!);

        var noFile = new MultipartFormDataContent { { new StringContent(code), "creditCode" }, { new StringContent("名称"), "legalName" }, { new StringContent("南京"), "city" } };
        var missing = await employer.Client.PostAsync(url, noFile);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.NotNull((await missing.ReadObjectAsync())["errors"]!["licence"]);

        var badCode = await employer.Client.PostAsync(url, ApiClient.VerificationForm("91320100ABCDEFGHIJ", "南京执照格式测试有限公司", "南京"));
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        Assert.NotNull((await badCode.ReadObjectAsync())["errors"]!["creditCode"]);

        var pdf = await employer.Client.PostAsync(url, ApiClient.VerificationForm(code, "南京执照格式测试有限公司", "南京",
            "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n"u8.ToArray(), "licence.pdf", "application/pdf"));
        Assert.Equal(HttpStatusCode.Created, pdf.StatusCode);
        Assert.Equal("application/pdf", (string)(await pdf.ReadObjectAsync())["licenceContentType"]!);
        Assert.Equal("unverified", (string)(await StateAsync(await factory.RegisterEmployerAsync("南京", "南京执照另一测试有限公司", verified: false), null))["status"]!);
    }

    [Fact]
    public async Task Unverified_EmployerSeesNoContactDataAnywhere_AndCannotApplyForABooth()
    {
        // A graduate who opened contact data to employers, applied to an employer that was verified then renamed (back to review).
        var graduate = await factory.RegisterGraduateAsync();
        var resumeId = await graduate.CreateResumeAsync(ApiClient.ValidResume("public", contactVisibleToEmployers: true, phone: Phone));
        var employer = await factory.RegisterEmployerAsync("南京", "南京联系方式测试有限公司");
        var id = employer.EmployerId!.Value;
        var posting = await employer.CreatePostingAsync(ApiClient.ValidPosting("联系方式测试Java工程师"));
        var applied = await graduate.Client.PostAsJsonAsync($"/api/postings/{posting}/applications", new { coverLetter = "您好" });
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        var applicationId = (long)(await applied.ReadObjectAsync())["id"]!;

        // Contact data goes out only in a single view; lists show the graduate without it (minimum necessary).
        string[] singleViews = [$"/api/resumes/{resumeId}", $"/api/applications/{applicationId}"];
        string[] lists =
        [
            "/api/resumes/search?q=Java&pageSize=100",
            $"/api/postings/{posting}/matches?pageSize=50",
            $"/api/postings/{posting}/applications",
        ];
        string[] urls = [.. singleViews, .. lists];

        // Verified, the single views reveal the phone and the lists carry the graduate (the index may need a moment for the
        // new résumé), so the checks after the rename below can fail.
        await ImportTestKit.EventuallyAsync(async () =>
        {
            foreach (var url in singleViews)
            {
                if (!(await employer.Client.GetStringAsync(url)).Contains(Phone, StringComparison.Ordinal))
                {
                    return null;
                }
            }

            foreach (var url in lists)
            {
                var body = await employer.Client.GetStringAsync(url);
                Assert.DoesNotContain(Phone, body, StringComparison.Ordinal);
                if (!body.Contains(resumeId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
                {
                    return null;
                }
            }

            return "all";
        }, "the phone in single views and the graduate in lists while verified");

        var profile = await (await employer.Client.GetAsync($"/api/employers/{id}")).ReadObjectAsync();
        Assert.Equal(HttpStatusCode.OK, (await employer.Client.PutAsJsonAsync($"/api/employers/{id}",
            new { name = "南京联系方式测试更名有限公司", creditCode = (string)profile["creditCode"]!, city = "南京" })).StatusCode);

        foreach (var url in urls)
        {
            var response = await employer.Client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.False(body.Contains(Phone, StringComparison.Ordinal) || body.Contains(Email, StringComparison.Ordinal), $"{url} reveals contact data: {body}");
        }

        // Booths: a clear 403.
        var organiser = await factory.CreateOrganiserAsync("南京");
        var fair = await organiser.CreateOpenFairAsync(FairTestKit.Fair(factory, booths: 4, title: "南京认证展位测试招聘会"));
        var booth = await employer.Client.PostAsJsonAsync($"/api/fairs/{fair}/booths", new { postingIds = new[] { posting } });
        Assert.Equal(HttpStatusCode.Forbidden, booth.StatusCode);
        Assert.Contains("认证", (string)(await booth.ReadObjectAsync())["detail"]!);

        // A brand-new unverified employer sees none either.
        var fresh = await factory.RegisterEmployerAsync("南京", "南京未认证新企业有限公司", verified: false);
        var resume = await fresh.Client.GetStringAsync($"/api/resumes/{resumeId}");
        Assert.DoesNotContain(Phone, resume);
        Assert.DoesNotContain(Phone, await fresh.Client.GetStringAsync("/api/resumes/search?q=Java&pageSize=100"));
    }

    [Fact]
    public async Task Import_NewEmployer_IsVerifiedByTheCityFeedAndItsPostingsArePublic()
    {
        var organiser = await factory.CreateOrganiserAsync("南京");
        var row = ImportTestKit.Row("verify-import-1", ("title", "数据源认证测试专员"), ("employer_name", "南京数据源认证测试有限公司"),
            ("employer_credit_code", ""), ("city", "南京"));
        await organiser.UploadOkAsync("南京", ImportTestKit.Csv(row));

        var admin = await factory.SignInAdminAsync();
        var employers = await (await admin.Client.GetAsync("/api/employers?name=" + Uri.EscapeDataString("南京数据源认证测试"))).ReadObjectAsync();
        var employerId = (long)employers["items"]!.AsArray().Single()!["id"]!;
        var state = await StateAsync(admin, employerId);
        Assert.Equal("verified", (string)state["status"]!);
        var record = state["history"]!.AsArray().Single()!;
        Assert.Equal(("import", "approved"), ((string)record["source"]!, (string)record["status"]!));
        Assert.Contains("南京", (string)record["reason"]!);
    }

    private static async Task<long> SubmitAsync(SignedIn employer, string code, string name)
    {
        var submitted = await employer.Client.PostAsync($"/api/employers/{employer.EmployerId}/verification", ApiClient.VerificationForm(code, name, "南京"));
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        return (long)(await submitted.ReadObjectAsync())["id"]!;
    }

    private static async Task<JsonObject> StateAsync(SignedIn who, long? employerId)
    {
        var response = await who.Client.GetAsync($"/api/employers/{employerId ?? who.EmployerId}/verification");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadObjectAsync();
    }

    private async Task SearchFindsAsync(long posting, string title) =>
        await ImportTestKit.EventuallyAsync(async () =>
        {
            var result = await (await factory.CreateClient().GetAsync("/api/postings/search?q=" + Uri.EscapeDataString(title))).ReadObjectAsync();
            return result["items"]!.AsArray().Any(i => (long)i!["id"]! == posting) ? result : null;
        }, "the approved employer's posting in search");
}
