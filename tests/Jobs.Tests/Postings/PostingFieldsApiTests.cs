using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jobs.Tests.Imports;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Postings;

/// <summary>One definition of a posting's fields: the API and feeds accept the same spellings and refuse the same values with the same words.</summary>
public class PostingFieldsApiTests
{
    [Fact]
    public async Task CreateAndImport_SameBadValues_SameFieldsAndReasons()
    {
        using var factory = new JobsApiFactory();
        var admin = await factory.SignInAdminAsync();
        var employer = await factory.RegisterEmployerAsync("扬州", "扬州同规科技有限公司");
        var title = new string('长', 101);
        var skills = Enumerable.Range(1, 31).Select(i => $"技能{i}").ToArray();

        var created = await employer.Client.PostAsJsonAsync("/api/postings", new
        {
            title, description = "岗位说明。", city = "扬州", salaryMin = 6000, salaryMax = 8000,
            education = "幼儿园", experience = "资深", skills,
        });
        var report = await admin.UploadOkAsync("扬州", ImportTestKit.Csv(ImportTestKit.Row("yz-1", ("title", title), ("city", "扬州"),
            ("education", "幼儿园"), ("experience", "资深"), ("skills", string.Join(";", skills)))));

        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        var api = (await created.ReadObjectAsync())["errors"]!.AsObject()
            .ToDictionary(e => e.Key, e => string.Join(" | ", e.Value!.AsArray().Select(m => (string)m!)));
        var feed = report["rejections"]!.AsArray()
            .ToDictionary(r => (string)r!["field"]!, r => (string)r!["reason"]!);
        Assert.Equal(["education", "experience", "skills", "title"], api.Keys.Order());
        Assert.Equal(api.OrderBy(e => e.Key), feed.OrderBy(e => e.Key));
        Assert.Equal("技能最多 30 项，实际为31项", api["skills"]);
    }

    [Fact]
    public async Task CreatePosting_FeedSpellings_AcceptedAsInFeeds()
    {
        using var factory = new JobsApiFactory();
        var employer = await factory.RegisterEmployerAsync("滁州", "滁州同规制造有限公司");

        var response = await employer.Client.PostAsJsonAsync("/api/postings", new
        {
            title = "设备维修工", description = "负责产线设备维修。", city = "滁州", category = "生產製造", salaryMin = 6000, salaryMax = 8000,
            education = "中专及以上学历", experience = "3年以上工作经验", headcount = 2,
        });

        var body = await response.ReadObjectAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToJsonString());
        Assert.Equal(("中专/中技/职高", "3-5年", "生产制造"), ((string)body["education"]!, (string)body["experience"]!, (string?)body["category"]));
    }
}
