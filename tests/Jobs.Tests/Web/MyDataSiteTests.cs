using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Web;

/// <summary>/me/data without a browser: what is stored, the download, closing the account and changing one's mind.</summary>
public sealed class MyDataSiteTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    [Theory]
    [InlineData("/me/data")]
    [InlineData("/me/data/export")]
    public async Task MyData_Anonymous_RedirectsToLogin(string path)
    {
        var response = await new SiteClient(factory).GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyData_SignedInGraduate_ListsDataAndDownloadsJsonAttachment()
    {
        var graduate = await factory.RegisterGraduateAsync();
        await graduate.CreateResumeAsync();
        var browser = new SiteClient(factory);
        await browser.SignInAsync(graduate.Email, ApiClient.Password);

        var page = await browser.GetStringAsync("/me/data");
        var download = await browser.GetAsync("/me/data/export");

        Assert.Contains("<h1>我的数据</h1>", page, StringComparison.Ordinal);
        Assert.Contains(graduate.Email, page, StringComparison.Ordinal);
        Assert.Contains("href=\"/me/data/export\"", page, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\">我的数据", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^jobs-my-data-\d{8}-\d{6}\.json$", download.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var text = await download.Content.ReadAsStringAsync();
        var export = JsonNode.Parse(text)!;
        Assert.Equal(graduate.Email, (string)export["account"]!["email"]!);
        Assert.Equal(("王小明", "11010519491231002X"), ((string)export["resume"]!["fullName"]!, (string)export["resume"]!["contact"]!["idNumber"]!));
        // Written for people: Chinese as is, enums by name.
        Assert.Contains("\"degree\": \"bachelor\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyData_EmployerUser_SeesPageAndEmployerSection()
    {
        var employer = await factory.RegisterEmployerAsync(name: "南京数据页测试有限公司");
        var browser = new SiteClient(factory);
        await browser.SignInAsync(employer.Email, ApiClient.Password);

        var page = await browser.GetStringAsync("/me/data");

        Assert.Contains("南京数据页测试有限公司", page, StringComparison.Ordinal);
        Assert.Contains("申请注销账号", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MyData_DeleteThenCancel_BannerWhilePendingAndResumeBack()
    {
        var graduate = await factory.RegisterGraduateAsync();
        var resumeId = await graduate.CreateResumeAsync();
        var browser = new SiteClient(factory);
        await browser.SignInAsync(graduate.Email, ApiClient.Password);

        var wrong = await browser.PostFormAsync("/me/data", "delete-account", new Dictionary<string, string> { ["Input.Password"] = "Not-The-Password-9" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("密码不正确", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync($"/api/resumes/{resumeId}")).StatusCode);

        var requested = await browser.PostFormAsync("/me/data", "delete-account", new Dictionary<string, string> { ["Input.Password"] = ApiClient.Password });

        Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        Assert.EndsWith("/me/data?requested=1", requested.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/api/resumes/{resumeId}")).StatusCode);
        // Still signed in, and every page says when the erasure comes and where to cancel.
        var elsewhere = await browser.GetStringAsync("/me/applications");
        Assert.Contains("你的账号已申请注销", elsewhere, StringComparison.Ordinal);
        Assert.Contains("href=\"/me/data#close\"", elsewhere, StringComparison.Ordinal);
        var dataPage = await browser.GetStringAsync("/me/data?requested=1");
        Assert.Contains("撤销注销，保留我的账号", dataPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.Password", dataPage, StringComparison.Ordinal);

        var cancelled = await browser.PostFormAsync("/me/data", "cancel-deletion", new Dictionary<string, string> { ["Cancel"] = "1" });

        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.EndsWith("/me/data?cancelled=1", cancelled.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("你的账号已申请注销", await browser.GetStringAsync("/me/applications"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync($"/api/resumes/{resumeId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await graduate.Client.GetAsync("/api/me/deletion")).StatusCode);
    }
}
