using System.Net;
using System.Net.Http.Json;
using System.Text;
using Jobs.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Jobs.Tests.Api;

public class HttpConventionTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    [Fact]
    public async Task Health_DatabaseReachable_ReportsHealthyWithDatabaseCheck()
    {
        var client = factory.CreateClient();
        // /health stays red until the start-up search warm-up has run.
        await factory.Services.GetRequiredService<Jobs.Api.Startup.WarmupState>().Done.WaitAsync(TimeSpan.FromMinutes(1));
        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadObjectAsync();
        Assert.Equal("Healthy", (string)json["status"]!);
        Assert.Equal("Healthy", (string)json["checks"]!["database"]!["status"]!);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesEndpointsAndBearerScheme()
    {
        var response = await factory.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"/api/postings/{id}\"", text, StringComparison.Ordinal);
        Assert.Contains("\"/api/auth/login\"", text, StringComparison.Ordinal);
        Assert.Contains("\"bearer\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiReference_Browsable_ServesHtml()
    {
        var response = await factory.CreateClient().GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_MalformedJson_Returns400Problem()
    {
        var employer = await factory.RegisterEmployerAsync();
        var response = await employer.Client.PostAsync("/api/postings",
            new StringContent("{\"title\": \"Java\", ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadObjectAsync();
        Assert.Equal(400, (int)problem["status"]!);
        Assert.Contains("JSON", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_WrongFieldType_Returns400ProblemNamingTheField()
    {
        var employer = await factory.RegisterEmployerAsync();
        var response = await employer.Client.PostAsync("/api/postings",
            new StringContent("{\"title\":\"Java\",\"salaryMin\":\"很多\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadObjectAsync();
        Assert.NotNull(problem["errors"]!["salaryMin"]);
    }

    [Fact]
    public async Task Post_OversizedBody_Returns413Problem()
    {
        var employer = await factory.RegisterEmployerAsync();
        var huge = "{\"title\":\"" + new string('长', 2_000_000) + "\"}";
        var response = await employer.Client.PostAsync("/api/postings", new StringContent(huge, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Get_UnknownPostingId_Returns404Problem()
    {
        var response = await factory.CreateClient().GetAsync("/api/postings/987654321");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.ReadObjectAsync();
        Assert.Equal(404, (int)problem["status"]!);
        Assert.Contains("987654321", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/no-such-thing")]
    [InlineData("/api/postings/not-a-number")]
    public async Task Get_UnknownRoute_Returns404Problem(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/postings?page=abc")]
    [InlineData("/api/postings?page=0")]
    [InlineData("/api/postings?pageSize=101")]
    [InlineData("/api/postings?status=deleted")]
    [InlineData("/api/postings?city=北京")]
    public async Task List_BadQueryValue_Returns400Problem(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Post_NoBody_Returns400Problem()
    {
        var employer = await factory.RegisterEmployerAsync();
        var response = await employer.Client.PostAsync("/api/postings", new StringContent("", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Request_ExpiredOrForgedToken_Returns401Problem()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.forged");
        var response = await client.PostAsJsonAsync("/api/postings", ApiClient.ValidPosting());
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
