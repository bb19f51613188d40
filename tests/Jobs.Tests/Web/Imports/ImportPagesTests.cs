using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Jobs.Core.Postings;
using Jobs.Tests.Imports;
using Jobs.Tests.Infrastructure;
using static Jobs.Tests.Imports.ImportTestKit;

namespace Jobs.Tests.Web.Imports;

/// <summary>The imports pages without a browser: who may see a run, the plain-form upload, CSV files, and held-run decisions.</summary>
public sealed partial class ImportPagesTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    [Fact]
    public async Task RunReport_OrganiserOfAnotherCity_404ForPageAndCsv()
    {
        var admin = await factory.SignInAdminAsync();
        var report = await admin.UploadOkAsync("淮安", Csv([.. Rows("ha", 2, city: "淮安"), Row("ha-bad", ("city", "淮安"), ("posted_at", "2025-13-45"))]));
        var runId = (long)report["id"]!;
        var huaian = await SignedInSiteAsync(await factory.CreateOrganiserAsync("淮安"));
        var wuhu = await SignedInSiteAsync(await factory.CreateOrganiserAsync("芜湖"));

        Assert.Equal(HttpStatusCode.NotFound, (await wuhu.GetAsync($"/organiser/imports/{runId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await wuhu.GetAsync($"/organiser/imports/{runId}/rejections.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await wuhu.GetAsync($"/organiser/imports/{runId}/warnings.csv")).StatusCode);
        Assert.DoesNotContain($"href=\"/organiser/imports/{runId}\"", await wuhu.GetStringAsync("/organiser/imports"), StringComparison.Ordinal);

        var own = await huaian.GetStringAsync($"/organiser/imports/{runId}");
        Assert.Contains($"导入 #{runId}", own, StringComparison.Ordinal);
        Assert.Contains("posted_at", own, StringComparison.Ordinal);
        Assert.Contains($"href=\"/organiser/imports/{runId}\"", await huaian.GetStringAsync("/organiser/imports"), StringComparison.Ordinal);
        var adminSite = await SignedInSiteAsync(admin);
        Assert.Equal(HttpStatusCode.OK, (await adminSite.GetAsync($"/organiser/imports/{runId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await adminSite.GetAsync($"/organiser/imports/{long.MaxValue / 2}")).StatusCode);
    }

    [Fact]
    public async Task ImportPages_AnonymousAndGraduate_Refused()
    {
        var anonymous = new SiteClient(factory);
        var graduate = await SignedInSiteAsync(await factory.RegisterGraduateAsync());

        foreach (var path in new[] { "/organiser/imports", "/organiser/imports/1", "/organiser/imports/1/rejections.csv" })
        {
            var signIn = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.Contains("/login?returnUrl=", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
            var denied = await graduate.GetAsync(path);
            Assert.True(denied.StatusCode is HttpStatusCode.Forbidden || denied.Headers.Location?.OriginalString.Contains("/denied", StringComparison.Ordinal) == true,
                $"{path} answered {(int)denied.StatusCode} {denied.Headers.Location} to a graduate");
        }

        // The graduate has a valid form token from another page; the role check still refuses the upload before any import.
        var token = await TokenAsync(graduate, "/me/data");
        var upload = await PostUploadAsync(graduate, token, "南京", Csv(Rows("grad", 1)));
        Assert.NotEqual(HttpStatusCode.SeeOther, upload.StatusCode);
        Assert.False(upload.IsSuccessStatusCode);
    }

    [Fact]
    public async Task UploadForm_WithoutScript_RedirectsToReportAndCsvIsGuarded()
    {
        var organiser = await SignedInSiteAsync(await factory.CreateOrganiserAsync("马鞍山"));
        var page = await organiser.GetStringAsync("/organiser/imports");
        Assert.Contains("enctype=\"multipart/form-data\"", page, StringComparison.Ordinal);
        Assert.Contains("马鞍山", page, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/_content/Jobs.Web/js/upload", page, StringComparison.Ordinal);
        var file = Csv([.. Rows("mas", 3, city: "马鞍山"), Row("=HYPERLINK(\"http://evil\")", ("city", "马鞍山"), ("posted_at", "2025-13-45")),
            Row("mas-neg", ("city", "马鞍山"), ("posted_at", "无效日期"))]);

        // An organiser's form has no city field: whatever a crafted form names, the upload is for the organiser's own city.
        var response = await PostUploadAsync(organiser, await TokenAsync(organiser, "/organiser/imports"), "南京", file);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches("^/organiser/imports/\\d+$", location);
        var report = await organiser.GetStringAsync(location);
        Assert.Contains("马鞍山", report, StringComparison.Ordinal);
        Assert.Contains("拒收的行（2）", report, StringComparison.Ordinal);
        Assert.Matches(CountRegex("3", "新增"), report);

        var csv = await organiser.GetAsync(location + "/rejections.csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", csv.Content.Headers.ContentDisposition!.DispositionType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("行号,外部编号,字段,原因", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(",\"=", StringComparison.Ordinal) || l.StartsWith("\"=", StringComparison.Ordinal));
        var warnings = await organiser.GetAsync(location + "/warnings.csv");
        Assert.Equal(HttpStatusCode.OK, warnings.StatusCode);
        Assert.StartsWith("行号,", Encoding.UTF8.GetString((await warnings.Content.ReadAsByteArrayAsync())[3..]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadForm_FileLargerThanAPageForm_ReachesTheImport()
    {
        var organiser = await SignedInSiteAsync(await factory.CreateOrganiserAsync("金坛"));
        var file = Csv([.. Rows("big", 1, city: "金坛"), Row("big-pad", ("city", "金坛"), ("description", new string('岗', 700_000)))]);
        Assert.True(file.Length > 2 * 1024 * 1024, $"{file.Length} bytes");

        // Page forms may send 1 MB; the upload has the API upload's own limit.
        var response = await PostUploadAsync(organiser, await TokenAsync(organiser, "/organiser/imports"), null, file);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Matches("^/organiser/imports/\\d+$", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task UploadForm_AdminChoosesCity_ImportsForThatCity_NoCityBackWithReason()
    {
        var admin = await SignedInSiteAsync(await factory.SignInAdminAsync());
        var token = await TokenAsync(admin, "/organiser/imports");

        var noCity = await PostUploadAsync(admin, token, null, Csv(Rows("adm-none", 1, city: "溧阳")));
        Assert.Equal(HttpStatusCode.SeeOther, noCity.StatusCode);
        Assert.Contains("请选择数据源城市", await admin.GetStringAsync(noCity.Headers.Location!.OriginalString), StringComparison.Ordinal);

        var chosen = await PostUploadAsync(admin, token, "liyang", Csv(Rows("adm-city", 2, city: "溧阳")));
        Assert.Equal(HttpStatusCode.SeeOther, chosen.StatusCode);
        var report = await admin.GetStringAsync(chosen.Headers.Location!.OriginalString);
        Assert.Contains("· 溧阳", report, StringComparison.Ordinal);
        Assert.Matches(CountRegex("2", "新增"), report);
    }

    [Fact]
    public async Task UploadForm_NoFile_BackToFormWithReason()
    {
        var organiser = await SignedInSiteAsync(await factory.CreateOrganiserAsync("宣城"));

        var response = await PostUploadAsync(organiser, await TokenAsync(organiser, "/organiser/imports"), null, null);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var page = await organiser.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("请选择要上传的数据文件", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeldRun_DiscardThenConfirmViaPageForms_DataFollowsTheDecision()
    {
        await using var own = new JobsApiFactory();
        var admin = await own.SignInAdminAsync();
        var rows = Rows("held", 4, city: "滁州");
        await admin.UploadOkAsync("滁州", Csv(rows));
        var before = await own.SourceStateAsync("chuzhou");
        var organiser = await own.CreateOrganiserAsync("滁州");
        var site = await SignedInSiteAsync(organiser, own);

        var firstHeld = await HeldRunAsync(admin, Csv(rows[0]));
        var list = await site.GetStringAsync("/organiser/imports");
        Assert.Contains("等待确认的导入", list, StringComparison.Ordinal);
        Assert.Contains($"action=\"/organiser/imports/{firstHeld}/discard\"", list, StringComparison.Ordinal);
        var discarded = await site.PostFormAsync($"/organiser/imports/{firstHeld}/discard", "", new Dictionary<string, string>(), "/organiser/imports");
        Assert.Equal(HttpStatusCode.SeeOther, discarded.StatusCode);
        Assert.Contains("已放弃这次导入", await site.GetStringAsync(discarded.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(before, await own.SourceStateAsync("chuzhou"));

        var secondHeld = await HeldRunAsync(admin, Csv(rows[0]));
        var confirmed = await site.PostFormAsync($"/organiser/imports/{secondHeld}/confirm", "", new Dictionary<string, string>(), $"/organiser/imports/{secondHeld}");
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        var applied = await site.GetStringAsync(confirmed.Headers.Location!.OriginalString);
        Assert.Contains("已确认导入", applied, StringComparison.Ordinal);
        Assert.Contains($"href=\"/organiser/imports/{secondHeld}\"", applied, StringComparison.Ordinal);
        Assert.Equal(3, (await own.SourceStateAsync("chuzhou")).Values.Count(p => p.Status == PostingStatus.Closed));

        // A second click on the same (already decided) form changes nothing and says so.
        var again = await site.PostFormAsync($"/organiser/imports/{secondHeld}/confirm", "", new Dictionary<string, string>(), "/organiser/imports");
        Assert.Equal(HttpStatusCode.SeeOther, again.StatusCode);
        Assert.Contains("已经处理过", await site.GetStringAsync(again.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecisionForm_WithoutToken_RefusedAndRunStaysHeld()
    {
        await using var own = new JobsApiFactory();
        var admin = await own.SignInAdminAsync();
        var rows = Rows("csrf", 3, city: "滁州");
        await admin.UploadOkAsync("滁州", Csv(rows));
        var held = await HeldRunAsync(admin, Csv(rows[0]));
        var site = await SignedInSiteAsync(admin, own);

        using var client = own.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var forged = new HttpRequestMessage(HttpMethod.Post, $"/organiser/imports/{held}/discard") { Content = new FormUrlEncodedContent([]) };
        forged.Headers.Add("Cookie", site.CookieHeader());
        var response = await client.SendAsync(forged);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("held", (string)(await admin.GetJsonAsync($"/api/imports/{held}"))["status"]!);
    }

    private static async Task<long> HeldRunAsync(SignedIn admin, byte[] file)
    {
        var response = await admin.UploadAsync("滁州", file);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (long)(await response.ReadObjectAsync())["id"]!;
    }

    private Task<SiteClient> SignedInSiteAsync(SignedIn who) => SignedInSiteAsync(who, factory);

    private static async Task<SiteClient> SignedInSiteAsync(SignedIn who, JobsApiFactory host)
    {
        var site = new SiteClient(host);
        var password = who.Email == JobsApiFactory.AdminEmail ? JobsApiFactory.AdminPassword : ApiClient.Password;
        Assert.Equal(HttpStatusCode.Redirect, (await site.SignInAsync(who.Email, password)).StatusCode);
        return site;
    }

    private static async Task<string> TokenAsync(SiteClient site, string page)
    {
        var match = TokenRegex().Match(await site.GetStringAsync(page));
        Assert.True(match.Success, $"No antiforgery token on {page}");
        return WebUtility.HtmlDecode(match.Groups["value"].Value);
    }

    /// <summary>What the upload form sends without its script: the token, the fields and the file, as multipart.</summary>
    private Task<HttpResponseMessage> PostUploadAsync(SiteClient site, string token, string? city, byte[]? file) =>
        PostUploadAsync(factory, site, token, city, file);

    private static async Task<HttpResponseMessage> PostUploadAsync(JobsApiFactory host, SiteClient site, string token, string? city, byte[]? file)
    {
        using var client = host.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var body = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        if (city is not null)
        {
            body.Add(new StringContent(city), "City");
        }

        var content = new ByteArrayContent(file ?? []);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        body.Add(content, "File", file is null ? "empty.csv" : "feed.csv");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/organiser/imports/upload") { Content = body };
        request.Headers.Add("Cookie", site.CookieHeader());
        return await client.SendAsync(request);
    }

    private static Regex CountRegex(string count, string label) => new($"<span class=\"count\">{count}</span> <span class=\"label\">{label}</span>");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex TokenRegex();
}
