using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Fairs;

public sealed class SeasonApiTests : IClassFixture<JobsApiFactory>
{
    private static readonly string[] NanjingMetro = ["nanjing", "zhenjiang", "yangzhou", "huaian", "wuhu", "maanshan", "chuzhou", "xuancheng", "jintan", "liyang"];

    private readonly JobsApiFactory _factory;

    public SeasonApiTests(JobsApiFactory factory) => _factory = factory;

    [Fact]
    public async Task Propose_TwelveFairsOverTenCities_RotatesEvenlyAndAvoidsDates()
    {
        var organiser = await _factory.CreateOrganiserAsync("南京");
        var avoid = new[] { new DateOnly(2031, 5, 1), new DateOnly(2031, 5, 2), new DateOnly(2031, 5, 3) };

        var response = await organiser.Client.PostAsJsonAsync("/api/fairs/seasons/proposal",
            new { from = "2031-03-01", to = "2031-06-30", count = 12, avoidDates = avoid, previousHost = "溧阳" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadObjectAsync();
        var slots = body["slots"]!.AsArray().Select(s => s!.AsObject()).ToList();
        Assert.Equal(NanjingMetro.Concat(NanjingMetro.Take(2)), slots.Select(s => (string)s["hostCity"]!));
        var dates = slots.Select(s => DateOnly.Parse((string)s["date"]!)).ToList();
        Assert.Equal(dates.Order(), dates);
        Assert.DoesNotContain(dates, avoid.Contains);
        Assert.All(body["hostCounts"]!.AsArray(), c => Assert.InRange((int)c!["fairs"]!, 1, 2));
        Assert.Contains("轮流", (string)body["rule"]!);
    }

    [Fact]
    public async Task Propose_TooFewDates_ExplainsWhy()
    {
        var organiser = await _factory.CreateOrganiserAsync("南京");

        var response = await organiser.Client.PostAsJsonAsync("/api/fairs/seasons/proposal", new { from = "2031-03-01", to = "2031-03-03", count = 5 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("少于场次数", (await response.ReadObjectAsync())["errors"]!["season"]![0]!.ToString());
    }

    [Fact]
    public async Task Propose_AsGraduate_IsForbidden()
    {
        var graduate = await _factory.RegisterGraduateAsync();

        var response = await graduate.Client.PostAsJsonAsync("/api/fairs/seasons/proposal", new { from = "2031-03-01", to = "2031-06-30", count = 5 });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Create_EditedProposal_MakesDraftsAndTheNextSeasonContinuesTheRotation()
    {
        var organiser = await _factory.CreateOrganiserAsync("扬州");
        var proposal = await (await organiser.Client.PostAsJsonAsync("/api/fairs/seasons/proposal",
            new { from = "2032-03-01", to = "2032-04-30", count = 3, region = "nanjing-metro", previousHost = "南京" })).ReadObjectAsync();
        var slots = proposal["slots"]!.AsArray().Select(s => new { date = (string)s!["date"]!, hostCity = (string)s["hostCity"]!, venue = (string?)null }).ToList();
        Assert.Equal(["zhenjiang", "yangzhou", "huaian"], slots.Select(s => s.hostCity));
        // The organisers swap the last stop's venue; everything else as proposed.
        slots[2] = slots[2] with { venue = "淮安会展中心" };

        var created = await organiser.Client.PostAsJsonAsync("/api/fairs/seasons",
            new { name = "2032 春季高校毕业生招聘季", from = "2032-03-01", to = "2032-04-30", attendeeCapacity = 800, boothCapacity = 60, themes = new[] { "智能制造" }, slots });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var season = await created.ReadObjectAsync();
        var fairs = season["fairs"]!.AsArray().Select(f => f!.AsObject()).ToList();
        Assert.Equal(["zhenjiang", "yangzhou", "huaian"], fairs.Select(f => (string)f["hostCity"]!));
        Assert.All(fairs, f => Assert.Equal("draft", (string)f["state"]!));
        Assert.Equal("2032 春季高校毕业生招聘季·镇江站", (string)fairs[0]["title"]!);
        Assert.Equal("淮安会展中心", (string)fairs[2]["venue"]!);
        Assert.Equal(800, (int)fairs[1]["attendeeCapacity"]!);
        // 09:00 in China is 01:00 UTC.
        Assert.Equal(1, ((DateTime)fairs[0]["startsAt"]!).Hour);

        var next = await (await organiser.Client.PostAsJsonAsync("/api/fairs/seasons/proposal",
            new { from = "2032-09-01", to = "2032-10-31", count = 2 })).ReadObjectAsync();
        Assert.Equal("huaian", (string)next["previousHost"]!);
        Assert.Equal(["wuhu", "maanshan"], next["slots"]!.AsArray().Select(s => (string)s!["hostCity"]!));
    }

    [Fact]
    public async Task Create_SlotOutsideTheRegion_IsRejectedWithItsIndex()
    {
        var admin = await _factory.SignInAdminAsync();

        var response = await admin.Client.PostAsJsonAsync("/api/fairs/seasons", new
        {
            name = "跨区域测试",
            region = "nanjing-metro",
            from = "2032-03-01",
            to = "2032-04-30",
            slots = new object[] { new { date = "2032-03-10", hostCity = "南京" }, new { date = "2032-03-20", hostCity = "济宁" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("slots[1].hostCity"));
    }
}
