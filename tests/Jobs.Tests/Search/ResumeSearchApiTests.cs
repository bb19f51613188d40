using System.Net;
using System.Text.Json.Nodes;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Search;

public class ResumeSearchApiTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    [Fact]
    public async Task Search_EmployerBySkill_FindsResumeWithoutContact()
    {
        var graduate = await factory.RegisterGraduateAsync();
        var id = await graduate.CreateResumeAsync(ApiClient.ValidResume("employersOnly", contactVisibleToEmployers: false, phone: "13700001111"));
        var employer = await factory.RegisterEmployerAsync();
        var deadline = DateTime.UtcNow.AddSeconds(1);
        JsonObject result;
        do
        {
            result = JsonNode.Parse(await employer.Client.GetStringAsync("/api/resumes/search?q=" + Uri.EscapeDataString("Spring Boot 计算机") + "&city=南京"))!.AsObject();
        }
        while ((int)result["total"]! == 0 && DateTime.UtcNow < deadline);

        var item = result["items"]!.AsArray().Single(i => (long)i!["resume"]!["id"]! == id)!;
        Assert.Null(item["resume"]!["contact"]);
        Assert.DoesNotContain("13700001111", result.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("<em>", (string)item["highlights"]!["major"]! + (string)item["highlights"]!["skills"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_HiddenResume_IsNeverFound()
    {
        var graduate = await factory.RegisterGraduateAsync();
        var resume = ApiClient.ValidResume("hidden");
        var id = await graduate.CreateResumeAsync(resume);
        var admin = await factory.SignInAdminAsync();
        await Task.Delay(400);
        var result = JsonNode.Parse(await admin.Client.GetStringAsync("/api/resumes/search?q=Java&pageSize=100"))!.AsObject();
        Assert.DoesNotContain(result["items"]!.AsArray(), i => (long)i!["resume"]!["id"]! == id);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("graduate", HttpStatusCode.Forbidden)]
    public async Task Search_NotEmployerOrStaff_IsRefused(string? role, HttpStatusCode expected)
    {
        var client = role is null ? factory.CreateClient() : (await factory.RegisterGraduateAsync()).Client;
        var response = await client.GetAsync("/api/resumes/search?q=java");
        Assert.Equal(expected, response.StatusCode);
    }
}
