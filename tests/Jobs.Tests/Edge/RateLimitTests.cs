using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Edge;

/// <summary>Low limits read from configuration, on a real socket so each client has its own address.</summary>
public sealed class RateLimitedApiFactory : KestrelApiFactory
{
    public const int SignInLimit = 4;
    public const int SignUpLimit = 3;
    public const int GlobalLimit = 40;
    public const int ApplicationsLimit = 2;
    public const int RejectionDelayMilliseconds = 200;

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("RateLimits:SignIn:PermitLimit", $"{SignInLimit}"),
        new("RateLimits:SignIn:WindowSeconds", "60"),
        new("RateLimits:SignUp:PermitLimit", $"{SignUpLimit}"),
        new("RateLimits:SignUp:WindowSeconds", "600"),
        new("RateLimits:Applications:PermitLimit", $"{ApplicationsLimit}"),
        new("RateLimits:RejectionDelayMilliseconds", $"{RejectionDelayMilliseconds}"),
        // A bucket refilled slowly, so a test's burst empties it and nothing refills it during the test.
        new("RateLimits:Global:PermitLimit", $"{GlobalLimit}"),
        new("RateLimits:Global:WindowSeconds", "3600"),
    ];
}

public class RateLimitTests(RateLimitedApiFactory factory) : IClassFixture<RateLimitedApiFactory>
{
    // Each test floods from addresses of its own, so the tests of the class do not share partitions.

    [Fact]
    public async Task SignIn_FloodFromOneAddress_Returns429WithRetryAfterWhileOthersAreServed()
    {
        using var attacker = factory.ClientFrom("127.0.1.1");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < RateLimitedApiFactory.SignInLimit + 3; i++)
        {
            var response = await attacker.PostAsJsonAsync("/api/auth/login", new { email = ApiClient.UniqueEmail("guess"), password = "wrong-password" });
            statuses.Add(response.StatusCode);
            refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        // Exactly the configured number reached the handler (and its password hash); the rest were refused before it.
        Assert.Equal(RateLimitedApiFactory.SignInLimit, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        await AssertRefusalAsync(refused!, maxRetryAfterSeconds: 60);

        // The right password from the flooding address is refused too: the limit is per address, not per guess. The
        // refusal is held back a moment, so a script waiting for each answer slows down.
        var started = System.Diagnostics.Stopwatch.StartNew();
        var right = await attacker.PostAsJsonAsync("/api/auth/login", new { email = JobsApiFactory.AdminEmail, password = JobsApiFactory.AdminPassword });
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        Assert.True(started.ElapsedMilliseconds >= RateLimitedApiFactory.RejectionDelayMilliseconds - 20, $"refused after {started.ElapsedMilliseconds} ms");

        using var other = factory.ClientFrom("127.0.1.2");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/cities")).StatusCode);
        var signIn = await other.PostAsJsonAsync("/api/auth/login", new { email = JobsApiFactory.AdminEmail, password = JobsApiFactory.AdminPassword });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        // Browsing from the flooding address is not a sign-in.
        Assert.Equal(HttpStatusCode.OK, (await attacker.GetAsync("/api/cities")).StatusCode);
    }

    [Fact]
    public async Task SignUp_FloodFromOneAddress_Returns429WithRetryAfterWhileOthersAreServed()
    {
        using var flood = factory.ClientFrom("127.0.2.1");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < RateLimitedApiFactory.SignUpLimit + 2; i++)
        {
            var response = await flood.PostAsJsonAsync("/api/auth/register",
                new { email = ApiClient.UniqueEmail("flood"), password = ApiClient.Password, role = "graduate", displayName = "批量注册" });
            statuses.Add(response.StatusCode);
            refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.Equal(RateLimitedApiFactory.SignUpLimit, statuses.Count(s => s == HttpStatusCode.Accepted));
        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        await AssertRefusalAsync(refused!, maxRetryAfterSeconds: 600);

        using var other = factory.ClientFrom("127.0.2.2");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/cities")).StatusCode);
        var signUp = await other.PostAsJsonAsync("/api/auth/register",
            new { email = ApiClient.UniqueEmail("other"), password = ApiClient.Password, role = "graduate", displayName = "另一位同学" });
        Assert.Equal(HttpStatusCode.Accepted, signUp.StatusCode);
    }

    [Fact]
    public async Task AnyEndpoint_GlobalLimitPerAddressReached_Returns429OnlyForThatAddress()
    {
        using var busy = factory.ClientFrom("127.0.3.1");
        HttpResponseMessage? refused = null;
        var served = 0;
        for (var i = 0; i < RateLimitedApiFactory.GlobalLimit + 5 && refused is null; i++)
        {
            var response = await busy.GetAsync("/api/cities");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = response;
            }
            else
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                served++;
            }
        }

        Assert.NotNull(refused);
        // A token bucket refilled at 40 an hour: at most one token came back during the burst.
        Assert.InRange(served, RateLimitedApiFactory.GlobalLimit, RateLimitedApiFactory.GlobalLimit + 1);
        await AssertRefusalAsync(refused, maxRetryAfterSeconds: 3600);

        using var other = factory.ClientFrom("127.0.3.2");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/cities")).StatusCode);
    }

    [Fact]
    public async Task Apply_PerAccountLimit_RefusesThatAccountButNotAnotherOnTheSameAddress()
    {
        using var setup = factory.ClientFrom("127.0.4.1");
        var first = await RegisterAsync(setup);
        var second = await RegisterAsync(setup);

        // No such posting (and no résumé): the handler refuses, but each request still counted against the account.
        using var firstClient = factory.ClientFrom("127.0.4.2");
        firstClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", first);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < RateLimitedApiFactory.ApplicationsLimit + 1; i++)
        {
            statuses.Add((await firstClient.PostAsJsonAsync("/api/postings/987654321/applications", new { resumeId = 1 })).StatusCode);
        }

        Assert.All(statuses.Take(RateLimitedApiFactory.ApplicationsLimit), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);

        using var secondClient = factory.ClientFrom("127.0.4.2");
        secondClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", second);
        var other = await secondClient.PostAsJsonAsync("/api/postings/987654321/applications", new { resumeId = 1 });
        Assert.Equal(statuses[0], other.StatusCode);
    }

    private static async Task<string> RegisterAsync(HttpClient client)
    {
        var email = ApiClient.UniqueEmail("apply");
        var response = await client.PostAsJsonAsync("/api/auth/register",
            new { email, password = ApiClient.Password, role = "graduate", displayName = "投递测试" });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var signIn = await client.PostAsJsonAsync("/api/auth/login", new { email, password = ApiClient.Password });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        return (string)(await signIn.ReadObjectAsync())["accessToken"]!;
    }

    private static async Task AssertRefusalAsync(HttpResponseMessage refused, int maxRetryAfterSeconds)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, maxRetryAfterSeconds);
        var problem = await refused.ReadObjectAsync();
        Assert.Equal(429, (int)problem["status"]!);
        Assert.Contains("请求过于频繁", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Contains($"{(int)retryAfter.Value.TotalSeconds} 秒", (string)problem["detail"]!, StringComparison.Ordinal);
    }
}
