using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Fairs;

public sealed class AttendeeTests : IClassFixture<JobsApiFactory>
{
    private readonly JobsApiFactory _factory;

    public AttendeeTests(JobsApiFactory factory) => _factory = factory;

    [Fact]
    public async Task Register_WithinCapacity_GivesTicketAndQr()
    {
        var organiser = await _factory.CreateOrganiserAsync("南京");
        var fairId = await organiser.CreateOpenFairAsync(FairTestKit.Fair(_factory, attendees: 2));
        var graduate = await _factory.RegisterGraduateAsync();

        var response = await graduate.Client.PostAsJsonAsync($"/api/fairs/{fairId}/attendees", new { });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadObjectAsync();
        Assert.Equal("registered", (string)body["status"]!);
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$", (string)body["ticket"]!);
        Assert.Null(body["position"]);
        var qr = await _factory.CreateClient().GetAsync((string)body["qr"]!);
        Assert.Equal(HttpStatusCode.OK, qr.StatusCode);
        Assert.Equal("image/png", qr.Content.Headers.ContentType!.MediaType);
        var png = await qr.Content.ReadAsByteArrayAsync();
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
    }

    [Fact]
    public async Task Register_PastCapacity_WaitlistsInOrder()
    {
        var organiser = await _factory.CreateOrganiserAsync("镇江");
        var fairId = await organiser.CreateOpenFairAsync(FairTestKit.Fair(_factory, city: "镇江", attendees: 1));
        var statuses = new List<JsonObject>();
        for (var i = 0; i < 3; i++)
        {
            var graduate = await _factory.RegisterGraduateAsync();
            statuses.Add(await (await graduate.Client.PostAsJsonAsync($"/api/fairs/{fairId}/attendees", new { })).ReadObjectAsync());
        }

        Assert.Equal(["registered", "waitlisted", "waitlisted"], statuses.Select(s => (string)s["status"]!));
        Assert.Equal([null, 1, 2], statuses.Select(s => (int?)s["position"]));
        Assert.Null(statuses[1]["ticket"]);
        Assert.Equal([1L, 2L, 3L], statuses.Select(s => (long)s["arrival"]!));
    }

    [Fact]
    public async Task Register_Twice_ReturnsTheSameRegistration()
    {
        var organiser = await _factory.CreateOrganiserAsync("扬州");
        var fairId = await organiser.CreateOpenFairAsync(FairTestKit.Fair(_factory, city: "扬州"));
        var graduate = await _factory.RegisterGraduateAsync();

        var first = await graduate.Client.PostAsJsonAsync($"/api/fairs/{fairId}/attendees", new { });
        var second = await graduate.Client.PostAsJsonAsync($"/api/fairs/{fairId}/attendees", new { });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((string)(await first.ReadObjectAsync())["ticket"]!, (string)(await second.ReadObjectAsync())["ticket"]!);
        var fair = await _factory.GetFairAsync(fairId);
        Assert.Equal(1, (int)fair["counts"]!["registered"]!);
    }

    [Fact]
    public async Task Cancel_RegisteredSeat_PromotesTheFirstWaitlistedAtOnce()
    {
        var organiser = await _factory.CreateOrganiserAsync("淮安");
        var fairId = await organiser.CreateOpenFairAsync(FairTestKit.Fair(_factory, city: "淮安", attendees: 1));
        var first = await _factory.RegisterGraduateAsync();
        var second = await _factory.RegisterGraduateAsync();
        var third = await _factory.RegisterGraduateAsync();
        foreach (var g in new[] { first, second, third })
        {
            await g.Client.PostAsJsonAsync($"/api/fairs/{fairId}/attendees", new { });
        }

        var cancelled = await first.Client.DeleteAsync($"/api/fairs/{fairId}/attendees/me");

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.True((bool)(await cancelled.ReadObjectAsync())["promotedSomeone"]!);
        var promoted = await (await second.Client.GetAsync($"/api/fairs/{fairId}/attendees/me")).ReadObjectAsync();
        Assert.Equal("registered", (string)promoted["status"]!);
        Assert.NotNull((string?)promoted["ticket"]);
        var stillWaiting = await (await third.Client.GetAsync($"/api/fairs/{fairId}/attendees/me")).ReadObjectAsync();
        Assert.Equal(1, (int)stillWaiting["position"]!);
        var notifications = await (await second.Client.GetAsync("/api/me/notifications")).ReadObjectAsync();
        Assert.Contains(notifications["items"]!.AsArray(), n => (string)n!["kind"]! == "fair-promotion");
        var mine = await (await first.Client.GetAsync($"/api/fairs/{fairId}/attendees/me")).ReadObjectAsync();
        Assert.Equal("cancelled", (string)mine["status"]!);
        Assert.Null(mine["ticket"]);
    }

    [Fact]
    public async Task MyFairs_AfterRegistering_ListsTicketAndWaitlistPlace()
    {
        var organiser = await _factory.CreateOrganiserAsync("宣城");
        var full = await organiser.CreateOpenFairAsync(FairTestKit.Fair(_factory, city: "宣城", attendees: 1, startsInDays: 5));
        var open = await organiser.CreateOpenFairAsync(FairTestKit.Fair(_factory, city: "宣城", startsInDays: 9));
        var other = await _factory.RegisterGraduateAsync();
        await other.Client.PostAsJsonAsync($"/api/fairs/{full}/attendees", new { });
        var graduate = await _factory.RegisterGraduateAsync();
        await graduate.Client.PostAsJsonAsync($"/api/fairs/{full}/attendees", new { });
        await graduate.Client.PostAsJsonAsync($"/api/fairs/{open}/attendees", new { });

        var mine = await (await graduate.Client.GetAsync("/api/me/fairs")).ReadObjectAsync();

        var items = mine["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.Equal([open, full], items.Select(i => (long)i["fair"]!["id"]!));
        Assert.Equal("registered", (string)items[0]["registration"]!["status"]!);
        Assert.NotNull((string?)items[0]["registration"]!["ticket"]);
        Assert.Equal("waitlisted", (string)items[1]["registration"]!["status"]!);
        Assert.Equal(1, (int)items[1]["registration"]!["position"]!);
    }

    [Fact]
    public async Task CheckIn_SecondTime_IsRefused()
    {
        var organiser = await _factory.CreateOrganiserAsync("芜湖");
        var fairId = await organiser.CreateOpenFairAsync(FairTestKit.Fair(_factory, city: "芜湖", startsInDays: 1));
        var graduate = await _factory.RegisterGraduateAsync();
        var ticket = (string)(await (await graduate.Client.PostAsJsonAsync($"/api/fairs/{fairId}/attendees", new { })).ReadObjectAsync())["ticket"]!;
        var fair = await _factory.GetFairAsync(fairId);
        _factory.Clock.MoveTo((DateTime)fair["startsAt"]!);

        var first = await organiser.Client.PostAsJsonAsync($"/api/fairs/{fairId}/check-ins", new { ticket = ticket.ToLowerInvariant().Replace("-", "") });
        var second = await organiser.Client.PostAsJsonAsync($"/api/fairs/{fairId}/check-ins", new { ticket });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(ticket, (string)(await first.ReadObjectAsync())["ticket"]!);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("已于", (string)(await second.ReadObjectAsync())["detail"]!);
        Assert.Equal(HttpStatusCode.Conflict, (await graduate.Client.DeleteAsync($"/api/fairs/{fairId}/attendees/me")).StatusCode);
        Assert.Equal("registered", (string)(await (await graduate.Client.GetAsync($"/api/fairs/{fairId}/attendees/me")).ReadObjectAsync())["status"]!);
    }
}
