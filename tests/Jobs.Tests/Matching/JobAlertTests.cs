using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jobs.Background.Alerts;
using Jobs.Core.Alerts;
using Jobs.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Jobs.Tests.Matching;

/// <summary>Each test gets its own host and database: alert runs look at every subscription.</summary>
public sealed class JobAlertTests : IAsyncLifetime
{
    private readonly JobsApiFactory _factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<JobAlertsReport> RunAlertsAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<JobAlertsJob>().ExecuteAsync(CancellationToken.None);
    }

    private static async Task<JsonObject> NotificationsAsync(SignedIn who, string query = "")
    {
        var response = await who.Client.GetAsync("/api/me/notifications" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadObjectAsync();
    }

    private static async Task<long> SaveAlertAsync(SignedIn graduate, object body)
    {
        var response = await graduate.Client.PostAsJsonAsync("/api/me/alerts", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return (long)JsonNode.Parse(text)!["id"]!;
    }

    [Fact]
    public async Task Run_SavedSearch_NotifiesNewMatchingPostingsOnce()
    {
        var employer = await _factory.RegisterEmployerAsync();
        var old = await employer.CreatePostingAsync(MatchingFixture.JavaPosting("南京"));
        var graduate = await _factory.RegisterGraduateAsync();
        await SaveAlertAsync(graduate, new { kind = "search", q = "Java", city = new[] { "南京" } });

        var fresh = await employer.CreatePostingAsync(MatchingFixture.JavaPosting("南京", title: "Java后端开发"));
        await employer.CreatePostingAsync(MatchingFixture.JavaPosting("淮安"));
        await employer.CreatePostingAsync(new
        {
            title = "会计", description = "负责日常账务处理和纳税申报，熟练使用金蝶财务软件。", city = "南京", category = "金融/保险",
            salaryMin = 6000, salaryMax = 8000, education = "大专", experience = "不限", headcount = 1,
        });

        var first = await RunAlertsAsync();
        Assert.Equal(1, first.Notifications);
        var list = await NotificationsAsync(graduate);
        Assert.Equal(1, (int)list["total"]!);
        Assert.Equal(1, (int)list["unread"]!);
        var notification = list["items"]![0]!;
        Assert.Equal("job-alert", (string)notification["kind"]!);
        var ids = notification["postings"]!.AsArray().Select(p => (long)p!["postingId"]!).ToList();
        Assert.Equal([fresh], ids);
        Assert.DoesNotContain(old, ids);

        var again = await RunAlertsAsync();
        Assert.Equal(0, again.Notifications);
        Assert.Equal(1, (int)(await NotificationsAsync(graduate))["total"]!);
    }

    [Fact]
    public async Task Run_ResumeMatches_NotifiesFittingPostingsButNotHardRuleFailures()
    {
        var graduate = await _factory.RegisterGraduateAsync();
        await graduate.CreateResumeAsync(MatchingFixture.Resume("计算机科学与技术", "本科", ["Java", "Spring Boot", "MySQL"], ["南京"],
            desiredTitles: ["Java开发工程师"]));
        await SaveAlertAsync(graduate, new { kind = "resume" });

        var employer = await _factory.RegisterEmployerAsync();
        var fits = await employer.CreatePostingAsync(MatchingFixture.JavaPosting("南京"));
        var master = await employer.CreatePostingAsync(MatchingFixture.JavaPosting("南京", education: "硕士", title: "Java架构师"));

        Assert.Equal(1, (await RunAlertsAsync()).Notifications);
        var postings = (await NotificationsAsync(graduate))["items"]![0]!["postings"]!.AsArray();
        var only = Assert.Single(postings);
        Assert.Equal(fits, (long)only!["postingId"]!);
        Assert.True((double)only["score"]! >= 0.5);
        Assert.DoesNotContain(master, postings.Select(p => (long)p!["postingId"]!));
    }

    [Fact]
    public async Task Run_TwoAlertsFindSamePosting_PersonNotifiedOnce()
    {
        var graduate = await _factory.RegisterGraduateAsync();
        await SaveAlertAsync(graduate, new { kind = "search", q = "Java" });
        await SaveAlertAsync(graduate, new { kind = "search", city = new[] { "南京" } });
        var employer = await _factory.RegisterEmployerAsync();
        var posting = await employer.CreatePostingAsync(MatchingFixture.JavaPosting("南京"));

        var report = await RunAlertsAsync();

        Assert.Equal(2, report.Subscriptions);
        Assert.Equal(1, report.PostingsNotified);
        var items = (await NotificationsAsync(graduate))["items"]!.AsArray();
        var all = items.SelectMany(n => n!["postings"]!.AsArray()).Select(p => (long)p!["postingId"]!).ToList();
        Assert.Equal([posting], all);
    }

    [Fact]
    public async Task Run_TwiceAtOnce_NothingTwiceNothingMissed()
    {
        var graduates = new List<SignedIn>();
        for (var i = 0; i < 4; i++)
        {
            var g = await _factory.RegisterGraduateAsync();
            await SaveAlertAsync(g, new { kind = "search", q = "Java" });
            graduates.Add(g);
        }

        var employer = await _factory.RegisterEmployerAsync();
        var postings = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            postings.Add(await employer.CreatePostingAsync(MatchingFixture.JavaPosting("南京", title: $"Java开发工程师{i + 1}号")));
        }

        var reports = await Task.WhenAll(RunAlertsAsync(), RunAlertsAsync());

        Assert.Equal(4, reports.Sum(r => r.Notifications));
        foreach (var g in graduates)
        {
            var items = (await NotificationsAsync(g))["items"]!.AsArray();
            var notified = Assert.Single(items)!["postings"]!.AsArray().Select(p => (long)p!["postingId"]!).Order().ToList();
            Assert.Equal(postings.Order().ToList(), notified);
        }
    }

    [Fact]
    public async Task Record_RetriedWithTheWindowItAlreadyRecorded_ChangesNothing()
    {
        var graduate = await _factory.RegisterGraduateAsync();
        var alertId = await SaveAlertAsync(graduate, new { kind = "search", q = "Java" });
        var employer = await _factory.RegisterEmployerAsync();
        var posting = await employer.CreatePostingAsync(MatchingFixture.JavaPosting("南京"));

        await using var scope = _factory.Services.CreateAsyncScope();
        var alerts = scope.ServiceProvider.GetRequiredService<AlertService>();
        var subscription = (await alerts.ListDueAsync(posting, CancellationToken.None)).Single(s => s.Id == alertId);
        var match = new AlertMatch(posting, "Java开发工程师", "南京测试科技有限公司", "nanjing", null);

        // A run that committed and then died before reporting: its retry carries the same window and must be refused.
        var first = await alerts.RecordAsync(subscription, subscription.LastPostingId, posting, [match], 20, CancellationToken.None);
        var retry = await alerts.RecordAsync(subscription, subscription.LastPostingId, posting, [match], 20, CancellationToken.None);

        Assert.True(first.Applied);
        Assert.Equal(1, first.Notified);
        Assert.False(retry.Applied);
        Assert.Equal(1, (int)(await NotificationsAsync(graduate))["total"]!);
        Assert.Empty(await alerts.ListDueAsync(posting, CancellationToken.None));
    }

    [Fact]
    public async Task Run_PostingsArrivingAfterARun_NotifiedByTheNextRun()
    {
        var graduate = await _factory.RegisterGraduateAsync();
        await SaveAlertAsync(graduate, new { kind = "search", q = "Java" });
        var employer = await _factory.RegisterEmployerAsync();
        var first = await employer.CreatePostingAsync(MatchingFixture.JavaPosting("南京"));
        await RunAlertsAsync();
        var second = await employer.CreatePostingAsync(MatchingFixture.JavaPosting("镇江"));
        await RunAlertsAsync();

        var items = (await NotificationsAsync(graduate))["items"]!.AsArray();
        Assert.Equal(2, items.Count);
        // Newest first.
        Assert.Equal(second, (long)items[0]!["postings"]![0]!["postingId"]!);
        Assert.Equal(first, (long)items[1]!["postings"]![0]!["postingId"]!);
    }

    [Fact]
    public async Task Notifications_MarkRead_UnreadCountFalls()
    {
        var graduate = await _factory.RegisterGraduateAsync();
        await SaveAlertAsync(graduate, new { kind = "search", q = "Java" });
        var employer = await _factory.RegisterEmployerAsync();
        await employer.CreatePostingAsync(MatchingFixture.JavaPosting("南京"));
        await RunAlertsAsync();
        var id = (long)(await NotificationsAsync(graduate))["items"]![0]!["id"]!;

        var other = await _factory.RegisterGraduateAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.PostAsync($"/api/me/notifications/{id}/read", null)).StatusCode);
        var read = await graduate.Client.PostAsync($"/api/me/notifications/{id}/read", null);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.True((bool)(await read.ReadObjectAsync())["read"]!);

        var list = await NotificationsAsync(graduate);
        Assert.Equal(0, (int)list["unread"]!);
        Assert.Equal(0, (int)(await NotificationsAsync(graduate, "?unread=true"))["total"]!);
        Assert.Equal(1, (int)list["total"]!);
    }

    [Fact]
    public async Task Alerts_BadRequests_ClearProblems()
    {
        var graduate = await _factory.RegisterGraduateAsync();
        var badKind = await graduate.Client.PostAsJsonAsync("/api/me/alerts", new { kind = "daily" });
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.True((await badKind.ReadObjectAsync())["errors"]!.AsObject().ContainsKey("kind"));

        var badCity = await graduate.Client.PostAsJsonAsync("/api/me/alerts", new { kind = "search", city = new[] { "火星" } });
        Assert.Equal(HttpStatusCode.BadRequest, badCity.StatusCode);

        var noResume = await graduate.Client.PostAsJsonAsync("/api/me/alerts", new { kind = "resume" });
        Assert.Equal(HttpStatusCode.Conflict, noResume.StatusCode);

        var employer = await _factory.RegisterEmployerAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await employer.Client.PostAsJsonAsync("/api/me/alerts", new { kind = "search", q = "Java" })).StatusCode);

        var id = await SaveAlertAsync(graduate, new { kind = "search", q = "Java", city = new[] { "南京" } });
        var list = JsonNode.Parse(await graduate.Client.GetStringAsync("/api/me/alerts"))!.AsArray();
        var saved = Assert.Single(list)!;
        Assert.Equal("nanjing", (string)saved["criteria"]!["cities"]![0]!["code"]!);
        Assert.Equal(HttpStatusCode.NotFound, (await employer.Client.DeleteAsync($"/api/me/alerts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await graduate.Client.DeleteAsync($"/api/me/alerts/{id}")).StatusCode);
        Assert.Empty(JsonNode.Parse(await graduate.Client.GetStringAsync("/api/me/alerts"))!.AsArray());
    }
}
