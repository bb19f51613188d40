using System.Net;
using System.Text.Json.Nodes;
using Jobs.Core.Taxonomy;
using Jobs.Tests.Imports;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Postings;

/// <summary>Search result items carry the posting's job function and its group; the real-world category texts land in sensible functions.</summary>
public class PostingSearchFunctionTests
{
    private static async Task<JsonObject> SearchAsync(JobsApiFactory factory, string query)
    {
        var response = await factory.CreateClient().GetAsync("/api/postings/search?pageSize=50&" + query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{query}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    // (category text as the 2019 site and the old closed list wrote it, title, expected function code or null)
    private static readonly (string Category, string Title, string? Function)[] Cases =
    [
        ("数据分析", "急聘岗位一", "data-analyst"),
        ("商业数据分析", "急聘岗位二", "business-analyst"),
        ("行政/人事", "行政专员", "admin"),
        ("行政/人事", "人事专员", "hr"),
        ("行政/人事", "招聘专员", "recruiter"),
        ("软件/互联网", "数据分析师", "data-analyst"),
        ("软件/互联网", "Java开发工程师", "backend"),
        // An industry label alone names no function: it stays unknown (with a warning) rather than guessed.
        ("软件/互联网", "急聘岗位三", null),
    ];

    [Fact]
    public async Task Search_ImportedRealWorldCategories_EachItemCarriesItsFunctionAndGroup()
    {
        using var factory = new JobsApiFactory();
        var admin = await factory.SignInAdminAsync();
        var rows = Cases.Select((c, i) => ImportTestKit.Row($"rw-{i}", ("title", c.Title), ("category", c.Category))).ToArray();

        var report = await admin.UploadOkAsync("南京", ImportTestKit.Csv(rows));

        Assert.Equal((Cases.Length, 0, 1), (report.Count("added"), report.Count("rejected"), report.Count("warnings")));
        var result = await ImportTestKit.EventuallyAsync(async () =>
        {
            var r = await SearchAsync(factory, "");
            return (int)r["total"]! == Cases.Length ? r : null;
        }, "the index shows every imported posting");
        var items = result["items"]!.AsArray().ToDictionary(i => (string)i!["title"]!, i => i!);
        foreach (var (_, title, code) in Cases)
        {
            var item = items[title];
            var expected = JobFunctions.ByCode(code);
            Assert.Equal((title, expected?.Code, expected?.Name, expected?.Group.Code, expected?.Group.Name),
                (title, (string?)item["functionCode"], (string?)item["functionName"], (string?)item["functionGroupCode"], (string?)item["functionGroupName"]));
        }

        // The label agrees with the function filter.
        var hrAdmin = await SearchAsync(factory, "functionGroup=hr-admin");
        Assert.Equal(["人事专员", "招聘专员", "行政专员"], hrAdmin["items"]!.AsArray().Select(i => (string)i!["title"]!).Order());
        Assert.All(hrAdmin["items"]!.AsArray(), i => Assert.Equal("hr-admin", (string)i!["functionGroupCode"]!));
    }
}
