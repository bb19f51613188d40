using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Jobs.Core.Storage;
using Jobs.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Jobs.Tests.Api;

/// <summary>Revocable sign-in: sessions, security stamps and refresh-token rotation, through the real pipeline.</summary>
public class SessionTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    [Fact]
    public async Task Logout_CurrentSession_AccessTokenRefusedAtOnceOtherSessionKept()
    {
        var graduate = await factory.RegisterGraduateAsync();
        var laptop = await factory.SignInAsync(graduate.Email);
        // A first request puts the session in the cache, so the check below proves the eviction, not a cold read.
        Assert.Equal(HttpStatusCode.OK, (await graduate.Client.GetAsync("/api/me")).StatusCode);

        var logout = await graduate.Client.PostAsync("/api/auth/logout", null);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await graduate.Client.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(graduate.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await laptop.Client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Logout_Everywhere_EndsEverySessionAndRefreshToken()
    {
        var phone = await factory.RegisterGraduateAsync();
        var laptop = await factory.SignInAsync(phone.Email);
        Assert.Equal(HttpStatusCode.OK, (await laptop.Client.GetAsync("/api/me")).StatusCode);

        var logout = await phone.Client.PostAsync("/api/auth/logout?everywhere=true", null);

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await phone.Client.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await laptop.Client.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(laptop.RefreshToken)).StatusCode);
        var fresh = await factory.SignInAsync(phone.Email);
        Assert.Equal(HttpStatusCode.OK, (await fresh.Client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_Valid_OldTokensAndRefreshTokensDieNewPasswordSignsIn()
    {
        var graduate = await factory.RegisterGraduateAsync();
        var other = await factory.SignInAsync(graduate.Email);
        Assert.Equal(HttpStatusCode.OK, (await other.Client.GetAsync("/api/me")).StatusCode);

        var change = await graduate.Client.PostAsJsonAsync("/api/me/password", new { currentPassword = ApiClient.Password, newPassword = "Maple-Orbit-5521" });

        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await graduate.Client.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.Client.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(other.RefreshToken)).StatusCode);
        var oldPassword = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = graduate.Email, password = ApiClient.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        var again = await factory.SignInAsync(graduate.Email, "Maple-Orbit-5521");
        Assert.Equal(HttpStatusCode.OK, (await again.Client.GetAsync("/api/me")).StatusCode);
    }

    [Theory]
    [InlineData("Wrong-Current-1", "Maple-Orbit-5521", "currentPassword")]
    [InlineData(null, "Maple-Orbit-5521", "currentPassword")]
    [InlineData(ApiClient.Password, "short", "newPassword")]
    [InlineData(ApiClient.Password, "password123456", "newPassword")]
    [InlineData(ApiClient.Password, ApiClient.Password, "newPassword")]
    public async Task ChangePassword_Invalid_Returns400NamingFieldAndKeepsSession(string? current, string next, string field)
    {
        var graduate = await factory.RegisterGraduateAsync();

        var change = await graduate.Client.PostAsJsonAsync("/api/me/password", new { currentPassword = current, newPassword = next });

        Assert.Equal(HttpStatusCode.BadRequest, change.StatusCode);
        Assert.NotNull((await change.ReadObjectAsync())["errors"]![field]);
        Assert.Equal(HttpStatusCode.OK, (await graduate.Client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task AdminChangesCity_OrganiserTokensDieNewSignInCarriesNewCity()
    {
        var organiser = await factory.CreateOrganiserAsync("南京");
        var refreshToken = organiser.RefreshToken;
        Assert.Equal(HttpStatusCode.OK, (await organiser.Client.GetAsync("/api/me")).StatusCode);
        var admin = await factory.SignInAdminAsync();

        var change = await admin.Client.PatchAsJsonAsync($"/api/admin/users/{organiser.UserId}", new { city = "扬州" });

        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Equal("yangzhou", (string)(await change.ReadObjectAsync())["cityCode"]!);
        Assert.Equal(HttpStatusCode.Unauthorized, (await organiser.Client.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(refreshToken)).StatusCode);
        var again = await factory.SignInAsync(organiser.Email);
        var claims = new JsonWebToken(again.AccessToken);
        Assert.Equal("yangzhou", claims.GetClaim("city").Value);
    }

    [Fact]
    public async Task AdminChangesRole_GraduateTokenDiesAndNewRoleApplies()
    {
        var graduate = await factory.RegisterGraduateAsync();
        Assert.Equal(HttpStatusCode.OK, (await graduate.Client.GetAsync("/api/me")).StatusCode);
        var admin = await factory.SignInAdminAsync();

        var change = await admin.Client.PatchAsJsonAsync($"/api/admin/users/{graduate.UserId}", new { role = "organiser", city = "马鞍山" });

        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await graduate.Client.GetAsync("/api/me")).StatusCode);
        var again = await factory.SignInAsync(graduate.Email);
        Assert.Equal("organiser", (string)(await (await again.Client.GetAsync("/api/me")).ReadObjectAsync())["role"]!);
    }

    [Fact]
    public async Task AnyCodePathChangingEmployer_RotatesStampAndTokensDieAtOnce()
    {
        var hr = await factory.RegisterEmployerAsync();
        var other = await factory.RegisterEmployerAsync(name: "南京另一家测试科技有限公司");
        Assert.Equal(HttpStatusCode.OK, (await hr.Client.GetAsync("/api/me")).StatusCode);

        // Not through an endpoint of ours: any code that saves a changed employer (or role, city, password) rotates the stamp.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
            var user = await db.Users.SingleAsync(u => u.Id == hr.UserId);
            var stampBefore = user.SecurityStamp;
            user.EmployerId = other.EmployerId;
            await db.SaveChangesAsync();
            Assert.NotEqual(stampBefore, user.SecurityStamp);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await hr.Client.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(hr.RefreshToken)).StatusCode);
    }

    [Theory]
    [InlineData("{\"role\":\"pilot\"}", "role")]
    [InlineData("{\"role\":\"organiser\",\"city\":\"苏州\"}", "city")]
    [InlineData("{\"role\":\"employer\"}", "role")]
    public async Task AdminChangeAccount_Invalid_Returns400NamingFieldAndKeepsTokens(string body, string field)
    {
        var graduate = await factory.RegisterGraduateAsync();
        var admin = await factory.SignInAdminAsync();

        var change = await admin.Client.PatchAsync($"/api/admin/users/{graduate.UserId}", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, change.StatusCode);
        Assert.NotNull((await change.ReadObjectAsync())["errors"]![field]);
        Assert.Equal(HttpStatusCode.OK, (await graduate.Client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task AdminChangeAccount_NotAdmin_Returns403()
    {
        var graduate = await factory.RegisterGraduateAsync();
        var change = await graduate.Client.PatchAsJsonAsync($"/api/admin/users/{graduate.UserId}", new { role = "admin" });
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
    }

    [Fact]
    public async Task Refresh_Valid_RotatesPairAndNewAccessTokenWorks()
    {
        var graduate = await factory.RegisterGraduateAsync();

        var refreshed = await RefreshAsync(graduate.RefreshToken);

        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var body = await refreshed.ReadObjectAsync();
        var newRefresh = (string)body["refreshToken"]!;
        Assert.NotEqual(graduate.RefreshToken, newRefresh);
        Assert.Equal(graduate.UserId, (long)body["user"]!["id"]!);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)body["accessToken"]!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(newRefresh)).StatusCode);
    }

    [Fact]
    public async Task Refresh_SpentTokenReused_RevokesWholeSession()
    {
        var graduate = await factory.RegisterGraduateAsync();
        var first = await (await RefreshAsync(graduate.RefreshToken)).ReadObjectAsync();
        var successor = (string)first["refreshToken"]!;
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)first["accessToken"]!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);

        var reuse = await RefreshAsync(graduate.RefreshToken);

        Assert.Equal(HttpStatusCode.Unauthorized, reuse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(successor)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await graduate.Client.GetAsync("/api/me")).StatusCode);
    }

    [Fact]
    public async Task Refresh_ParallelUseOfOneToken_AtMostOneSucceeds()
    {
        var graduate = await factory.RegisterGraduateAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => RefreshAsync(graduate.RefreshToken)));

        Assert.True(answers.Count(a => a.StatusCode == HttpStatusCode.OK) <= 1);
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.Unauthorized, a.StatusCode.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token-we-issued")]
    public async Task Refresh_UnknownOrEmpty_Returns400Or401(string token)
    {
        var response = await RefreshAsync(token);
        Assert.Equal(token.Length == 0 ? HttpStatusCode.BadRequest : HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Refresh_Expired_Returns401()
    {
        // A host of its own: the clock jumps past the refresh lifetime, which would age every other test's tokens.
        using var own = new JobsApiFactory();
        var graduate = await own.RegisterGraduateAsync();
        own.Clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));

        var response = await own.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken = graduate.RefreshToken });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Token_WithoutExpiry_Refused()
    {
        var graduate = await factory.RegisterGraduateAsync();
        var issued = new JsonWebToken(graduate.AccessToken);

        var withExpiry = await MeWithAsync(Sign(issued, withExpiry: true));
        var withoutExpiry = await MeWithAsync(Sign(issued, withExpiry: false));

        Assert.Equal(HttpStatusCode.OK, withExpiry.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withoutExpiry.StatusCode);
    }

    [Fact]
    public async Task Token_ForgedStamp_Refused()
    {
        var graduate = await factory.RegisterGraduateAsync();
        var issued = new JsonWebToken(graduate.AccessToken);

        var forged = await MeWithAsync(Sign(issued, withExpiry: true, stamp: "0123456789abcdef0123456789abcdef"));
        var unknownSession = await MeWithAsync(Sign(issued, withExpiry: true, sessionId: "made-up-session"));

        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknownSession.StatusCode);
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        factory.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken });

    private Task<HttpResponseMessage> MeWithAsync(string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client.GetAsync("/api/me");
    }

    /// <summary>A token signed with the host's key, with the claims of <paramref name="issued"/> and the given changes.</summary>
    private string Sign(JsonWebToken issued, bool withExpiry, string? stamp = null, string? sessionId = null)
    {
        var claims = new Dictionary<string, object>
        {
            ["sub"] = issued.Subject,
            ["email"] = issued.GetClaim("email").Value,
            ["role"] = issued.GetClaim("role").Value,
            ["sid"] = sessionId ?? issued.GetClaim("sid").Value,
            ["stamp"] = stamp ?? issued.GetClaim("stamp").Value,
        };
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = "jobs",
            Audience = "jobs",
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = withExpiry ? now.AddMinutes(5) : null,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Fairs.FairTestKit.TestSigningKey)), SecurityAlgorithms.HmacSha256),
        };
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
        Assert.Equal(withExpiry, new JsonWebToken(token).TryGetPayloadValue<long>("exp", out _));
        return token;
    }
}
