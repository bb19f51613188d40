using System.Net;
using System.Net.Http.Json;
using Jobs.Core.Storage;
using Jobs.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobs.Tests.Api;

public class AuthTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    [Fact]
    public async Task Register_Graduate_Returns202WithoutTokenAndSignsInAfterwards()
    {
        var email = ApiClient.UniqueEmail("g");
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/register", new { email, password = ApiClient.Password, role = "graduate" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.Null(body["accessToken"]);
        Assert.Equal("注册申请已受理，请使用该邮箱和密码登录", (string)body["message"]!);

        var graduate = await factory.SignInAsync(email);
        var me = await (await graduate.Client.GetAsync("/api/me")).ReadObjectAsync();
        Assert.Equal(email, (string)me["email"]!);
        Assert.Equal("graduate", (string)me["role"]!);
    }

    [Fact]
    public async Task Register_Password_IsStoredOnlyAsSlowHash()
    {
        var email = ApiClient.UniqueEmail("hash");
        await factory.CreateClient().PostAsJsonAsync("/api/auth/register", new { email, password = ApiClient.Password, role = "graduate" });
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
        var hash = await db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync();
        Assert.DoesNotContain(ApiClient.Password, hash, StringComparison.Ordinal);
        // ASP.NET Core Identity v3 format: 0x01 marker, PBKDF2 with HMAC-SHA512 and a random salt.
        Assert.Equal(0x01, Convert.FromBase64String(hash)[0]);
    }

    [Fact]
    public async Task Login_CorrectPassword_ReturnsAccessAndRefreshToken()
    {
        var email = ApiClient.UniqueEmail("login");
        await factory.CreateClient().PostAsJsonAsync("/api/auth/register", new { email, password = ApiClient.Password, role = "graduate" });
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = email.ToUpperInvariant(), password = ApiClient.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.False(string.IsNullOrEmpty((string?)body["accessToken"]));
        Assert.False(string.IsNullOrEmpty((string?)body["refreshToken"]));
        Assert.Equal(30 * 24 * 3600, (int)body["refreshExpiresIn"]!);
    }

    [Theory]
    [InlineData("Wrong-Password-1")]
    [InlineData("")]
    public async Task Login_WrongPassword_Returns401Or400Problem(string password)
    {
        var email = ApiClient.UniqueEmail("wrong");
        await factory.CreateClient().PostAsJsonAsync("/api/auth/register", new { email, password = ApiClient.Password, role = "graduate" });
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.Equal(password.Length == 0 ? HttpStatusCode.BadRequest : HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Login_UnknownEmail_Returns401Problem()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = "nobody@test.jobs", password = ApiClient.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Register_ExistingEmail_AnswersExactlyAsForNewEmailAndLeavesAccountAlone()
    {
        var email = ApiClient.UniqueEmail("dup");
        var first = await factory.CreateClient().PostAsJsonAsync("/api/auth/register", new { email, password = ApiClient.Password, role = "graduate" });
        var again = await factory.CreateClient().PostAsJsonAsync("/api/auth/register", new { email, password = "Other-Password-77", role = "employer",
            company = new { name = "南京重复注册科技有限公司", creditCode = ApiClient.UniqueCreditCode(), city = "南京" } });

        Assert.Equal(first.StatusCode, again.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await again.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, again.Headers.Location);

        // The account keeps its password and role; the attempt's password does not sign in.
        var owner = await factory.SignInAsync(email);
        Assert.Equal("graduate", (string)(await (await owner.Client.GetAsync("/api/me")).ReadObjectAsync())["role"]!);
        var intruder = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password = "Other-Password-77" });
        Assert.Equal(HttpStatusCode.Unauthorized, intruder.StatusCode);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email == email));
        Assert.Equal(1, await db.Notifications.CountAsync(n => n.UserId == owner.UserId && n.Kind == Jobs.Core.Accounts.AccountService.SignUpAttemptKind));
    }

    [Fact]
    public async Task Register_TakenCreditCode_Returns409()
    {
        var code = ApiClient.UniqueCreditCode();
        object Company() => new { name = "南京信用代码科技有限公司", creditCode = code, city = "南京" };
        var first = await factory.CreateClient().PostAsJsonAsync("/api/auth/register",
            new { email = ApiClient.UniqueEmail("hr"), password = ApiClient.Password, role = "employer", company = Company() });
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var second = await factory.CreateClient().PostAsJsonAsync("/api/auth/register",
            new { email = ApiClient.UniqueEmail("hr"), password = ApiClient.Password, role = "employer", company = Company() });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Theory]
    [InlineData("not-an-email", ApiClient.Password, "graduate", "email")]
    [InlineData("ok@test.jobs", "Short-1", "graduate", "password")]
    [InlineData("ok@test.jobs", "qwertyuiop", "graduate", "password")]
    [InlineData("ok@test.jobs", "WoAiNi1314", "graduate", "password")]
    [InlineData("wangxiaoming@test.jobs", "WangXiaoming-2026", "graduate", "password")]
    [InlineData("zhou.lan@test.jobs", "zhou.lan@test.jobs", "graduate", "password")]
    [InlineData("ok@test.jobs", ApiClient.Password, "admin", "role")]
    [InlineData("ok@test.jobs", ApiClient.Password, "organiser", "role")]
    [InlineData("ok@test.jobs", ApiClient.Password, "employer", "company")]
    public async Task Register_InvalidField_Returns400WithFieldError(string email, string password, string role, string field)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/register", new { email, password, role });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadObjectAsync();
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task Register_EmployerWithBadCreditCode_Returns400NamingCompanyCreditCode()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/register", new
        {
            email = ApiClient.UniqueEmail("hr"), password = ApiClient.Password, role = "employer",
            company = new { name = "马鞍山华钢新材料有限公司", creditCode = "91350100M000100Y44", city = "马鞍山" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadObjectAsync();
        Assert.Contains("校验位", (string)problem["errors"]!["company.creditCode"]![0]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_EmployerInTraditionalCityName_StoresResolvedCity()
    {
        var hr = await factory.RegisterEmployerAsync("馬鞍山", "马鞍山测试材料有限公司");
        var employer = await (await factory.CreateClient().GetAsync($"/api/employers/{hr.EmployerId}")).ReadObjectAsync();
        Assert.Equal("maanshan", (string)employer["cityCode"]!);
        Assert.Equal("马鞍山", (string)employer["city"]!);
    }

    [Fact]
    public async Task Login_ConfiguredAdmin_SignsInAsAdmin()
    {
        var admin = await factory.SignInAdminAsync();
        var me = await (await admin.Client.GetAsync("/api/me")).ReadObjectAsync();
        Assert.Equal("admin", (string)me["role"]!);
    }

    [Fact]
    public async Task CreateOrganiser_UnknownCity_Returns400ListingValidCities()
    {
        var admin = await factory.SignInAdminAsync();
        var response = await admin.Client.PostAsJsonAsync("/api/admin/organisers",
            new { email = ApiClient.UniqueEmail("o"), password = ApiClient.Password, city = "苏州" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (string)(await response.ReadObjectAsync())["errors"]!["city"]![0]!;
        Assert.Contains("苏州", message, StringComparison.Ordinal);
        Assert.Contains("马鞍山", message, StringComparison.Ordinal);
        Assert.Contains("济宁", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateOrganiser_CommonPassword_Returns400NamingPassword()
    {
        var admin = await factory.SignInAdminAsync();
        var response = await admin.Client.PostAsJsonAsync("/api/admin/organisers",
            new { email = ApiClient.UniqueEmail("o"), password = "1234567890", city = "南京" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("常见", (string)(await response.ReadObjectAsync())["errors"]!["password"]![0]!, StringComparison.Ordinal);
    }
}
