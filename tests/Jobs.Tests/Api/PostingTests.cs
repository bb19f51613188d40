using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Api;

public class PostingTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    [Fact]
    public async Task Create_ValidPosting_Returns201WithNormalisedFields()
    {
        var employer = await factory.RegisterEmployerAsync();
        var response = await employer.Client.PostAsJsonAsync("/api/postings", new
        {
            title = "  Java开发工程师 ",
            description = "负责后端开发。",
            city = "Nanjing",
            district = "建邺",
            category = "软件/互联网",
            salaryMin = 10000,
            salaryMax = 15000,
            salaryMonths = 13,
            education = "本科及以上",
            experience = "1-3年",
            skills = new[] { "Java", "java", "Spring Boot" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var p = await response.ReadObjectAsync();
        Assert.Equal($"/api/postings/{(long)p["id"]!}", response.Headers.Location?.OriginalString);
        Assert.Equal("Java开发工程师", (string)p["title"]!);
        Assert.Equal("南京", (string)p["city"]!);
        Assert.Equal("nanjing", (string)p["cityCode"]!);
        Assert.Equal("建邺区", (string)p["district"]!);
        Assert.Equal("本科", (string)p["education"]!);
        Assert.Equal("1-3年", (string)p["experience"]!);
        Assert.Equal("10-15K·13薪", (string)p["salaryDisplay"]!);
        Assert.Equal(["Java", "Spring Boot"], p["skills"]!.AsArray().Select(s => (string)s!));
        Assert.Equal("open", (string)p["status"]!);
        Assert.Equal(employer.EmployerId, (long)p["employerId"]!);
    }

    [Fact]
    public async Task Create_NegotiableWithoutSalary_IsAccepted()
    {
        var employer = await factory.RegisterEmployerAsync();
        var response = await employer.Client.PostAsJsonAsync("/api/postings",
            new { title = "销售经理", description = "开拓华东市场。", city = "扬州", negotiable = true });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var p = await response.ReadObjectAsync();
        Assert.Equal("面议", (string)p["salaryDisplay"]!);
        Assert.Null(p["salaryMin"]);
    }

    [Fact]
    public async Task Create_InvalidFields_Returns400WithMessagePerField()
    {
        var employer = await factory.RegisterEmployerAsync();
        var response = await employer.Client.PostAsJsonAsync("/api/postings", new
        {
            title = "",
            description = "描述",
            city = "北京",
            salaryMin = 20000,
            salaryMax = 8000,
            salaryMonths = 30,
            education = "幼儿园",
            experience = "很多年",
            headcount = 0,
            category = "挖矿",
            expiresAt = DateTimeOffset.UtcNow.AddDays(-1),
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        Assert.Equal(
            new[] { "city", "education", "experience", "expiresAt", "headcount", "salaryMax", "salaryMonths", "title" },
            errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("马鞍山", (string)errors["city"]![0]!, StringComparison.Ordinal);
        Assert.Contains("本科", (string)errors["education"]![0]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_DistrictOfAnotherCity_Returns400ListingThisCitysDistricts()
    {
        var employer = await factory.RegisterEmployerAsync();
        var response = await employer.Client.PostAsJsonAsync("/api/postings", new
        {
            title = "质检员", description = "负责来料检验。", city = "芜湖", district = "建邺区", salaryMin = 5000, salaryMax = 7000,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (string)(await response.ReadObjectAsync())["errors"]!["district"]![0]!;
        Assert.Contains("鸠江区", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_OtherEmployersPosting_Returns403AndLeavesItUnchanged()
    {
        var a = await factory.RegisterEmployerAsync();
        var b = await factory.RegisterEmployerAsync(name: "南京另一家科技有限公司");
        var id = await a.CreatePostingAsync();
        var response = await b.Client.PutAsJsonAsync($"/api/postings/{id}", ApiClient.ValidPosting(title: "被篡改的职位"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var stored = await (await factory.CreateClient().GetAsync($"/api/postings/{id}")).ReadObjectAsync();
        Assert.Equal("Java开发工程师", (string)stored["title"]!);
    }

    [Fact]
    public async Task Update_OwnPosting_ChangesFields()
    {
        var a = await factory.RegisterEmployerAsync();
        var id = await a.CreatePostingAsync();
        var response = await a.Client.PutAsJsonAsync($"/api/postings/{id}", ApiClient.ValidPosting(title: "高级Java开发工程师", city: "镇江"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body); // 建邺区 is not in 镇江
        var fixedDistrict = await a.Client.PutAsJsonAsync($"/api/postings/{id}", new
        {
            title = "高级Java开发工程师", description = "负责核心系统。", city = "镇江", district = "京口区", salaryMin = 12000, salaryMax = 18000,
        });
        Assert.Equal(HttpStatusCode.OK, fixedDistrict.StatusCode);
        var p = await fixedDistrict.ReadObjectAsync();
        Assert.Equal("高级Java开发工程师", (string)p["title"]!);
        Assert.Equal("zhenjiang", (string)p["cityCode"]!);
    }

    [Fact]
    public async Task Close_OwnPosting_KeepsItReadableAndOutOfOpenList()
    {
        var a = await factory.RegisterEmployerAsync();
        var id = await a.CreatePostingAsync();
        var close = await a.Client.PostAsync($"/api/postings/{id}/close", null);
        Assert.Equal(HttpStatusCode.OK, close.StatusCode);
        Assert.Equal("closed", (string)(await close.ReadObjectAsync())["status"]!);

        var again = await a.Client.PostAsync($"/api/postings/{id}/close", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        var read = await factory.CreateClient().GetAsync($"/api/postings/{id}");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);

        var open = await (await factory.CreateClient().GetAsync($"/api/postings?employerId={a.EmployerId}")).ReadObjectAsync();
        Assert.Equal(0, (int)open["total"]!);
        var closed = await (await factory.CreateClient().GetAsync($"/api/postings?employerId={a.EmployerId}&status=closed")).ReadObjectAsync();
        Assert.Equal(id, (long)closed["items"]![0]!["id"]!);

        var update = await a.Client.PutAsJsonAsync($"/api/postings/{id}", ApiClient.ValidPosting());
        Assert.Equal(HttpStatusCode.Conflict, update.StatusCode);
    }

    [Fact]
    public async Task List_ManyPostings_PagesNewestFirstWithTotal()
    {
        var a = await factory.RegisterEmployerAsync();
        var ids = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            ids.Add(await a.CreatePostingAsync(ApiClient.ValidPosting(title: $"职位{i}")));
        }

        var page1 = await (await factory.CreateClient().GetAsync($"/api/postings?employerId={a.EmployerId}&pageSize=5")).ReadObjectAsync();
        var page2 = await (await factory.CreateClient().GetAsync($"/api/postings?employerId={a.EmployerId}&pageSize=5&page=2")).ReadObjectAsync();
        Assert.Equal(7, (int)page1["total"]!);
        Assert.Equal(5, page1["items"]!.AsArray().Count);
        Assert.Equal(2, page2["items"]!.AsArray().Count);
        var listed = page1["items"]!.AsArray().Concat(page2["items"]!.AsArray()).Select(x => (long)x!["id"]!).ToList();
        Assert.Equal(ids.AsEnumerable().Reverse(), listed);
    }

    [Fact]
    public async Task List_CityFilterAnySpelling_ReturnsOnlyThatCity()
    {
        var a = await factory.RegisterEmployerAsync();
        await a.CreatePostingAsync(new { title = "护士", description = "病区护理。", city = "淮安", salaryMin = 5000, salaryMax = 7000 });
        var response = await factory.CreateClient().GetAsync($"/api/postings?employerId={a.EmployerId}&city=Huai'an");
        var items = (await response.ReadObjectAsync())["items"]!.AsArray();
        Assert.Single(items);
        Assert.Equal("淮安", (string)items[0]!["city"]!);
    }

    [Fact]
    public async Task Create_OrganiserForOwnCity_PostsOnBehalfOfEmployer()
    {
        var a = await factory.RegisterEmployerAsync();
        var organiser = await factory.CreateOrganiserAsync("南京");
        var response = await organiser.Client.PostAsJsonAsync("/api/postings", new Dictionary<string, object?>
        {
            ["title"] = "招聘会专场职位", ["description"] = "现场面试。", ["city"] = "南京", ["negotiable"] = true, ["employerId"] = a.EmployerId,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(a.EmployerId, (long)(await response.ReadObjectAsync())["employerId"]!);
    }

    [Fact]
    public async Task Create_AdminWithoutEmployerId_Returns400()
    {
        var admin = await factory.SignInAdminAsync();
        var response = await admin.Client.PostAsJsonAsync("/api/postings", ApiClient.ValidPosting());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadObjectAsync())["errors"]!["employerId"]);
    }

    [Fact]
    public async Task Get_CityResolveEndpoint_AcceptsEverySpellingAndRejectsUnknown()
    {
        var client = factory.CreateClient();
        foreach (var name in new[] { "常州金坛", "金坛区", "金坛" })
        {
            var city = await (await client.GetAsync($"/api/cities/resolve?name={Uri.EscapeDataString(name)}")).ReadObjectAsync();
            Assert.Equal("jintan", (string)city["code"]!);
        }

        var unknown = await client.GetAsync("/api/cities/resolve?name=Suzhou");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("溧阳", (string)(await unknown.ReadObjectAsync())["errors"]!["name"]![0]!, StringComparison.Ordinal);

        var lunan = JsonNode.Parse(await client.GetStringAsync("/api/cities?region=lunan"))!.AsArray();
        Assert.Equal(4, lunan.Count);
    }
}
