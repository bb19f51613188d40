using System.Net;
using System.Text.RegularExpressions;
using Jobs.Api.Infrastructure;
using Jobs.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Jobs.Tests.Edge;

/// <summary>A host with one more health check that fails with an exception carrying a secret.</summary>
public sealed class FailingHealthApiFactory : JobsApiFactory
{
    public const string Secret = "Data Source=/srv/secret/jobs.db;Password=hunter2";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddHealthChecks()
            .AddCheck("probe", () => throw new InvalidOperationException($"cannot open {Secret}")));
    }
}

public class LeakTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    private static readonly string LongValue = string.Concat(Enumerable.Repeat("北京上海广州深圳", 40)); // 320 characters

    [Theory]
    [InlineData("/api/postings?city={0}")]
    [InlineData("/api/postings?page={0}")]
    [InlineData("/api/postings/search?city={0}")]
    [InlineData("/api/postings/search?salaryMin={0}")]
    [InlineData("/api/cities/resolve?name={0}")]
    [InlineData("/api/cities?region={0}")]
    [InlineData("/api/fairs?city={0}")]
    [InlineData("/api/no-such-thing/{0}")]
    public async Task Problem_LongInputValue_EchoedAtMostFiftyCharacters(string template)
    {
        var response = await factory.CreateClient().GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, Uri.EscapeDataString(LongValue)));
        Assert.InRange((int)response.StatusCode, 400, 499);
        var body = await response.Content.ReadAsStringAsync();
        var longestEcho = LongestRunOf(LongValue, body);
        Assert.True(longestEcho <= InputEcho.MaxLength, $"{longestEcho} characters of the input came back: {body}");
    }

    [Fact]
    public async Task Problem_BindFailure_NamesParameterAndCapsValue()
    {
        var response = await factory.CreateClient().GetAsync("/api/postings?page=" + Uri.EscapeDataString(LongValue));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = (string)(await response.ReadObjectAsync())["detail"]!;
        Assert.Contains("page", detail, StringComparison.Ordinal);
        Assert.Contains(LongValue[..InputEcho.MaxLength] + "…", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Cap_ShortAndLongValues_CutsOnlyLongOnesWithEllipsis()
    {
        Assert.Equal("南京", InputEcho.Cap("南京"));
        Assert.Equal(new string('a', 50) + "…", InputEcho.Cap(new string('a', 51)));
        // An emoji straddling the cut is dropped whole rather than split into half a surrogate pair.
        var straddling = new string('a', 49) + "😀" + "b";
        Assert.Equal(new string('a', 49) + "…", InputEcho.Cap(straddling));
        Assert.Equal($"未知城市“{new string('x', 50)}…”", InputEcho.CapQuoted($"未知城市“{new string('x', 300)}”"));
    }

    [Fact]
    public async Task Health_FailingCheck_ReportsStatusAndDurationsWithoutExceptionText()
    {
        await using var failing = new FailingHealthApiFactory();
        var response = await failing.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("cannot open", text, StringComparison.Ordinal);
        var json = await response.ReadObjectAsync();
        Assert.Equal("Unhealthy", (string)json["status"]!);
        Assert.Equal("Unhealthy", (string)json["checks"]!["probe"]!["status"]!);
        Assert.Equal("Healthy", (string)json["checks"]!["database"]!["status"]!);
        Assert.NotNull(json["checks"]!["probe"]!["durationMs"]);
        Assert.Equal(["durationMs", "status"], json["checks"]!["probe"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    /// <summary>The longest stretch of <paramref name="input"/> (from any start) found in <paramref name="body"/>, JSON-unescaped.</summary>
    private static int LongestRunOf(string input, string body)
    {
        var text = Regex.Unescape(body);
        var longest = 0;
        for (var start = 0; start < input.Length; start++)
        {
            var length = longest + 1;
            while (start + length <= input.Length && text.Contains(input.AsSpan(start, length), StringComparison.Ordinal))
            {
                longest = length++;
            }
        }

        return longest;
    }
}
