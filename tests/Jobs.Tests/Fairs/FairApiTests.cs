using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Fairs;

public sealed class FairApiTests : IClassFixture<JobsApiFactory>
{
    private readonly JobsApiFactory _factory;

    public FairApiTests(JobsApiFactory factory) => _factory = factory;

    [Fact]
    public async Task Create_ByOrganiser_IsADraftHiddenFromThePublic()
    {
        var organiser = await _factory.CreateOrganiserAsync("马鞍山");

        var fair = await organiser.CreateFairAsync(FairTestKit.Fair(_factory, city: "馬鞍山"));

        Assert.Equal("draft", (string)fair["state"]!);
        Assert.Equal("maanshan", (string)fair["hostCity"]!);
        Assert.False((bool)fair["published"]!);
        var id = (long)fair["id"]!;
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.CreateClient().GetAsync($"/api/fairs/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await organiser.Client.GetAsync($"/api/fairs/{id}")).StatusCode);
    }

    [Fact]
    public async Task Create_DefaultWindows_FollowTheStartTime()
    {
        var organiser = await _factory.CreateOrganiserAsync("滁州");

        var fair = await organiser.CreateFairAsync(FairTestKit.Fair(_factory, city: "滁州", startsInDays: 20));

        var starts = (DateTime)fair["startsAt"]!;
        Assert.Equal(starts.AddDays(-7), (DateTime)fair["employerWindow"]!["closesAt"]!);
        Assert.Equal(starts, (DateTime)fair["attendeeWindow"]!["closesAt"]!);
        Assert.Equal(0.3, (double)fair["otherCityBoothShare"]!);
        Assert.Equal(3, (int)fair["boothsKeptForOtherCities"]!);
    }

    [Theory]
    [InlineData("hostCity", "火星")]
    [InlineData("endsAt", "before-start")]
    [InlineData("attendeeCapacity", "0")]
    [InlineData("kind", "party")]
    [InlineData("otherCityBoothShare", "1.5")]
    public async Task Create_InvalidField_AnswersValidationProblemNamingIt(string field, string value)
    {
        var admin = await _factory.SignInAdminAsync();
        var body = JsonSerializerNode(FairTestKit.Fair(_factory));
        switch (field)
        {
            case "endsAt":
                body["endsAt"] = ((DateTimeOffset)body["startsAt"]!.GetValue<DateTimeOffset>()).AddHours(-1);
                break;
            case "attendeeCapacity":
                body["attendeeCapacity"] = int.Parse(value);
                break;
            case "otherCityBoothShare":
                body["otherCityBoothShare"] = double.Parse(value);
                break;
            default:
                body[field] = value;
                break;
        }

        var response = await admin.Client.PostAsJsonAsync("/api/fairs", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadObjectAsync())["errors"]!.AsObject().ContainsKey(field));
    }

    [Fact]
    public async Task Dates_AtTheEndsOfTheCalendar_AreRejectedNotFailed()
    {
        var admin = await _factory.SignInAdminAsync();
        var early = JsonSerializerNode(FairTestKit.Fair(_factory));
        early["startsAt"] = "0001-01-02T00:00:00Z";

        var list = await _factory.CreateClient().GetAsync("/api/fairs?from=0001-01-01&to=9999-12-31");
        var created = await admin.Client.PostAsJsonAsync("/api/fairs", early);
        var season = await admin.Client.PostAsJsonAsync("/api/fairs/seasons/proposal", new { from = "0001-01-01", to = "9999-12-31", count = 3 });

        Assert.Equal(HttpStatusCode.BadRequest, list.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, created.StatusCode);
        Assert.True((await created.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("startsAt"));
        Assert.Equal(HttpStatusCode.BadRequest, season.StatusCode);
    }

    [Fact]
    public async Task Create_OrganiserOfAnotherCity_IsForbidden()
    {
        var organiser = await _factory.CreateOrganiserAsync("宣城");

        var response = await organiser.Client.PostAsJsonAsync("/api/fairs", FairTestKit.Fair(_factory, city: "南京"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task List_FiltersByCityDateRangeAndTheme()
    {
        var organiser = await _factory.CreateOrganiserAsync("溧阳");
        var early = await organiser.CreateOpenFairAsync(FairTestKit.Fair(_factory, city: "溧阳", startsInDays: 5, themes: ["新能源"]));
        var late = await organiser.CreateOpenFairAsync(FairTestKit.Fair(_factory, city: "溧阳", startsInDays: 25, themes: ["文旅"]));
        var startEarly = (DateTime)(await _factory.GetFairAsync(early))["startsAt"]!;
        var day = DateOnly.FromDateTime(startEarly.AddHours(8));

        var byCity = await Ids($"/api/fairs?city=Liyang&pageSize=100");
        var byTheme = await Ids("/api/fairs?city=溧阳&theme=" + Uri.EscapeDataString("文旅"));
        var byRange = await Ids($"/api/fairs?city=溧阳&from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}");

        Assert.Contains(early, byCity);
        Assert.Contains(late, byCity);
        Assert.Equal([late], byTheme);
        Assert.Equal([early], byRange);
        var bad = await _factory.CreateClient().GetAsync("/api/fairs?from=20270301&state=soon");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.ReadObjectAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("from") && errors.ContainsKey("state"));
    }

    [Fact]
    public async Task Update_AfterOpening_RefusesCapacityChangeButAllowsVenue()
    {
        var organiser = await _factory.CreateOrganiserAsync("金坛");
        var request = JsonSerializerNode(FairTestKit.Fair(_factory, city: "金坛", attendees: 50));
        var id = await organiser.CreateOpenFairAsync(request);

        request["attendeeCapacity"] = 10;
        var refused = await organiser.Client.PutAsJsonAsync($"/api/fairs/{id}", request);
        request["attendeeCapacity"] = 50;
        request["venue"] = "金坛体育中心";
        var allowed = await organiser.Client.PutAsJsonAsync($"/api/fairs/{id}", request);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal("金坛体育中心", (string)(await allowed.ReadObjectAsync())["venue"]!);
    }

    [Fact]
    public async Task Delete_PublishedFair_IsRefusedButADraftGoes()
    {
        var organiser = await _factory.CreateOrganiserAsync("南京");
        var published = await organiser.CreateOpenFairAsync(FairTestKit.Fair(_factory));
        var draft = (long)(await organiser.CreateFairAsync(FairTestKit.Fair(_factory)))["id"]!;

        Assert.Equal(HttpStatusCode.Conflict, (await organiser.Client.DeleteAsync($"/api/fairs/{published}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await organiser.Client.DeleteAsync($"/api/fairs/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await organiser.Client.GetAsync($"/api/fairs/{draft}")).StatusCode);
    }

    [Fact]
    public async Task Register_BeforeAttendeeWindowOpens_IsRefusedWithReason()
    {
        var organiser = await _factory.CreateOrganiserAsync("南京");
        var body = JsonSerializerNode(FairTestKit.Fair(_factory, startsInDays: 12));
        var now = _factory.Clock.GetUtcNow();
        body["attendeeWindowOpensAt"] = now.AddDays(3);
        var id = (long)(await organiser.CreateFairAsync(body))["id"]!;
        await organiser.Client.PostAsync($"/api/fairs/{id}/publish", null);
        var graduate = await _factory.RegisterGraduateAsync();

        var response = await graduate.Client.PostAsJsonAsync($"/api/fairs/{id}/attendees", new { });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("报名尚未开始", (string)(await response.ReadObjectAsync())["detail"]!);
    }

    [Fact]
    public async Task Register_AsEmployer_IsForbidden()
    {
        var organiser = await _factory.CreateOrganiserAsync("南京");
        var id = await organiser.CreateOpenFairAsync(FairTestKit.Fair(_factory));
        var employer = await _factory.RegisterEmployerAsync();

        var response = await employer.Client.PostAsJsonAsync($"/api/fairs/{id}/attendees", new { });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<long[]> Ids(string url)
    {
        var page = await (await _factory.CreateClient().GetAsync(url)).ReadObjectAsync();
        return page["items"]!.AsArray().Select(i => (long)i!["id"]!).ToArray();
    }

    private static JsonObject JsonSerializerNode(object value) => System.Text.Json.JsonSerializer.SerializeToNode(value, ApiClient.Json)!.AsObject();
}
