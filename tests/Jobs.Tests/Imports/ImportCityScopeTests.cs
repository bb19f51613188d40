using System.Net;
using System.Text.Json.Nodes;
using Jobs.Core.Postings;
using Jobs.Tests.Imports.Feeds;
using Jobs.Tests.Infrastructure;
using static Jobs.Tests.Imports.ImportTestKit;

namespace Jobs.Tests.Imports;

/// <summary>
/// An organiser's feed stays within the organiser's city: rows for other cities are refused with their line, changes to
/// and closings of other cities' postings too; admins import for any city. Runs of other cities answer 404.
/// Each test uses a source city of its own (a feed is a full snapshot of its source).
/// </summary>
public sealed class ImportCityScopeTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    [Fact]
    public async Task Upload_OrganiserRowForAnotherCity_RejectsThatRowWithLineAndImportsTheRest()
    {
        var organiser = await factory.CreateOrganiserAsync("马鞍山");
        var file = Csv(
            Row("mas-1", ("title", "马鞍山仓储主管"), ("city", "马鞍山")),
            Row("mas-2", ("title", "芜湖仓储主管"), ("city", "芜湖")),
            Row("mas-3", ("title", "马鞍山数控技师"), ("city", "马鞍山")));

        var report = await organiser.UploadOkAsync("马鞍山", file);

        Assert.Equal((3, 2, 1), (report.Count("records"), report.Count("added"), report.Count("rejected")));
        Assert.True((bool)report["ownCityOnly"]!);
        var rejection = Assert.Single(report["rejections"]!.AsArray())!;
        Assert.Equal((3, "mas-2", "city"), ((int)rejection["line"]!, (string)rejection["externalId"]!, (string)rejection["field"]!));
        Assert.Equal("组织方只能导入本市（马鞍山）的职位，该行为 芜湖", (string)rejection["reason"]!);
        Assert.Equal(["mas-1", "mas-3"], (await factory.SourceStateAsync("maanshan")).Keys.Order());
        var paged = await organiser.GetJsonAsync($"/api/imports/{(long)report["id"]!}/rejections");
        Assert.Equal(1, (int)paged["total"]!);
    }

    [Fact]
    public async Task Upload_OrganiserChangingOrClosingAnotherCitysPosting_IsRefusedAndLeavesThemAsTheyWere()
    {
        var admin = await factory.SignInAdminAsync();
        var rows = new[]
        {
            Row("ly-1", ("title", "溧阳电工"), ("city", "溧阳")),
            Row("ly-2", ("title", "南京驻点销售"), ("city", "南京")),
            Row("ly-3", ("title", "南京驻点客服"), ("city", "南京")),
            Row("ly-4", ("title", "南京驻点会计"), ("city", "南京")),
            Row("ly-5", ("title", "溧阳茶艺师"), ("city", "溧阳")),
        };
        Assert.Equal(5, (await admin.UploadOkAsync("溧阳", Csv(rows))).Count("added"));
        var before = await factory.SourceStateAsync("liyang");
        var organiser = await factory.CreateOrganiserAsync("溧阳");

        // Same external ids: ly-1 moved to Nanjing, ly-2 (a Nanjing posting) edited, ly-3 closed, ly-4 left out; ly-5 as it was.
        var report = await organiser.UploadOkAsync("溧阳", Csv(
            Row("ly-1", ("title", "溧阳电工"), ("city", "南京")),
            Row("ly-2", ("title", "南京驻点销售"), ("city", "南京"), ("salary", "20-30K")),
            Row("ly-3", ("title", "南京驻点客服"), ("city", "南京"), ("status", "closed")),
            rows[4]));

        Assert.Equal("succeeded", (string)report["status"]!);
        Assert.Equal((0, 0, 0, 3, 1), (report.Count("added"), report.Count("updated"), report.Count("closed"), report.Count("rejected"),
            report.Count("unchanged")));
        var reasons = report["rejections"]!.AsArray().ToDictionary(r => (string)r!["externalId"]!, r => (string)r!["reason"]!);
        Assert.Equal("组织方只能导入本市（溧阳）的职位，该行为 南京", reasons["ly-1"]);
        Assert.Equal("该职位属于南京，组织方只能修改本市（溧阳）的职位", reasons["ly-2"]);
        Assert.Equal("该职位属于南京，组织方不能关闭其他城市的职位", reasons["ly-3"]);
        Assert.Contains("1 个其他城市的职位未关闭", (string)report["message"]!);
        Assert.Equal(before, await factory.SourceStateAsync("liyang"));
        var ly1 = await admin.GetJsonAsync($"/api/postings/{before["ly-1"].PostingId}");
        Assert.Equal("liyang", (string)ly1["cityCode"]!);
    }

    [Fact]
    public async Task Upload_AdminFeedForSeveralCities_ImportsAll()
    {
        var admin = await factory.SignInAdminAsync();
        var file = Csv(
            Row("zz-1", ("title", "枣庄焊工"), ("city", "枣庄")),
            Row("zz-2", ("title", "临沂物流调度"), ("city", "临沂")),
            Row("zz-3", ("title", "芜湖汽车装配工"), ("city", "芜湖")));

        var report = await admin.UploadOkAsync("枣庄", file);

        Assert.Equal((3, 0), (report.Count("added"), report.Count("rejected")));
        Assert.False((bool)report["ownCityOnly"]!);
        var state = await factory.SourceStateAsync("zaozhuang");
        var cities = new List<string>();
        foreach (var id in new[] { "zz-1", "zz-2", "zz-3" })
        {
            cities.Add((string)(await admin.GetJsonAsync($"/api/postings/{state[id].PostingId}"))["cityCode"]!);
        }

        Assert.Equal(["zaozhuang", "linyi", "wuhu"], cities);
    }

    [Fact]
    public async Task Confirm_OrganisersHeldRunByAdmin_KeepsTheOrganisersLimit()
    {
        var admin = await factory.SignInAdminAsync();
        await admin.UploadOkAsync("宣城", Csv(Rows("xcs", 4, city: "宣城")));
        var organiser = await factory.CreateOrganiserAsync("宣城");
        var response = await organiser.UploadAsync("宣城", Csv(Row("xcs-9", ("title", "南京外派专员"), ("city", "南京"))));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var held = await response.ReadObjectAsync();

        var confirmed = await admin.Client.PostAsync($"/api/imports/{(long)held["id"]!}/confirm", null);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var applied = await confirmed.ReadObjectAsync();
        Assert.Equal((true, 0, 1, 4), ((bool)applied["ownCityOnly"]!, applied.Count("added"), applied.Count("rejected"), applied.Count("closed")));
        Assert.DoesNotContain("xcs-9", (await factory.SourceStateAsync("xuancheng")).Keys);
    }

    [Fact]
    public async Task RunRoutes_OrganiserOfAnotherCity_Answer404AsForAMissingRun()
    {
        var admin = await factory.SignInAdminAsync();
        await admin.UploadOkAsync("济宁", Csv(Rows("jn", 3, city: "济宁")));
        var held = await (await admin.UploadAsync("济宁", FeedTestKit.Bytes(string.Join(',', FeedTestKit.Columns) + "\n"))).ReadObjectAsync();
        Assert.Equal("held", (string)held["status"]!);
        var id = (long)held["id"]!;
        var stranger = await factory.CreateOrganiserAsync("南京");
        var owner = await factory.CreateOrganiserAsync("济宁");

        var answers = new List<(string Route, HttpStatusCode Status)>
        {
            ("get", (await stranger.Client.GetAsync($"/api/imports/{id}")).StatusCode),
            ("rejections", (await stranger.Client.GetAsync($"/api/imports/{id}/rejections")).StatusCode),
            ("warnings", (await stranger.Client.GetAsync($"/api/imports/{id}/warnings")).StatusCode),
            ("confirm", (await stranger.Client.PostAsync($"/api/imports/{id}/confirm", null)).StatusCode),
            ("discard", (await stranger.Client.PostAsync($"/api/imports/{id}/discard", null)).StatusCode),
        };

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a.Status));
        var missing = await (await stranger.Client.GetAsync($"/api/imports/{id}")).ReadObjectAsync();
        var nonexistent = await (await stranger.Client.GetAsync($"/api/imports/{id + 1_000_000}")).ReadObjectAsync();
        Assert.Equal(((string)nonexistent["detail"]!).Replace($"{id + 1_000_000}", "", StringComparison.Ordinal),
            ((string)missing["detail"]!).Replace($"{id}", "", StringComparison.Ordinal));
        Assert.Equal("held", (string)(await owner.GetJsonAsync($"/api/imports/{id}"))["status"]!);
        var listed = await stranger.GetJsonAsync("/api/imports");
        Assert.DoesNotContain(listed["items"]!.AsArray(), r => (long)r!["id"]! == id);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Client.GetAsync("/api/imports?city=济宁")).StatusCode);
        Assert.Equal(PostingStatus.Open, (await factory.SourceStateAsync("jining"))["jn-1"].Status);
    }
}
