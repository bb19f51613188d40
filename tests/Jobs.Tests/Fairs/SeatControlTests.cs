using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Jobs.Tests.Infrastructure;
using StackExchange.Redis;

namespace Jobs.Tests.Fairs;

/// <summary>Concurrent registrations inside one host, with the database deciding seats and with Redis deciding them.</summary>
public sealed class SeatControlTests
{
    [Fact]
    public Task Register_ConcurrentBurstOnDatabase_SeatsExactlyCapacity() => BurstAsync(new JobsApiFactory());

    [RedisFact]
    public Task Register_ConcurrentBurstOnRedis_SeatsExactlyCapacity() => BurstAsync(new RedisJobsApiFactory());

    [PostgresFact]
    public Task Register_ConcurrentBurstOnPostgres_SeatsExactlyCapacity() => BurstAsync(JobsApiFactory.OnPostgres());

    /// <summary>
    /// Two nodes on one PostgreSQL database, each with its own in-process queue: only the database's write lock orders
    /// their seat decisions, and it must still hand out exactly the capacity, one arrival number each, seats in arrival order.
    /// </summary>
    [PostgresFact]
    public async Task Register_BurstAcrossTwoNodesOnPostgres_SeatsExactlyCapacityInArrivalOrder()
    {
        await using var first = JobsApiFactory.OnPostgres();
        await using var second = JobsApiFactory.SecondNodeOf(first);
        var organiser = await first.CreateOrganiserAsync("南京");
        var fairId = await organiser.CreateOpenFairAsync(FairTestKit.Fair(first, attendees: 50));
        var people = await FairTestKit.AddGraduatesAsync(first.DatabasePath, 200, "nodes");

        var answers = await Task.WhenAll(people.Select((p, i) => RegisterAsync(i % 2 == 0 ? first : second, fairId, p.Token)));

        var registered = answers.Where(a => (string)a["status"]! == "registered").ToList();
        Assert.Equal(50, registered.Count);
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), answers.Select(a => (long)a["arrival"]!).Order());
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), registered.Select(a => (long)a["arrival"]!).Order());
        Assert.All(answers.Where(a => (string)a["status"]! == "waitlisted"), a => Assert.Equal((long)a["arrival"]! - 50, (long)a["position"]!));
        var fair = await second.GetFairAsync(fairId);
        Assert.Equal(50, (int)fair["counts"]!["registered"]!);
        Assert.Equal(150, (int)fair["counts"]!["waitlisted"]!);
    }

    [Fact]
    public Task RegisterAndCancel_RandomSequenceOnDatabase_MatchesTheQueueModel() => RandomSequenceAsync(new JobsApiFactory());

    [RedisFact]
    public Task RegisterAndCancel_RandomSequenceOnRedis_MatchesTheQueueModel() => RandomSequenceAsync(new RedisJobsApiFactory());

    /// <summary>
    /// Registrations and cancellations in a seeded random order, checked after every step against a plain model: seats in
    /// arrival order up to the capacity, a cancelled seat to the head of the waitlist, a returning person at the back.
    /// </summary>
    private static async Task RandomSequenceAsync(JobsApiFactory factory)
    {
        await using var _ = factory;
        const int capacity = 4;
        var organiser = await factory.CreateOrganiserAsync("南京");
        var fairId = await organiser.CreateOpenFairAsync(FairTestKit.Fair(factory, attendees: capacity));
        var people = await FairTestKit.AddGraduatesAsync(factory.DatabasePath, 12, "model");
        var seated = new List<long>();
        var waiting = new List<long>();
        var random = new Random(20191114);
        for (var step = 0; step < 60; step++)
        {
            var (userId, token) = people[random.Next(people.Count)];
            using var client = factory.CreateClient().WithToken(token);
            if (seated.Contains(userId) || waiting.Contains(userId))
            {
                Assert.Equal(HttpStatusCode.OK, (await client.DeleteAsync($"/api/fairs/{fairId}/attendees/me")).StatusCode);
                if (seated.Remove(userId) && waiting.Count > 0)
                {
                    seated.Add(waiting[0]);
                    waiting.RemoveAt(0);
                }

                waiting.Remove(userId);
            }
            else
            {
                var answer = await RegisterAsync(factory, fairId, token);
                var expected = seated.Count < capacity ? "registered" : "waitlisted";
                Assert.Equal(expected, (string)answer["status"]!);
                (expected == "registered" ? seated : waiting).Add(userId);
                if (expected == "waitlisted")
                {
                    Assert.Equal(waiting.Count, (int)answer["position"]!);
                }
            }

            var fair = await factory.GetFairAsync(fairId);
            Assert.Equal(seated.Count, (int)fair["counts"]!["registered"]!);
            Assert.Equal(waiting.Count, (int)fair["counts"]!["waitlisted"]!);
        }

        var list = await (await organiser.Client.GetAsync($"/api/fairs/{fairId}/attendees?status=waitlisted&pageSize=100")).ReadObjectAsync();
        Assert.Equal(Enumerable.Range(1, waiting.Count), list["items"]!.AsArray().Select(i => (int)i!["position"]!));
        Assert.True(seated.Count == capacity || waiting.Count == 0);
    }

    [RedisFact]
    public async Task Register_RedisStateLost_IsRebuiltFromTheDatabase()
    {
        await using var factory = new RedisJobsApiFactory();
        var organiser = await factory.CreateOrganiserAsync("南京");
        var fairId = await organiser.CreateOpenFairAsync(FairTestKit.Fair(factory, attendees: 2));
        var people = await FairTestKit.AddGraduatesAsync(factory.DatabasePath, 4, "lost");
        var first = await RegisterAsync(factory, fairId, people[0].Token);
        var second = await RegisterAsync(factory, fairId, people[1].Token);

        await TestRedis.DeleteKeysAsync(factory.SeatPrefix);
        var third = await RegisterAsync(factory, fairId, people[2].Token);
        var again = await RegisterAsync(factory, fairId, people[0].Token);

        Assert.Equal(["registered", "registered", "waitlisted"], new[] { first, second, third }.Select(r => (string)r["status"]!));
        Assert.Equal(3L, (long)third["arrival"]!);
        Assert.Equal(1, (int)third["position"]!);
        Assert.Equal((string)first["ticket"]!, (string)again["ticket"]!);
    }

    [RedisFact]
    public async Task Reconcile_DecisionWhoseRequestDied_ReleasesTheSeatToTheNextInLine()
    {
        await using var factory = new RedisJobsApiFactory();
        var organiser = await factory.CreateOrganiserAsync("南京");
        var fairId = await organiser.CreateOpenFairAsync(FairTestKit.Fair(factory, attendees: 1));
        var people = await FairTestKit.AddGraduatesAsync(factory.DatabasePath, 2, "ghost");
        var waiting = await RegisterAsync(factory, fairId, people[1].Token);
        Assert.Equal("registered", (string)waiting["status"]!);
        // Another user took the seat in Redis before this one, and its process died before writing to the database: stage
        // that state by hand (seq 0 sorts first; the seated count already includes it).
        using (var redis = await TestRedis.ConnectAsync())
        {
            var db = redis.GetDatabase();
            var prefix = $"{factory.SeatPrefix}{{{fairId}}}:";
            var ghost = people[0].UserId;
            await db.HashSetAsync(prefix + "people", ghost, $"0|R|{DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeMilliseconds()}");
            await db.HashSetAsync(prefix + "people", people[1].UserId, $"2|W|{DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeMilliseconds()}");
            await db.SortedSetAddAsync(prefix + "waitlist", people[1].UserId, 2);
        }

        await factory.RunDeadlinesAsync(fairId);

        using var client = factory.CreateClient().WithToken(people[1].Token);
        var after = await (await client.GetAsync($"/api/fairs/{fairId}/attendees/me")).ReadObjectAsync();
        Assert.Equal("registered", (string)after["status"]!);
        Assert.NotNull((string?)after["ticket"]);
        var ghostClient = factory.CreateClient().WithToken(people[0].Token);
        Assert.Equal(HttpStatusCode.NotFound, (await ghostClient.GetAsync($"/api/fairs/{fairId}/attendees/me")).StatusCode);
    }

    [RedisFact]
    public async Task Register_RedisRebuiltWithoutAnInFlightDecision_DecidesAgainInsteadOfFailing()
    {
        await using var factory = new RedisJobsApiFactory();
        var organiser = await factory.CreateOrganiserAsync("南京");
        var fairId = await organiser.CreateOpenFairAsync(FairTestKit.Fair(factory, attendees: 1));
        var people = await FairTestKit.AddGraduatesAsync(factory.DatabasePath, 2, "rebuilt");
        var first = await RegisterAsync(factory, fairId, people[0].Token);
        // Redis state rebuilt from a database read taken before the first decision was stored: it knows no arrivals.
        using (var redis = await TestRedis.ConnectAsync())
        {
            var prefix = $"{factory.SeatPrefix}{{{fairId}}}:";
            var db = redis.GetDatabase();
            await db.KeyDeleteAsync([prefix + "people", prefix + "waitlist"]);
            await db.HashSetAsync(prefix + "state", [new HashEntry("seq", 0), new HashEntry("seated", 0)]);
        }

        var second = await RegisterAsync(factory, fairId, people[1].Token);

        Assert.Equal(1L, (long)first["arrival"]!);
        Assert.Equal(2L, (long)second["arrival"]!);
        Assert.Equal("waitlisted", (string)second["status"]!);
    }

    [RedisFact]
    public async Task Register_RedisForgotAStoredRegistration_KeepsTheStoredOne()
    {
        await using var factory = new RedisJobsApiFactory();
        var organiser = await factory.CreateOrganiserAsync("南京");
        var fairId = await organiser.CreateOpenFairAsync(FairTestKit.Fair(factory, attendees: 1));
        var people = await FairTestKit.AddGraduatesAsync(factory.DatabasePath, 1, "forgot");
        var first = await RegisterAsync(factory, fairId, people[0].Token);
        using (var redis = await TestRedis.ConnectAsync())
        {
            var prefix = $"{factory.SeatPrefix}{{{fairId}}}:";
            var db = redis.GetDatabase();
            await db.KeyDeleteAsync([prefix + "people", prefix + "waitlist"]);
            await db.HashSetAsync(prefix + "state", [new HashEntry("seq", 1), new HashEntry("seated", 1)]);
        }

        var again = await RegisterAsync(factory, fairId, people[0].Token, HttpStatusCode.OK);

        Assert.Equal(1L, (long)again["arrival"]!);
        Assert.Equal((string)first["ticket"]!, (string)again["ticket"]!);
        Assert.Equal("registered", (string)again["status"]!);
    }

    [RedisFact]
    public async Task Cancel_OnRedis_PromotesTheHeadOfTheWaitlist()
    {
        await using var factory = new RedisJobsApiFactory();
        var organiser = await factory.CreateOrganiserAsync("南京");
        var fairId = await organiser.CreateOpenFairAsync(FairTestKit.Fair(factory, attendees: 1));
        var people = await FairTestKit.AddGraduatesAsync(factory.DatabasePath, 3, "cancel");
        foreach (var (_, token) in people)
        {
            await RegisterAsync(factory, fairId, token);
        }

        using var first = factory.CreateClient().WithToken(people[0].Token);
        Assert.Equal(HttpStatusCode.OK, (await first.DeleteAsync($"/api/fairs/{fairId}/attendees/me")).StatusCode);
        var again = await RegisterAsync(factory, fairId, people[0].Token);

        using var second = factory.CreateClient().WithToken(people[1].Token);
        var promoted = await (await second.GetAsync($"/api/fairs/{fairId}/attendees/me")).ReadObjectAsync();
        Assert.Equal("registered", (string)promoted["status"]!);
        Assert.Equal("waitlisted", (string)again["status"]!);
        Assert.Equal(4L, (long)again["arrival"]!);
        Assert.Equal(2, (int)again["position"]!);
    }

    private static async Task BurstAsync(JobsApiFactory factory)
    {
        await using var _ = factory;
        var organiser = await factory.CreateOrganiserAsync("南京");
        var fairId = await organiser.CreateOpenFairAsync(FairTestKit.Fair(factory, attendees: 100));
        var people = await FairTestKit.AddGraduatesAsync(factory.DatabasePath, 400, "burst");

        var answers = await Task.WhenAll(people.Select(p => RegisterAsync(factory, fairId, p.Token)));
        var repeat = await Task.WhenAll(people.Take(20).Select(p => RegisterAsync(factory, fairId, p.Token, HttpStatusCode.OK)));

        var registered = answers.Where(a => (string)a["status"]! == "registered").ToList();
        Assert.Equal(100, registered.Count);
        Assert.Equal(100, registered.Select(a => (string)a["ticket"]!).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 400).Select(i => (long)i), answers.Select(a => (long)a["arrival"]!).Order());
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), registered.Select(a => (long)a["arrival"]!).Order());
        Assert.All(answers.Where(a => (string)a["status"]! == "waitlisted"), a => Assert.Equal((long)a["arrival"]! - 100, (long)a["position"]!));
        Assert.Equal(answers.Take(20).Select(a => (string?)a["ticket"]), repeat.Select(a => (string?)a["ticket"]));
        var fair = await factory.GetFairAsync(fairId);
        Assert.Equal(100, (int)fair["counts"]!["registered"]!);
        Assert.Equal(300, (int)fair["counts"]!["waitlisted"]!);
    }

    private static async Task<JsonObject> RegisterAsync(JobsApiFactory factory, long fairId, string token, HttpStatusCode? expected = null)
    {
        using var client = factory.CreateClient().WithToken(token);
        var response = await client.PostAsJsonAsync($"/api/fairs/{fairId}/attendees", new { });
        if (expected is { } status)
        {
            Assert.Equal(status, response.StatusCode);
        }
        else
        {
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        return await response.ReadObjectAsync();
    }
}
