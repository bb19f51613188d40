using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Web;

/// <summary>The site's foundation without a browser: documents, sign-in cookie, antiforgery, redirects, error pages.</summary>
public partial class SiteTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/login")]
    [InlineData("/register")]
    [InlineData("/employer/register")]
    public async Task Page_Anonymous_IsChineseHtmlWithTitleAndNoInlineScript(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Matches(TitleRegex(), html);
        Assert.DoesNotMatch(InlineScriptRegex(), html);
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_Anonymous_ShowsSearchCityChipsOfBothRegionsAndSignInLinks()
    {
        var html = await factory.CreateClient().GetStringAsync("/");

        Assert.Contains("action=\"/jobs\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/jobs?city=%E9%A9%AC%E9%9E%8D%E5%B1%B1\"", html, StringComparison.Ordinal); // 马鞍山
        Assert.Contains("href=\"/jobs?city=%E6%B5%8E%E5%AE%81\"", html, StringComparison.Ordinal); // 济宁, the second region
        Assert.Contains("href=\"/login\"", html, StringComparison.Ordinal);
        // Chinese text goes out as UTF-8, not as character references (which would triple the page's weight).
        Assert.Contains("马鞍山", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&#x9A6C;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stylesheet_LinkedFromLayout_IsServed()
    {
        var client = factory.CreateClient();
        var html = await client.GetStringAsync("/");
        var href = StylesheetRegex().Match(html).Groups["href"].Value;

        var css = await client.GetAsync(href);

        Assert.StartsWith("/_content/Jobs.Web/site.", href, StringComparison.Ordinal);
        Assert.True(css.Content.Headers.ContentType is not null, $"{(int)css.StatusCode} {string.Join(",", css.Headers.Select(h => h.Key + "=" + string.Join("|", h.Value)))} body={(await css.Content.ReadAsStringAsync()).Length}");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Login_PostWithoutAntiforgeryToken_IsRefusedAndSetsNoCookie()
    {
        var graduate = await factory.RegisterGraduateAsync();
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = graduate.Email,
            ["Input.Password"] = ApiClient.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("表单无法提交", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("jobs.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Login_RightPassword_SetsCookieAndReturnsToThePageAsked()
    {
        var graduate = await factory.RegisterGraduateAsync();
        var browser = new SiteClient(factory);

        var response = await browser.SignInAsync(graduate.Email, ApiClient.Password, returnUrl: "/jobs?q=%E5%8F%89%E8%BD%A6");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/jobs?q=%E5%8F%89%E8%BD%A6", response.Headers.Location!.PathAndQuery);
        var home = await browser.GetStringAsync("/");
        Assert.Contains("action=\"/logout\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/login\"", home, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/api/me")]
    public async Task Login_ReturnUrlOffSite_LandsOnOwnPageInstead(string returnUrl)
    {
        var graduate = await factory.RegisterGraduateAsync();
        var browser = new SiteClient(factory);

        var response = await browser.SignInAsync(graduate.Email, ApiClient.Password, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(factory.Server.BaseAddress, response.Headers.Location!);
        Assert.Equal(factory.Server.BaseAddress.Authority, location.Authority);
        Assert.Equal("/me/matches", location.AbsolutePath);
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsChineseMessageAndSetsNoCookie()
    {
        var graduate = await factory.RegisterGraduateAsync();
        var browser = new SiteClient(factory);

        var response = await browser.SignInAsync(graduate.Email, "Wrong-Password-2026");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("邮箱或密码不正确", html, StringComparison.Ordinal);
        Assert.False(browser.HasCookie("jobs.auth"));
    }

    [Fact]
    public async Task SiteCookie_OnApi_IsNotASignIn()
    {
        var graduate = await factory.RegisterGraduateAsync();
        var browser = new SiteClient(factory);
        await browser.SignInAsync(graduate.Email, ApiClient.Password);

        var me = await browser.GetAsync("/api/me");

        // The API reads bearer tokens only, so a page elsewhere cannot make a signed-in browser call it.
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task Logout_Posted_EndsTheSessionEvenForACopiedCookie()
    {
        var graduate = await factory.RegisterGraduateAsync();
        var browser = new SiteClient(factory);
        await browser.SignInAsync(graduate.Email, ApiClient.Password);
        var copied = browser.CookieHeader();

        var logout = await browser.PostFormAsync("/logout", "logout", new Dictionary<string, string>());
        var replay = new HttpRequestMessage(HttpMethod.Get, "/");
        replay.Headers.Add("Cookie", copied);
        var replayed = await factory.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false }).SendAsync(replay);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Contains("href=\"/login\"", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOutEverywhere_ThroughApi_EndsBrowserSignIn()
    {
        var graduate = await factory.RegisterGraduateAsync();
        var browser = new SiteClient(factory);
        await browser.SignInAsync(graduate.Email, ApiClient.Password);

        var logout = await graduate.Client.PostAsync("/api/auth/logout?everywhere=true", null);
        var home = await browser.GetStringAsync("/");

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Contains("href=\"/login\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_Graduate_SignsInAndLandsOnMatches()
    {
        var browser = new SiteClient(factory);
        var email = ApiClient.UniqueEmail("site");

        var response = await browser.PostFormAsync("/register", "register", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = ApiClient.Password,
            ["Input.DisplayName"] = "王小明",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/me/matches", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.True(browser.HasCookie("jobs.auth"));
        var api = await factory.SignInAsync(email);
        Assert.True(api.UserId > 0);
    }

    [Fact]
    public async Task Register_EmployerWithBadCreditCode_ShowsMessageNextToFieldAndKeepsValues()
    {
        var browser = new SiteClient(factory);

        var response = await browser.PostFormAsync("/employer/register", "register", new Dictionary<string, string>
        {
            ["Input.Email"] = ApiClient.UniqueEmail("hr"),
            ["Input.Password"] = ApiClient.Password,
            ["Input.CompanyName"] = "滁州测试机械有限公司",
            ["Input.CreditCode"] = "123",
            ["Input.City"] = "滁州",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(CreditCodeErrorRegex(), html);
        Assert.Contains("value=\"滁州测试机械有限公司\"", html, StringComparison.Ordinal);
        Assert.False(browser.HasCookie("jobs.auth"));
    }

    [Fact]
    public async Task UnknownPage_Anonymous_Is404PageInChinese()
    {
        var response = await factory.CreateClient().GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownApiPath_StillAnswersProblemDetails()
    {
        var response = await factory.CreateClient().GetAsync("/api/no/such/thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("POST", "/no/such/page")]
    [InlineData("DELETE", "/login")]
    [InlineData("PUT", "/")]
    public async Task Page_UnsupportedMethodOrAddress_AnswersChinesePageNot500(string method, string path)
    {
        var response = await factory.CreateClient().SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["a"] = "b" }),
        });

        Assert.InRange((int)response.StatusCode, 400, 499);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"zh-CN\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("<title>[^<]+</title>")]
    private static partial Regex TitleRegex();

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>")]
    private static partial Regex InlineScriptRegex();

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(?<href>[^\"]+)\"")]
    private static partial Regex StylesheetRegex();

    [GeneratedRegex("id=\"company-credit\"[^>]*aria-invalid=\"true\"[\\s\\S]{0,400}class=\"error\"")]
    private static partial Regex CreditCodeErrorRegex();
}
