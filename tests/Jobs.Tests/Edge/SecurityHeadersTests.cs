using System.Net;
using Jobs.Api.Infrastructure;
using Jobs.Api.Startup;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Edge;

public class SecurityHeadersTests(KestrelApiFactory factory) : IClassFixture<KestrelApiFactory>
{
    [Theory]
    [InlineData("/api/cities", HttpStatusCode.OK)]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/login", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/api/no-such-thing", HttpStatusCode.NotFound)]
    [InlineData("/api/postings/987654321", HttpStatusCode.NotFound)]
    [InlineData("/api/postings?page=abc", HttpStatusCode.BadRequest)]
    [InlineData("/api/me", HttpStatusCode.Unauthorized)]
    public async Task Response_AnyOutcome_CarriesSecurityHeadersAndNoServerHeader(string path, HttpStatusCode expected)
    {
        // A real socket: TestServer would hide what Kestrel itself adds (the Server header).
        using var client = factory.ClientFrom("127.0.0.1");
        var response = await client.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);

        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Single(response, "Referrer-Policy"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Single(response, "Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        // "Testing" is not Development, so HSTS is on.
        Assert.StartsWith("max-age=", Single(response, "Strict-Transport-Security"), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Response_UnhandledProblemFromExceptionHandler_CarriesSecurityHeaders()
    {
        // A malformed JSON body goes through the exception handler, which clears headers set before it.
        using var client = factory.ClientFrom("127.0.0.1");
        var employer = await factory.RegisterEmployerAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/postings")
        {
            Content = new StringContent("{\"title\": ", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = employer.Client.DefaultRequestHeaders.Authorization;
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Response_Development_HasNoHsts()
    {
        await using var development = new EnvironmentApiFactory("Development", ("Admin:Password", FirstAdmin.DevelopmentPassword), ("Storage:SeedDemoData", "false"));
        var response = await development.CreateClient().GetAsync("/api/cities");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
    }

    private static string Single(HttpResponseMessage response, string header) =>
        Assert.Single(response.Headers.TryGetValues(header, out var values) ? values : response.Content.Headers.TryGetValues(header, out var content) ? content : []);
}
