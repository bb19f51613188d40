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
    public async Task Register_Graduate_ReturnsBearerTokenThatSignsIn()
    {
        var email = ApiClient.UniqueEmail("g");
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/register", new { email, password = "Secret123", role = "graduate" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.Equal("Bearer", (string)body["tokenType"]!);
        Assert.Equal("graduate", (string)body["user"]!["role"]!);

        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (string)body["accessToken"]!);
        var me = await (await client.GetAsync("/api/me")).ReadObjectAsync();
        Assert.Equal(email, (string)me["email"]!);
    }

    [Fact]
    public async Task Register_Password_IsStoredOnlyAsSlowHash()
    {
        var email = ApiClient.UniqueEmail("hash");
        await factory.CreateClient().PostAsJsonAsync("/api/auth/register", new { email, password = "Secret123", role = "graduate" });
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
        var hash = await db.Users.Where(u => u.Email == email).Select(u => u.PasswordHash).SingleAsync();
        Assert.DoesNotContain("Secret123", hash, StringComparison.Ordinal);
        // ASP.NET Core Identity v3 format: 0x01 marker, PBKDF2 with HMAC-SHA512 and a random salt.
        Assert.Equal(0x01, Convert.FromBase64String(hash)[0]);
    }

    [Fact]
    public async Task Login_CorrectPassword_ReturnsAccessToken()
    {
        var email = ApiClient.UniqueEmail("login");
        await factory.CreateClient().PostAsJsonAsync("/api/auth/register", new { email, password = "Secret123", role = "graduate" });
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = email.ToUpperInvariant(), password = "Secret123" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((string?)(await response.ReadObjectAsync())["accessToken"]));
    }

    [Theory]
    [InlineData("Wrong1234")]
    [InlineData("")]
    public async Task Login_WrongPassword_Returns401Or400Problem(string password)
    {
        var email = ApiClient.UniqueEmail("wrong");
        await factory.CreateClient().PostAsJsonAsync("/api/auth/register", new { email, password = "Secret123", role = "graduate" });
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.Equal(password.Length == 0 ? HttpStatusCode.BadRequest : HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Login_UnknownEmail_Returns401Problem()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = "nobody@test.jobs", password = "Secret123" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Register_DuplicateEmail_Returns409Problem()
    {
        var email = ApiClient.UniqueEmail("dup");
        await factory.CreateClient().PostAsJsonAsync("/api/auth/register", new { email, password = "Secret123", role = "graduate" });
        var again = await factory.CreateClient().PostAsJsonAsync("/api/auth/register", new { email, password = "Secret456", role = "graduate" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Theory]
    [InlineData("not-an-email", "Secret123", "graduate", "email")]
    [InlineData("ok@test.jobs", "short1", "graduate", "password")]
    [InlineData("ok@test.jobs", "onlyletters", "graduate", "password")]
    [InlineData("ok@test.jobs", "Secret123", "admin", "role")]
    [InlineData("ok@test.jobs", "Secret123", "organiser", "role")]
    [InlineData("ok@test.jobs", "Secret123", "employer", "company")]
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
            email = ApiClient.UniqueEmail("hr"), password = "Secret123", role = "employer",
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
            new { email = ApiClient.UniqueEmail("o"), password = "Secret123", city = "苏州" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (string)(await response.ReadObjectAsync())["errors"]!["city"]![0]!;
        Assert.Contains("苏州", message, StringComparison.Ordinal);
        Assert.Contains("马鞍山", message, StringComparison.Ordinal);
        Assert.Contains("济宁", message, StringComparison.Ordinal);
    }
}
