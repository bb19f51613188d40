using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Jobs.Tests.Infrastructure;

namespace Jobs.Tests.Nodes;

/// <summary>Two nodes over one database and one Redis: what one node changes, the other hears of through pub/sub at once.</summary>
public sealed class NodeEventsTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "jobs-tests", "events-" + Guid.NewGuid().ToString("N"));
    private readonly string _prefix = TestRedis.UniquePrefix("events");

    private SharedDatabase? _database;

    private NodeFactory Node(string name, params KeyValuePair<string, string?>[] extra) =>
        new(Path.Combine(_root, name), _database ??= SharedDatabase.Create(_root),
    [
        new("ConnectionStrings:Redis", TestRedis.Address),
        new("Web:DataProtectionRedisKey", _prefix + "keys"),
        new("BackgroundJobs:RedisPrefix", _prefix + "hangfire:"),
        new("BackgroundJobs:RedisLockPrefix", _prefix + "lock:"),
        new("BackgroundJobs:RedisSeatPrefix", _prefix + "seats:"),
        new("BackgroundJobs:RedisChannelPrefix", _prefix + "events:"),
        .. extra,
    ]);

    [RedisFact]
    public async Task Logout_OnOneNode_TokenRefusedOnTheOtherBeforeItsCacheExpires()
    {
        using var a = Node("a");
        var graduate = await a.RegisterGraduateAsync();
        // A minute of session caching: only the eviction message can make b refuse the token within the test's second.
        using var b = Node("b", new KeyValuePair<string, string?>("Auth:SessionCacheSeconds", "60"));
        var onB = b.CreateClient();
        onB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", graduate.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/me")).StatusCode);

        (await graduate.Client.PostAsync("/api/auth/logout", null)).EnsureSuccessStatusCode();
        var watch = Stopwatch.StartNew();
        while ((await onB.GetAsync("/api/me")).StatusCode != HttpStatusCode.Unauthorized)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), "the other node still accepts a signed-out session");
            await Task.Delay(20);
        }
    }

    [RedisFact]
    public async Task Search_ChangeOnOtherNode_NudgeAppliesItLongBeforeThePoll()
    {
        using var a = Node("a");
        var employer = await a.RegisterEmployerAsync();
        // Polling once a minute: only the Redis nudge can bring the posting within 2 s.
        using var b = Node("b", new KeyValuePair<string, string?>("ChangeLog:PollIntervalMilliseconds", "60000"));
        var search = b.CreateClient();
        async Task<int> TotalAsync() =>
            (int)JsonNode.Parse(await search.GetStringAsync("/api/postings/search?q=" + Uri.EscapeDataString("\"岩洞探险向导\"")))!["total"]!;
        Assert.Equal(0, await TotalAsync());

        await employer.CreatePostingAsync(ApiClient.ValidPosting(title: "岩洞探险向导"));
        var watch = Stopwatch.StartNew();
        while (await TotalAsync() != 1)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), "the other node did not apply the change within 2 s of its nudge");
            await Task.Delay(20);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await TestRedis.DeleteKeysAsync(_prefix);
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
