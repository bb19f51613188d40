using System.Net;
using System.Net.Http.Json;
using Jobs.Core.Storage;
using Jobs.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobs.Tests.Api;

/// <summary>Per-account sign-in throttling and lockout (defaults: delay from the 3rd failure, lockout after 10 for 15 minutes).</summary>
public class SignInThrottleTests(CountingHasherFactory factory) : IClassFixture<CountingHasherFactory>
{
    private const string Wrong = "Not-The-Password-9";

    [Fact]
    public async Task Login_ThirdConsecutiveFailure_NextAttemptRefused429WithRetryAfterWithoutHashing()
    {
        var graduate = await factory.RegisterGraduateAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(graduate.Email, Wrong)).StatusCode);
        }

        var hashesBefore = factory.Hasher.Runs;
        var refused = await LoginAsync(graduate.Email, ApiClient.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(hashesBefore, factory.Hasher.Runs);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 2);
        Assert.Contains($"请 {(int)retryAfter.Value.TotalSeconds} 秒后再试", (string)(await refused.ReadObjectAsync())["detail"]!, StringComparison.Ordinal);

        factory.Clock.Advance(retryAfter.Value);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(graduate.Email, ApiClient.Password)).StatusCode);
    }

    [Fact]
    public async Task Login_EmailThatNoAccountCanHave_RefusedWithoutHashing()
    {
        var hashesBefore = factory.Hasher.Runs;
        var response = await LoginAsync(new string('x', 60_000) + "@test.jobs", Wrong);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(hashesBefore, factory.Hasher.Runs);
    }

    [Fact]
    public async Task ChangePassword_RepeatedWrongCurrentPassword_ThrottledAndCountedLikeSignIn()
    {
        var graduate = await factory.RegisterGraduateAsync();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 4; i++)
        {
            var response = await graduate.Client.PostAsJsonAsync("/api/me/password", new { currentPassword = Wrong, newPassword = "Quiet-Meadow-2027" });
            statuses.Add(response.StatusCode);
            refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
        Assert.NotNull(refused!.Headers.RetryAfter?.Delta);
        // The guesses count as failed sign-ins of the account: signing in is delayed too.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync(graduate.Email, ApiClient.Password)).StatusCode);
    }

    [Fact]
    public async Task Login_UnknownEmail_ThrottledExactlyLikeAnAccount()
    {
        var account = await factory.RegisterGraduateAsync();
        var unknown = ApiClient.UniqueEmail("ghost");
        var forAccount = new List<HttpStatusCode>();
        var forUnknown = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            forAccount.Add((await LoginAsync(account.Email, Wrong)).StatusCode);
            forUnknown.Add((await LoginAsync(unknown, Wrong)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], forAccount);
        Assert.Equal(forAccount, forUnknown);
    }

    [Fact]
    public async Task Login_SuccessAfterFailures_ResetsTheCount()
    {
        var graduate = await factory.RegisterGraduateAsync();
        await LoginAsync(graduate.Email, Wrong);
        await LoginAsync(graduate.Email, Wrong);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(graduate.Email, ApiClient.Password)).StatusCode);

        // Without the reset these would be failures 3 to 5 and the last two would be delayed.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(graduate.Email, Wrong)).StatusCode);
        }
    }

    [Fact]
    public async Task Login_ParallelGuesses_OnlyThreeReachTheHasher()
    {
        var graduate = await factory.RegisterGraduateAsync();
        var hashesBefore = factory.Hasher.Runs;

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => LoginAsync(graduate.Email, Wrong)));

        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(17, answers.Count(a => a.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.Equal(hashesBefore + 3, factory.Hasher.Runs);
        Assert.Equal(3, await FailedCountAsync(graduate.UserId));
    }

    [Fact]
    public async Task Login_TenFailures_LocksUntilTheClockPassesFifteenMinutes()
    {
        var graduate = await factory.RegisterGraduateAsync();
        await FailUntilLockedAsync(graduate.Email);

        var locked = await LoginAsync(graduate.Email, ApiClient.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.InRange(locked.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 14 * 60, 15 * 60);

        factory.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync(graduate.Email, ApiClient.Password)).StatusCode);
        factory.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(graduate.Email, ApiClient.Password)).StatusCode);
        Assert.Equal(0, await FailedCountAsync(graduate.UserId));
    }

    [Fact]
    public async Task Unlock_ByAdmin_Returns204AndSignInWorksAtOnce()
    {
        var graduate = await factory.RegisterGraduateAsync();
        await FailUntilLockedAsync(graduate.Email);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync(graduate.Email, ApiClient.Password)).StatusCode);
        var admin = await factory.SignInAdminAsync();

        var unlock = await admin.Client.PostAsync($"/api/admin/users/{graduate.UserId}/unlock", null);

        Assert.Equal(HttpStatusCode.NoContent, unlock.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(graduate.Email, ApiClient.Password)).StatusCode);
    }

    [Fact]
    public async Task Unlock_NotAdminOrUnknownUser_Returns403Or404()
    {
        var graduate = await factory.RegisterGraduateAsync();
        var admin = await factory.SignInAdminAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await graduate.Client.PostAsync($"/api/admin/users/{graduate.UserId}/unlock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.PostAsync("/api/admin/users/987654321/unlock", null)).StatusCode);
    }

    [Fact]
    public async Task Lockout_HostRestarts_StillLocked()
    {
        var folder = Path.Combine(Path.GetTempPath(), "jobs-tests", Guid.NewGuid().ToString("N"));
        try
        {
            string email;
            using (var first = JobsApiFactory.OverFolder(folder))
            {
                var graduate = await first.RegisterGraduateAsync();
                email = graduate.Email;
                for (var i = 0; i < 10; i++)
                {
                    var answer = await first.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password = Wrong });
                    if (answer.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        first.Clock.Advance(answer.Headers.RetryAfter!.Delta!.Value);
                        i--;
                    }
                }
            }

            using var second = JobsApiFactory.OverFolder(folder);
            var afterRestart = await second.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password = ApiClient.Password });
            Assert.Equal(HttpStatusCode.TooManyRequests, afterRestart.StatusCode);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Ten wrong passwords, waiting out each delay on the test clock as the 429 says.</summary>
    private async Task FailUntilLockedAsync(string email)
    {
        var failures = 0;
        while (failures < 10)
        {
            var answer = await LoginAsync(email, Wrong);
            if (answer.StatusCode == HttpStatusCode.TooManyRequests)
            {
                factory.Clock.Advance(answer.Headers.RetryAfter!.Delta!.Value);
                continue;
            }

            Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
            failures++;
        }
    }

    private Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email, password });

    private async Task<int> FailedCountAsync(long userId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.FailedSignInCount).SingleAsync();
    }
}

/// <summary>The per-minute cap on its own: delays and lockout pushed out of reach.</summary>
public class SignInRateTests(SignInRateTests.Factory factory) : IClassFixture<SignInRateTests.Factory>
{
    public sealed class Factory : CountingHasherFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
        [
            new("Auth:Lockout:DelayAfterFailures", "50"),
            new("Auth:Lockout:LockoutAfterFailures", "100"),
        ];
    }

    [Fact]
    public async Task Login_SixthAttemptInOneMinute_Returns429UntilTheMinutePasses()
    {
        var graduate = await factory.RegisterGraduateAsync();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = graduate.Email, password = "Not-The-Password-9" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var hashesBefore = factory.Hasher.Runs;
        var sixth = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = graduate.Email, password = ApiClient.Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Equal(hashesBefore, factory.Hasher.Runs);
        var wait = sixth.Headers.RetryAfter!.Delta!.Value;
        Assert.InRange(wait.TotalSeconds, 1, 60);
        factory.Clock.Advance(wait);
        var later = await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { email = graduate.Email, password = ApiClient.Password });
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }
}
