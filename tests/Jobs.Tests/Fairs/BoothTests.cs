using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jobs.Core.Fairs;
using Jobs.Core.Storage;
using Jobs.Tests.Imports;
using Jobs.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobs.Tests.Fairs;

public sealed class BoothAllocatorTests
{
    private static readonly DateTime T0 = new(2027, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private static BoothCandidate Local(long id, int minute) => new(id, T0.AddMinutes(minute), false);

    private static BoothCandidate Other(long id, int minute) => new(id, T0.AddMinutes(minute), true);

    [Fact]
    public void Allocate_HostCityFirstInLine_KeepsTheShareForOtherCities()
    {
        var result = BoothAllocator.Allocate([Local(1, 1), Local(2, 2), Local(3, 3), Local(4, 4), Other(5, 5), Other(6, 6)], capacity: 4, share: 0.5);

        Assert.Equal([(1L, 1), (2L, 2), (5L, 3), (6L, 4)], result.Allocated);
        Assert.Equal([(3L, 1), (4L, 2)], result.Waitlisted);
    }

    [Fact]
    public void Allocate_TooFewOtherCityApplicants_GivesKeptBoothsBackInOrder()
    {
        var result = BoothAllocator.Allocate([Local(1, 1), Local(2, 2), Local(3, 3), Other(4, 4), Local(5, 5)], capacity: 4, share: 0.5);

        Assert.Equal([(1L, 1), (2L, 2), (3L, 3), (4L, 4)], result.Allocated);
        Assert.Equal([(5L, 1)], result.Waitlisted);
    }

    [Fact]
    public void Allocate_OtherCitiesEarly_MayTakeMoreThanTheShare()
    {
        var result = BoothAllocator.Allocate([Other(1, 1), Other(2, 2), Other(3, 3), Local(4, 4), Local(5, 5)], capacity: 3, share: 0.3);

        Assert.Equal([1L, 2L, 3L], result.Allocated.Select(a => a.ApplicationId));
        Assert.Equal([(4L, 1), (5L, 2)], result.Waitlisted);
    }

    [Fact]
    public void Allocate_SameTime_OrdersByApplicationNumber()
    {
        var result = BoothAllocator.Allocate([Local(9, 1), Local(3, 1)], capacity: 1, share: 0);

        Assert.Equal([(3L, 1)], result.Allocated);
        Assert.Equal([(9L, 1)], result.Waitlisted);
    }

    [Theory]
    [InlineData(10, 0.3, 3)]
    [InlineData(7, 0.3, 2)]
    [InlineData(10, 0.0, 0)]
    [InlineData(5, 1.0, 5)]
    public void KeptForOtherCities_RoundsDown(int capacity, double share, int expected) =>
        Assert.Equal(expected, BoothAllocator.KeptForOtherCities(capacity, share));
}

public sealed class BoothTests : IClassFixture<JobsApiFactory>
{
    private readonly JobsApiFactory _factory;

    public BoothTests(JobsApiFactory factory) => _factory = factory;

    [Fact]
    public async Task Allocate_WhenEmployerWindowCloses_NumbersApprovedBoothsByTheRuleAndWaitlistsTheRest()
    {
        var organiser = await _factory.CreateOrganiserAsync("南京");
        var fairId = await organiser.CreateOpenFairAsync(FairTestKit.Fair(_factory, booths: 4, otherCityShare: 0.5));
        var locals = new List<SignedIn>();
        for (var i = 0; i < 4; i++)
        {
            locals.Add(await _factory.RegisterEmployerAsync("南京", $"南京展商{i}科技有限公司"));
        }

        var zhenjiang = await _factory.RegisterEmployerAsync("镇江", "镇江展商科技有限公司");
        var wuhu = await _factory.RegisterEmployerAsync("芜湖", "芜湖展商科技有限公司");
        var rejected = await _factory.RegisterEmployerAsync("南京", "南京被拒展商有限公司");
        var applicants = locals.Concat([zhenjiang, wuhu, rejected]).ToList();
        var applications = new List<long>();
        foreach (var employer in applicants)
        {
            var posting = await employer.CreatePostingAsync(ApiClient.ValidPosting("招聘会展位测试工程师"));
            var applied = await employer.Client.PostAsJsonAsync($"/api/fairs/{fairId}/booths", new { postingIds = new[] { posting } });
            Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
            applications.Add((long)(await applied.ReadObjectAsync())["id"]!);
        }

        foreach (var id in applications.Take(6))
        {
            Assert.Equal(HttpStatusCode.OK, (await organiser.Client.PostAsync($"/api/fairs/{fairId}/booths/{id}/approve", null)).StatusCode);
        }

        var noReason = await organiser.Client.PostAsJsonAsync($"/api/fairs/{fairId}/booths/{applications[6]}/reject", new { });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await organiser.Client.PostAsJsonAsync($"/api/fairs/{fairId}/booths/{applications[6]}/reject",
            new { reason = "营业执照信息不全" })).StatusCode);

        var fair = await _factory.GetFairAsync(fairId);
        _factory.Clock.MoveTo((DateTime)fair["employerWindow"]!["closesAt"]!);
        await _factory.RunDeadlinesAsync(fairId);
        await _factory.RunDeadlinesAsync(fairId);

        var mine = new List<JsonObject>();
        foreach (var employer in applicants)
        {
            mine.Add(await (await employer.Client.GetAsync($"/api/fairs/{fairId}/booths/mine")).ReadObjectAsync());
        }

        Assert.Equal(["allocated", "allocated", "waitlisted", "waitlisted", "allocated", "allocated", "rejected"], mine.Select(m => (string)m["status"]!));
        Assert.Equal([1, 2, null, null, 3, 4, null], mine.Select(m => (int?)m["boothNumber"]));
        Assert.Equal([null, null, 1, 2, null, null, null], mine.Select(m => (int?)m["waitlistPosition"]));
        Assert.Equal("营业执照信息不全", (string)mine[6]["decisionNote"]!);
        var exhibitors = await (await _factory.CreateClient().GetAsync($"/api/fairs/{fairId}/booths")).ReadObjectAsync();
        Assert.Equal(4, (int)exhibitors["total"]!);
        var notices = await (await zhenjiang.Client.GetAsync("/api/me/notifications")).ReadObjectAsync();
        Assert.Single(notices["items"]!.AsArray(), n => (string)n!["kind"]! == "booth-allocation");

        // The employer window is closed: new applications are refused; a withdrawal hands booth 3 to the first in line.
        var late = await _factory.RegisterEmployerAsync("南京", "南京迟到展商有限公司");
        var latePosting = await late.CreatePostingAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await late.Client.PostAsJsonAsync($"/api/fairs/{fairId}/booths", new { postingIds = new[] { latePosting } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await zhenjiang.Client.DeleteAsync($"/api/fairs/{fairId}/booths/mine")).StatusCode);
        var promoted = await (await locals[2].Client.GetAsync($"/api/fairs/{fairId}/booths/mine")).ReadObjectAsync();
        Assert.Equal("allocated", (string)promoted["status"]!);
        Assert.Equal(3, (int)promoted["boothNumber"]!);
        var movedUp = await (await locals[3].Client.GetAsync($"/api/fairs/{fairId}/booths/mine")).ReadObjectAsync();
        Assert.Equal(1, (int)movedUp["waitlistPosition"]!);
    }

    [Fact]
    public async Task Withdraw_ManyAtOnce_HandsTheBoothOnOnce()
    {
        var organiser = await _factory.CreateOrganiserAsync("南京");
        var fairId = await organiser.CreateOpenFairAsync(FairTestKit.Fair(_factory, booths: 1, otherCityShare: 0));
        var employers = new List<SignedIn>();
        for (var i = 0; i < 3; i++)
        {
            var employer = await _factory.RegisterEmployerAsync("南京", $"南京撤回测试{i}有限公司");
            employers.Add(employer);
            var posting = await employer.CreatePostingAsync();
            var applied = await (await employer.Client.PostAsJsonAsync($"/api/fairs/{fairId}/booths", new { postingIds = new[] { posting } })).ReadObjectAsync();
            await organiser.Client.PostAsync($"/api/fairs/{fairId}/booths/{(long)applied["id"]!}/approve", null);
        }

        var fair = await _factory.GetFairAsync(fairId);
        _factory.Clock.MoveTo((DateTime)fair["employerWindow"]!["closesAt"]!);
        await _factory.RunDeadlinesAsync(fairId);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => employers[0].Client.DeleteAsync($"/api/fairs/{fairId}/booths/mine")));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        var states = new List<JsonObject>();
        foreach (var employer in employers)
        {
            states.Add(await (await employer.Client.GetAsync($"/api/fairs/{fairId}/booths/mine")).ReadObjectAsync());
        }

        Assert.Equal(["withdrawn", "allocated", "waitlisted"], states.Select(x => (string)x["status"]!));
        Assert.Equal(1, (int)states[1]["boothNumber"]!);
        Assert.Equal(1, (int)states[2]["waitlistPosition"]!);
    }

    [Fact]
    public async Task Allocate_EmployerCityChangedAfterApplying_CountsTheCityAtApplicationTime()
    {
        var organiser = await _factory.CreateOrganiserAsync("南京");
        var fairId = await organiser.CreateOpenFairAsync(FairTestKit.Fair(_factory, booths: 2, otherCityShare: 0.5));
        var applicants = new[]
        {
            await _factory.RegisterEmployerAsync("南京", "南京申请时城市测试甲有限公司"),
            await _factory.RegisterEmployerAsync("南京", "南京申请时城市测试乙有限公司"),
            await _factory.RegisterEmployerAsync("芜湖", "芜湖申请时城市测试有限公司"),
        };
        foreach (var employer in applicants)
        {
            var posting = await employer.CreatePostingAsync(ApiClient.ValidPosting("申请时城市测试工程师"));
            var applied = await (await employer.Client.PostAsJsonAsync($"/api/fairs/{fairId}/booths", new { postingIds = new[] { posting } })).ReadObjectAsync();
            Assert.Equal(HttpStatusCode.OK, (await organiser.Client.PostAsync($"/api/fairs/{fairId}/booths/{(long)applied["id"]!}/approve", null)).StatusCode);
        }

        // The API refuses this move while the application is live; the stored row may still differ (changed before the
        // rule existed, or by hand), and the quota must follow the city the employer applied with.
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
            await db.Employers.Where(e => e.Id == applicants[2].EmployerId).ExecuteUpdateAsync(u => u.SetProperty(e => e.CityCode, "nanjing"));
        }

        var fair = await _factory.GetFairAsync(fairId);
        _factory.Clock.MoveTo((DateTime)fair["employerWindow"]!["closesAt"]!);
        await _factory.RunDeadlinesAsync(fairId);

        var mine = new List<JsonObject>();
        foreach (var employer in applicants)
        {
            mine.Add(await (await employer.Client.GetAsync($"/api/fairs/{fairId}/booths/mine")).ReadObjectAsync());
        }

        Assert.Equal(["allocated", "waitlisted", "allocated"], mine.Select(m => (string)m["status"]!));
        Assert.Equal([1, null, 2], mine.Select(m => (int?)m["boothNumber"]));
        Assert.Equal(("wuhu", true), ((string)mine[2]["employerCity"]!, (bool)mine[2]["fromOtherCity"]!));
    }

    [Fact]
    public async Task Apply_WithAnotherEmployersPosting_NamesThePosting()
    {
        var organiser = await _factory.CreateOrganiserAsync("南京");
        var fairId = await organiser.CreateOpenFairAsync(FairTestKit.Fair(_factory));
        var owner = await _factory.RegisterEmployerAsync();
        var other = await _factory.RegisterEmployerAsync();
        var posting = await owner.CreatePostingAsync();

        var response = await other.Client.PostAsJsonAsync($"/api/fairs/{fairId}/booths", new { postingIds = new[] { posting } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"职位 {posting}", (await response.ReadObjectAsync())["errors"]!["postingIds"]![0]!.ToString());
    }

    [Fact]
    public async Task SearchPostings_WithinFair_FindsOnlyExhibitorsPostings()
    {
        var organiser = await _factory.CreateOrganiserAsync("南京");
        var fairId = await organiser.CreateOpenFairAsync(FairTestKit.Fair(_factory, booths: 1));
        var exhibitor = await _factory.RegisterEmployerAsync("南京", "南京光伏组件有限公司");
        var outsider = await _factory.RegisterEmployerAsync("南京", "南京另一家光伏有限公司");
        var shown = await exhibitor.CreatePostingAsync(ApiClient.ValidPosting("光伏组件工艺工程师"));
        var notShown = await outsider.CreatePostingAsync(ApiClient.ValidPosting("光伏组件质量工程师"));
        var applied = await (await exhibitor.Client.PostAsJsonAsync($"/api/fairs/{fairId}/booths", new { postingIds = new[] { shown } })).ReadObjectAsync();
        await organiser.Client.PostAsync($"/api/fairs/{fairId}/booths/{(long)applied["id"]!}/approve", null);

        var before = await SearchAsync(fairId, "光伏组件");
        Assert.Empty(before);

        var fair = await _factory.GetFairAsync(fairId);
        _factory.Clock.MoveTo((DateTime)fair["employerWindow"]!["closesAt"]!);
        await _factory.RunDeadlinesAsync(fairId);

        var found = await ImportTestKit.EventuallyAsync(async () => await SearchAsync(fairId, "光伏组件") is { Count: > 0 } hits ? hits : null,
            "the exhibitor's posting in the fair's search");
        Assert.Equal([shown], found);
        var everywhere = await (await _factory.CreateClient().GetAsync("/api/postings/search?q=" + Uri.EscapeDataString("光伏组件"))).ReadObjectAsync();
        Assert.Contains(everywhere["items"]!.AsArray(), i => (long)i!["id"]! == notShown);
        Assert.Equal(HttpStatusCode.NotFound, (await _factory.CreateClient().GetAsync("/api/fairs/999999/postings?q=x")).StatusCode);
    }

    private async Task<List<long>> SearchAsync(long fairId, string q)
    {
        var page = await (await _factory.CreateClient().GetAsync($"/api/fairs/{fairId}/postings?q={Uri.EscapeDataString(q)}")).ReadObjectAsync();
        return page["items"]!.AsArray().Select(i => (long)i!["id"]!).ToList();
    }
}
