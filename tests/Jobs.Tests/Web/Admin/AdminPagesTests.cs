using System.Net;
using System.Text.RegularExpressions;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Web.Admin;

/// <summary>The admin console without a browser: appointing and removing organisers, and settings that keep secrets secret.</summary>
public sealed partial class AdminPagesTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    [Fact]
    public async Task Appoint_NewOrganiserViaPage_SignsInAndSeesImports_ThenRemovedLosesAccess()
    {
        var admin = await AdminSiteAsync();
        var email = ApiClient.UniqueEmail("appointed");

        var appointed = await admin.PostFormAsync("/admin", "appoint", new Dictionary<string, string>
        {
            ["Appoint.Email"] = email, ["Appoint.City"] = "yangzhou", ["Appoint.DisplayName"] = "扬州人社局测试", ["Appoint.Password"] = ApiClient.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, appointed.StatusCode);
        var list = await admin.GetStringAsync(appointed.Headers.Location!.OriginalString);
        Assert.Contains("已开设组织方账号", list, StringComparison.Ordinal);
        Assert.Contains(email, list, StringComparison.Ordinal);

        var organiser = new SiteClient(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.SignInAsync(email, ApiClient.Password)).StatusCode);
        var imports = await organiser.GetStringAsync("/organiser/imports");
        Assert.Contains("数据源城市：<strong>扬州</strong>", imports, StringComparison.Ordinal);

        var id = RemoveFormRegex(email).Match(list);
        Assert.True(id.Success, list);
        var removed = await admin.PostFormAsync($"/admin/organisers/{id.Groups["id"].Value}/remove", "", new Dictionary<string, string>(), "/admin");
        Assert.Equal(HttpStatusCode.SeeOther, removed.StatusCode);
        var after = await admin.GetStringAsync(removed.Headers.Location!.OriginalString);
        Assert.Contains("已撤销组织方身份", after, StringComparison.Ordinal);
        Assert.DoesNotContain(email, after, StringComparison.Ordinal);

        // The role change ended the organiser's session: the console is closed to that browser at once.
        Assert.Equal(HttpStatusCode.Redirect, (await organiser.GetAsync("/organiser/imports")).StatusCode);
        var again = new SiteClient(factory);
        await again.SignInAsync(email, ApiClient.Password);
        var refused = await again.GetAsync("/organiser/imports");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task Appoint_ExistingGraduateByEmail_PromotedWithoutPassword_EmployerRefused()
    {
        var admin = await AdminSiteAsync();
        var graduate = await factory.RegisterGraduateAsync();
        var employer = await factory.RegisterEmployerAsync();

        var promoted = await admin.PostFormAsync("/admin", "appoint", new Dictionary<string, string> { ["Appoint.Email"] = graduate.Email, ["Appoint.City"] = "芜湖" });
        Assert.Equal(HttpStatusCode.Redirect, promoted.StatusCode);
        Assert.Contains("已任命为组织方", await admin.GetStringAsync(promoted.Headers.Location!.OriginalString), StringComparison.Ordinal);
        var site = new SiteClient(factory);
        await site.SignInAsync(graduate.Email, ApiClient.Password);
        Assert.Contains("数据源城市：<strong>芜湖</strong>", await site.GetStringAsync("/organiser/imports"), StringComparison.Ordinal);

        var refused = await admin.PostFormAsync("/admin", "appoint", new Dictionary<string, string> { ["Appoint.Email"] = employer.Email, ["Appoint.City"] = "芜湖" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("该邮箱是企业账号，不能任命为组织方", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var noPassword = await admin.PostFormAsync("/admin", "appoint", new Dictionary<string, string>
        {
            ["Appoint.Email"] = ApiClient.UniqueEmail("nopassword"), ["Appoint.City"] = "芜湖",
        });
        Assert.Equal(HttpStatusCode.OK, noPassword.StatusCode);
        Assert.Contains("aria-invalid=\"true\"", await noPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminPage_Settings_ShownWithoutSecrets()
    {
        var admin = await AdminSiteAsync();

        var page = await admin.GetStringAsync("/admin");

        Assert.Contains($"href=\"{Jobs.Api.Infrastructure.HangfireDashboardSetup.Path}\"", page, StringComparison.Ordinal);
        foreach (var group in new[] { "存储", "搜索", "后台任务", "隐私：联系方式查看", "访问频率限制", "企业认证", "职位合规规则", "招聘会", "供求统计", "登录与令牌" })
        {
            Assert.Contains($"<summary>{group} ", page, StringComparison.Ordinal);
        }

        Assert.Contains("SigningKey", page, StringComparison.Ordinal);
        Assert.Contains("已设置（不显示）", page, StringComparison.Ordinal);
        Assert.Contains("Uploads:PermitLimit", page, StringComparison.Ordinal);
        Assert.DoesNotContain("test-signing-key-that-is-long-enough-for-hs256", page, StringComparison.Ordinal);
        Assert.DoesNotContain(JobsApiFactory.AdminPassword, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminPage_OrganiserGraduateAnonymous_Refused()
    {
        var organiser = new SiteClient(factory);
        await organiser.SignInAsync((await factory.CreateOrganiserAsync("南京")).Email, ApiClient.Password);
        var anonymous = new SiteClient(factory);

        Assert.NotEqual(HttpStatusCode.OK, (await organiser.GetAsync("/admin")).StatusCode);
        Assert.Contains("/login?returnUrl=", (await anonymous.GetAsync("/admin")).Headers.Location!.OriginalString, StringComparison.Ordinal);
        // The organiser holds a valid form token (from its own page) and still cannot remove anyone.
        var removed = await organiser.PostFormAsync("/admin/organisers/1/remove", "", new Dictionary<string, string>(), "/organiser/imports");
        Assert.NotEqual(HttpStatusCode.SeeOther, removed.StatusCode);
        Assert.False(removed.IsSuccessStatusCode);
    }

    private async Task<SiteClient> AdminSiteAsync()
    {
        var site = new SiteClient(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await site.SignInAsync(JobsApiFactory.AdminEmail, JobsApiFactory.AdminPassword)).StatusCode);
        return site;
    }

    private static Regex RemoveFormRegex(string email) =>
        new($">{Regex.Escape(email)}</p>.*?action=\"/admin/organisers/(?<id>\\d+)/remove\"", RegexOptions.Singleline);
}
