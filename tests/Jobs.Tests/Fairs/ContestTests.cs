using System.Net;
using System.Net.Http.Json;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Fairs;

public sealed class ContestTests : IClassFixture<JobsApiFactory>
{
    private readonly JobsApiFactory _factory;

    public ContestTests(JobsApiFactory factory) => _factory = factory;

    private static object Team(string name, int members) => new
    {
        teamName = name,
        projectName = "社区养老智能陪护机器人",
        projectSummary = "面向都市圈社区的低成本陪护方案",
        members = Enumerable.Range(1, members).Select(i => new { name = $"队员{i}", school = "南京大学" }).ToArray(),
    };

    [Fact]
    public async Task Register_Contest_CapacityCountsTeamsNotPeople()
    {
        var organiser = await _factory.CreateOrganiserAsync("南京");
        var id = await organiser.CreateOpenFairAsync(FairTestKit.Fair(_factory, kind: "contest", attendees: 2, booths: 0, title: "南京都市圈青年创业大赛"));
        var leaders = new List<SignedIn>();
        var answers = new List<System.Text.Json.Nodes.JsonObject>();
        foreach (var size in new[] { 4, 0, 2 })
        {
            var leader = await _factory.RegisterGraduateAsync();
            leaders.Add(leader);
            var response = await leader.Client.PostAsJsonAsync($"/api/fairs/{id}/attendees", Team($"第{leaders.Count}队", size));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            answers.Add(await response.ReadObjectAsync());
        }

        Assert.Equal(["registered", "registered", "waitlisted"], answers.Select(a => (string)a["status"]!));
        Assert.Equal([5, 1, 3], answers.Select(a => (int)a["team"]!["size"]!));
        Assert.Equal("第1队", (string)answers[0]["team"]!["teamName"]!);
        var fair = await _factory.GetFairAsync(id);
        Assert.Equal("contest", (string)fair["kind"]!);
        Assert.Equal(2, (int)fair["counts"]!["registered"]!);
    }

    [Fact]
    public async Task Register_ContestTeamOfSix_IsRejected()
    {
        var organiser = await _factory.CreateOrganiserAsync("南京");
        var id = await organiser.CreateOpenFairAsync(FairTestKit.Fair(_factory, kind: "contest", attendees: 5, booths: 0));
        var leader = await _factory.RegisterGraduateAsync();

        var tooMany = await leader.Client.PostAsJsonAsync($"/api/fairs/{id}/attendees", Team("六人队", 5));
        var noTeam = await leader.Client.PostAsJsonAsync($"/api/fairs/{id}/attendees", new { });

        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.True((await tooMany.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("members"));
        Assert.Equal(HttpStatusCode.BadRequest, noTeam.StatusCode);
        var errors = (await noTeam.ReadObjectAsync())["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("teamName") && errors.ContainsKey("projectName"));
    }

    [Fact]
    public async Task ApplyBooth_ContestWithoutBooths_IsRefused()
    {
        var organiser = await _factory.CreateOrganiserAsync("南京");
        var id = await organiser.CreateOpenFairAsync(FairTestKit.Fair(_factory, kind: "contest", attendees: 5, booths: 0));
        var employer = await _factory.RegisterEmployerAsync();
        var posting = await employer.CreatePostingAsync();

        var response = await employer.Client.PostAsJsonAsync($"/api/fairs/{id}/booths", new { postingIds = new[] { posting } });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }
}
