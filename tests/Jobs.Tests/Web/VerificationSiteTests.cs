using System.Net;
using System.Net.Http.Json;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Web;

/// <summary>The verification pages without a browser: the employer's form with a file, the city's review queue, and masking.</summary>
public sealed class VerificationSiteTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    [Fact]
    public async Task VerificationPages_SubmitWithFileThenOrganiserApproves_EmployerBecomesVerified()
    {
        var employer = await factory.RegisterEmployerAsync("南京", "南京网页认证测试有限公司", verified: false);
        var site = new SiteClient(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await site.SignInAsync(employer.Email, ApiClient.Password)).StatusCode);

        var dashboard = await site.GetStringAsync("/employer");
        Assert.Contains("企业尚未通过认证", dashboard, StringComparison.Ordinal);
        Assert.Contains("href=\"/employer/verification\"", dashboard, StringComparison.Ordinal);
        Assert.Contains("企业尚未通过认证", await site.GetStringAsync("/employer/postings"), StringComparison.Ordinal);
        var form = await site.GetStringAsync("/employer/verification");
        Assert.Contains("enctype=\"multipart/form-data\"", form, StringComparison.Ordinal);
        Assert.Contains("未认证", form, StringComparison.Ordinal);

        var code = ApiClient.UniqueCreditCode();
        Dictionary<string, string> fields = new()
        {
            ["Input.LegalName"] = "南京网页认证测试有限公司", ["Input.CreditCode"] = code, ["Input.City"] = "南京",
        };
        var wrong = await site.PostMultipartAsync("/employer/verification", "verification", fields, "licence", "plain text"u8.ToArray(), "执照.jpg", "image/jpeg");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Contains("营业执照须为 JPG、PNG 图片或 PDF 文件", wrongHtml, StringComparison.Ordinal);
        Assert.Contains(code, wrongHtml, StringComparison.Ordinal);

        var sent = await site.PostMultipartAsync("/employer/verification", "verification", fields, "licence", ApiClient.LicencePng, "执照.png", "image/png");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("审核中", await site.GetStringAsync("/employer/verification"), StringComparison.Ordinal);

        // The other city's organiser cannot open it; Nanjing's finds it in the queue, opens the licence, rejects without a reason (refused), approves.
        var wuhu = await factory.CreateOrganiserAsync("芜湖");
        var wuhuSite = new SiteClient(factory);
        await wuhuSite.SignInAsync(wuhu.Email, ApiClient.Password);
        Assert.DoesNotContain("南京网页认证测试有限公司", await wuhuSite.GetStringAsync("/organiser/verifications"), StringComparison.Ordinal);

        var organiser = await factory.CreateOrganiserAsync("南京");
        var review = new SiteClient(factory);
        await review.SignInAsync(organiser.Email, ApiClient.Password);
        Assert.Contains("href=\"/organiser\"", await review.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Contains("href=\"/organiser/verifications\"", await review.GetStringAsync("/organiser"), StringComparison.Ordinal);
        var queue = await review.GetStringAsync("/organiser/verifications");
        var match = System.Text.RegularExpressions.Regex.Match(queue, "href=\"/organiser/verifications/(\\d+)\">南京网页认证测试有限公司<");
        Assert.True(match.Success, queue);
        var path = $"/organiser/verifications/{match.Groups[1].Value}";
        Assert.Equal(HttpStatusCode.Forbidden, (await wuhuSite.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await wuhuSite.GetAsync(path + "/licence")).StatusCode);

        var page = await review.GetStringAsync(path);
        Assert.Contains(code, page, StringComparison.Ordinal);
        var licence = await review.GetAsync(path + "/licence");
        Assert.Equal(HttpStatusCode.OK, licence.StatusCode);
        Assert.Equal("nosniff", licence.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("attachment", licence.Content.Headers.ContentDisposition!.DispositionType);
        // The employer itself is no reviewer: refused (the site sends it to the denied page).
        Assert.True((await site.GetAsync(path + "/licence")).StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden);

        var noReason = await review.PostFormAsync(path, "reject", new Dictionary<string, string> { ["Reject.Reason"] = "" });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("驳回时须填写原因", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var approved = await review.PostFormAsync(path, "approve", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Contains("已通过认证", await review.GetStringAsync(approved.Headers.Location!.OriginalString), StringComparison.Ordinal);

        Assert.Contains("已认证", await site.GetStringAsync("/employer/verification"), StringComparison.Ordinal);
        Assert.DoesNotContain("企业尚未通过认证", await site.GetStringAsync("/employer"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplicationPage_EmployerSentBackToReview_ShowsNoContactData()
    {
        var graduate = await factory.RegisterGraduateAsync();
        await graduate.CreateResumeAsync(ApiClient.ValidResume("public", contactVisibleToEmployers: true, phone: "13912345678"));
        var employer = await factory.RegisterEmployerAsync("南京", "南京网页联系方式测试有限公司");
        var posting = await employer.CreatePostingAsync(ApiClient.ValidPosting("网页联系方式测试工程师"));
        var applied = await graduate.Client.PostAsJsonAsync($"/api/postings/{posting}/applications", new { coverLetter = "您好" });
        var applicationId = (long)(await applied.ReadObjectAsync())["id"]!;
        var site = new SiteClient(factory);
        await site.SignInAsync(employer.Email, ApiClient.Password);
        // The application's own page shows contact data to a verified employer; the applicants list never does.
        string[] pages = [$"/employer/applications/{applicationId}"];
        Assert.Contains("13912345678", await site.GetStringAsync(pages[0]), StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", await site.GetStringAsync($"/employer/postings/{posting}/applicants"), StringComparison.Ordinal);

        var profile = await (await employer.Client.GetAsync($"/api/employers/{employer.EmployerId}")).ReadObjectAsync();
        Assert.Equal(HttpStatusCode.OK, (await employer.Client.PutAsJsonAsync($"/api/employers/{employer.EmployerId}",
            new { name = "南京网页联系方式更名有限公司", creditCode = (string)profile["creditCode"]!, city = "南京" })).StatusCode);

        foreach (var page in pages)
        {
            var html = await site.GetStringAsync(page);
            Assert.DoesNotContain("13912345678", html, StringComparison.Ordinal);
            Assert.DoesNotContain("wangxm@example.com", html, StringComparison.Ordinal);
        }
    }
}
