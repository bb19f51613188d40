using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jobs.Tests.Fairs;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Employers;

/// <summary>Changes of an employer's name, credit code and city: recorded, visible to whom they concern, and held back by booths.</summary>
public sealed class EmployerChangeTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    [Fact]
    public async Task Update_NameCodeAndCity_RecordsEachChangeWithOldAndNewValues()
    {
        var employer = await factory.RegisterEmployerAsync("南京", "南京变更测试科技有限公司");
        var before = await Profile(employer);
        var code = ApiClient.UniqueCreditCode();

        var updated = await employer.Client.PutAsJsonAsync($"/api/employers/{employer.EmployerId}",
            new { name = "镇江变更测试科技有限公司", creditCode = code, city = "镇江", industry = "软件/互联网", description = "迁址镇江" });

        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var changes = await ChangesAsync(employer, employer.EmployerId!.Value);
        var byField = changes.ToDictionary(c => (string)c["field"]!);
        Assert.Equal(["city", "creditCode", "name"], byField.Keys.Order());
        Assert.Equal(("南京变更测试科技有限公司", "镇江变更测试科技有限公司"), ((string)byField["name"]["oldValue"]!, (string)byField["name"]["newValue"]!));
        Assert.Equal(((string)before["creditCode"]!, code), ((string)byField["creditCode"]["oldValue"]!, (string)byField["creditCode"]["newValue"]!));
        Assert.Equal(("nanjing", "zhenjiang", "南京", "镇江"), ((string)byField["city"]["oldValue"]!, (string)byField["city"]["newValue"]!,
            (string)byField["city"]["oldCityName"]!, (string)byField["city"]["newCityName"]!));
        Assert.All(changes, c => Assert.Equal(employer.UserId, (long)c["actorUserId"]!));

        // A description-only edit changes no identity field: nothing more is recorded.
        var again = await employer.Client.PutAsJsonAsync($"/api/employers/{employer.EmployerId}",
            new { name = "镇江变更测试科技有限公司", creditCode = code, city = "镇江", description = "新的简介" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(3, (await ChangesAsync(employer, employer.EmployerId!.Value)).Count);
    }

    [Fact]
    public async Task Changes_SeenByTheEmployerItsCitysOrganisersAndAdminsOnly()
    {
        var employer = await factory.RegisterEmployerAsync("扬州", "扬州可见性测试有限公司");
        var profile = await Profile(employer);
        var admin = await factory.SignInAdminAsync();
        var changed = await admin.Client.PutAsJsonAsync($"/api/employers/{employer.EmployerId}",
            new { name = "扬州可见性测试股份有限公司", creditCode = (string)profile["creditCode"]!, city = "扬州" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var url = $"/api/employers/{employer.EmployerId}/changes";

        var own = await ChangesAsync(employer, employer.EmployerId!.Value);
        var organiser = await ChangesAsync(await factory.CreateOrganiserAsync("扬州"), employer.EmployerId!.Value);
        var byAdmin = await ChangesAsync(admin, employer.EmployerId!.Value);
        var otherOrganiser = await (await factory.CreateOrganiserAsync("南京")).Client.GetAsync(url);
        var otherEmployer = await (await factory.RegisterEmployerAsync("扬州", "扬州旁观企业有限公司")).Client.GetAsync(url);
        var anonymous = await factory.CreateClient().GetAsync(url);

        Assert.Equal("name", (string)Assert.Single(own)["field"]!);
        Assert.Equal(admin.UserId, (long)own[0]["actorUserId"]!);
        Assert.Single(organiser);
        Assert.Single(byAdmin);
        Assert.Equal(HttpStatusCode.Forbidden, otherOrganiser.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherEmployer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Client.GetAsync("/api/employers/99999999/changes")).StatusCode);
    }

    [Fact]
    public async Task Update_CityWhileBoothPendingOrAllocated_Returns409NamingTheFairAndIsAllowedAfterWithdrawal()
    {
        var organiser = await factory.CreateOrganiserAsync("南京");
        var fairA = await organiser.CreateOpenFairAsync(FairTestKit.Fair(factory, booths: 4, title: "南京城市变更测试招聘会甲"));
        var fairB = await organiser.CreateOpenFairAsync(FairTestKit.Fair(factory, booths: 4, title: "南京城市变更测试招聘会乙"));
        var employer = await factory.RegisterEmployerAsync("南京", "南京展位城市测试有限公司");
        var profile = await Profile(employer);
        object Move(string city) => new { name = (string)profile["name"]!, creditCode = (string)profile["creditCode"]!, city };
        var posting = await employer.CreatePostingAsync(ApiClient.ValidPosting("展位城市测试工程师"));
        Assert.Equal(HttpStatusCode.Created, (await employer.Client.PostAsJsonAsync($"/api/fairs/{fairA}/booths", new { postingIds = new[] { posting } })).StatusCode);

        // Pending at a Nanjing fair: moving to Wuhu would make a host-city applicant an other-city one.
        var refused = await employer.Client.PutAsJsonAsync($"/api/employers/{employer.EmployerId}", Move("芜湖"));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var detail = (string)(await refused.ReadObjectAsync())["detail"]!;
        Assert.Contains("南京城市变更测试招聘会甲", detail);
        Assert.DoesNotContain("南京城市变更测试招聘会乙", detail);
        Assert.Equal("nanjing", (string)(await Profile(employer))["cityCode"]!);
        Assert.Empty(await ChangesAsync(employer, employer.EmployerId!.Value));

        Assert.Equal(HttpStatusCode.OK, (await employer.Client.DeleteAsync($"/api/fairs/{fairA}/booths/mine")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await employer.Client.PutAsJsonAsync($"/api/employers/{employer.EmployerId}", Move("芜湖"))).StatusCode);
        // The move sent the employer back to review; only a verified employer may apply for a booth.
        await factory.ApprovePendingVerificationAsync(employer.EmployerId!.Value);

        // Allocated at another Nanjing fair as an other-city employer: back to Nanjing is refused, Wuhu to Zhenjiang is not.
        var applied = await employer.Client.PostAsJsonAsync($"/api/fairs/{fairB}/booths", new { postingIds = new[] { posting } });
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        var applicationId = (long)(await applied.ReadObjectAsync())["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await organiser.Client.PostAsync($"/api/fairs/{fairB}/booths/{applicationId}/approve", null)).StatusCode);
        factory.Clock.MoveTo((DateTime)(await factory.GetFairAsync(fairB))["employerWindow"]!["closesAt"]!);
        await factory.RunDeadlinesAsync(fairB);
        Assert.Equal("allocated", (string)(await (await employer.Client.GetAsync($"/api/fairs/{fairB}/booths/mine")).ReadObjectAsync())["status"]!);

        var back = await employer.Client.PutAsJsonAsync($"/api/employers/{employer.EmployerId}", Move("南京"));
        Assert.Equal(HttpStatusCode.Conflict, back.StatusCode);
        Assert.Contains("南京城市变更测试招聘会乙", (string)(await back.ReadObjectAsync())["detail"]!);
        Assert.Equal(HttpStatusCode.OK, (await employer.Client.PutAsJsonAsync($"/api/employers/{employer.EmployerId}", Move("镇江"))).StatusCode);
        var booth = await (await employer.Client.GetAsync($"/api/fairs/{fairB}/booths/mine")).ReadObjectAsync();
        Assert.Equal(("allocated", "wuhu", true), ((string)booth["status"]!, (string)booth["employerCity"]!, (bool)booth["fromOtherCity"]!));

        Assert.Equal(HttpStatusCode.OK, (await employer.Client.DeleteAsync($"/api/fairs/{fairB}/booths/mine")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await employer.Client.PutAsJsonAsync($"/api/employers/{employer.EmployerId}", Move("南京"))).StatusCode);
        var cities = (await ChangesAsync(employer, employer.EmployerId!.Value)).Select(c => (string)c["newValue"]!).Reverse();
        Assert.Equal(["wuhu", "zhenjiang", "nanjing"], cities);
    }

    [Fact]
    public async Task Update_NewName_IsFoundBySearchWithTheEmployersPostings()
    {
        var employer = await factory.RegisterEmployerAsync("南京", "南京旧名称检索测试有限公司");
        var profile = await Profile(employer);
        var posting = await employer.CreatePostingAsync(ApiClient.ValidPosting("改名检索测试专员"));

        var renamed = await employer.Client.PutAsJsonAsync($"/api/employers/{employer.EmployerId}",
            new { name = "南京麒麟湖光电科技有限公司", creditCode = (string)profile["creditCode"]!, city = "南京" });

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        // A rename sends the employer back to review; once approved again, its postings are public under the new name.
        await factory.ApprovePendingVerificationAsync(employer.EmployerId!.Value);
        var found = await Jobs.Tests.Imports.ImportTestKit.EventuallyAsync(async () =>
        {
            var result = await (await factory.CreateClient().GetAsync("/api/postings/search?q=" + Uri.EscapeDataString("麒麟湖光电"))).ReadObjectAsync();
            return result["items"]!.AsArray().Any(i => (long)i!["id"]! == posting) ? result : null;
        }, "the renamed employer's posting in search");
        Assert.Equal("南京麒麟湖光电科技有限公司", (string)found["items"]!.AsArray().First(i => (long)i!["id"]! == posting)!["employerName"]!);
    }

    private static async Task<JsonObject> Profile(SignedIn employer) =>
        await (await employer.Client.GetAsync($"/api/employers/{employer.EmployerId}")).ReadObjectAsync();

    private static async Task<List<JsonObject>> ChangesAsync(SignedIn who, long employerId)
    {
        var response = await who.Client.GetAsync($"/api/employers/{employerId}/changes");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["items"]!.AsArray().Select(c => c!.AsObject()).ToList();
    }
}
