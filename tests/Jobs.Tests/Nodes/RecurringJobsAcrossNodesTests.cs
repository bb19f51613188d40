using System.Collections.Concurrent;
using System.Diagnostics;
using Hangfire;
using Hangfire.Server;
using Jobs.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Jobs.Tests.Nodes;

/// <summary>
/// A recurring job the test puts on a two-second schedule; each run records which job it was, on which server, and when
/// the scheduler created it. Static because both nodes run in this process and the test reads what either recorded.
/// </summary>
public sealed class RecurringProbeJob
{
    public sealed record Run(string JobId, string ServerId, DateTime CreatedAt);

    public static ConcurrentDictionary<string, ConcurrentQueue<Run>> Runs { get; } = new();

    /// <summary>Hangfire passes its own <see cref="PerformContext"/> in place of the null the schedule was written with.</summary>
    public Task RunAsync(string run, PerformContext context)
    {
        Runs.GetOrAdd(run, _ => new()).Enqueue(new Run(context.BackgroundJob.Id, context.ServerId, context.BackgroundJob.CreatedAt));
        return Task.CompletedTask;
    }
}

/// <summary>
/// Two nodes, each with its own Hangfire server (its own recurring-job scheduler polling every second), on one Redis under a
/// prefix of the test's own: a recurring job on a two-second schedule is triggered once per schedule point, not once per node.
/// </summary>
public sealed class RecurringJobsAcrossNodesTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Points = 6;
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(2);
    private const string EveryTwoSeconds = "*/2 * * * * *";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "jobs-tests", "recurring-" + Guid.NewGuid().ToString("N"));
    private readonly string _prefix = TestRedis.UniquePrefix("recurring");
    private readonly string _run = Guid.NewGuid().ToString("N");

    private SharedDatabase? _database;

    private string HangfirePrefix => _prefix + "hangfire:";

    private NodeFactory Node(string name) =>
        new(Path.Combine(_root, name), _database ??= SharedDatabase.Create(_root),
        [
            new("ConnectionStrings:Redis", TestRedis.Address),
            new("Web:DataProtectionRedisKey", _prefix + "keys"),
            new("BackgroundJobs:RedisPrefix", HangfirePrefix),
            new("BackgroundJobs:RedisLockPrefix", _prefix + "lock:"),
            new("BackgroundJobs:RedisSeatPrefix", _prefix + "seats:"),
            new("BackgroundJobs:RedisChannelPrefix", _prefix + "events:"),
            new("BackgroundJobs:WorkerCount", "2"),
            new("BackgroundJobs:SchedulePollingSeconds", "1"),
        ]);

    [RedisFact]
    public async Task RecurringJob_TwoNodesOneRedis_EachSchedulePointRunsOnce()
    {
        using var a = Node("a");
        using var b = Node("b");
        var storage = a.Services.GetRequiredService<JobStorage>();
        _ = b.Services; // starts b and its Hangfire server

        // Both schedulers must be live, or "once" would prove nothing.
        var watch = Stopwatch.StartNew();
        while (storage.GetMonitoringApi().Servers().Count < 2)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "the two nodes' Hangfire servers did not both announce themselves");
            await Task.Delay(100);
        }

        var servers = storage.GetMonitoringApi().Servers().Select(s => s.Name).ToList();
        Assert.Equal(2, servers.Count);

        var id = "test-probe-" + _run;
        var run = _run;
        a.Services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<RecurringProbeJob>(id, job => job.RunAsync(run, null!), EveryTwoSeconds);

        // Until the schedule has fired at Points distinct points (and a generous allowance for a loaded machine).
        var runs = RecurringProbeJob.Runs.GetOrAdd(_run, _ => new());
        watch.Restart();
        var limit = Period * Points + TimeSpan.FromSeconds(45);
        while (runs.Select(r => Slot(r.CreatedAt)).Distinct().Count() < Points)
        {
            Assert.True(watch.Elapsed < limit, $"only {runs.Count} runs within {limit.TotalSeconds} s");
            await Task.Delay(100);
        }

        a.Services.GetRequiredService<IRecurringJobManager>().RemoveIfExists(id);

        // What the storage holds: every background job the schedulers created for this recurring job. Each must have run,
        // exactly once; jobs created just before the removal are waited for.
        IReadOnlyList<string> created = [];
        watch.Restart();
        while (true)
        {
            created = await CreatedJobsAsync(storage, id);
            var ran = runs.Select(r => r.JobId).ToHashSet();
            if (created.All(ran.Contains))
            {
                break;
            }

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"created jobs that never ran: {string.Join(", ", created.Where(j => !ran.Contains(j)))}");
            await Task.Delay(100);
        }

        var all = runs.ToList();
        var perSlot = all.GroupBy(r => Slot(r.CreatedAt)).OrderBy(g => g.Key).ToList();
        var first = perSlot[0].Key;
        var skipped = (int)((perSlot[^1].Key - first) / Period.Ticks) + 1 - perSlot.Count;
        output.WriteLine($"servers: {string.Join(", ", servers)}");
        output.WriteLine($"{all.Count} runs over {perSlot.Count} schedule points ({skipped} points skipped by a late poll); ran on: " +
            string.Join(", ", all.GroupBy(r => r.ServerId).Select(g => $"{g.Key} ×{g.Count()}")));
        foreach (var slot in perSlot)
        {
            output.WriteLine($"  {new DateTime(slot.Key, DateTimeKind.Utc):HH:mm:ss}: " +
                string.Join("; ", slot.Select(r => $"job {r.JobId} created {r.CreatedAt:HH:mm:ss.fff} on {r.ServerId}")));
        }

        Assert.True(perSlot.Count >= Points, $"{perSlot.Count} schedule points fired");
        Assert.All(perSlot, slot => Assert.True(slot.Count() == 1,
            $"schedule point {new DateTime(slot.Key, DateTimeKind.Utc):HH:mm:ss} ran {slot.Count()} times: {string.Join(", ", slot)}"));
        Assert.All(all.GroupBy(r => r.JobId), job => Assert.True(job.Count() == 1, $"job {job.Key} ran {job.Count()} times"));
        Assert.Equal(created.Order(), all.Select(r => r.JobId).Order());
    }

    /// <summary>The schedule point a run belongs to: the scheduler triggers at or after it, before the next one.</summary>
    private static long Slot(DateTime createdAt) => createdAt.Ticks - createdAt.Ticks % Period.Ticks;

    /// <summary>Ids of the background jobs under the test's Hangfire prefix that the recurring job <paramref name="id"/> created.</summary>
    private async Task<IReadOnlyList<string>> CreatedJobsAsync(JobStorage storage, string id)
    {
        await using var redis = await TestRedis.ConnectAsync();
        var db = redis.GetDatabase();
        var jobKey = HangfirePrefix + "job:";
        var ids = new List<string>();
        foreach (var server in redis.GetServers())
        {
            await foreach (var key in server.KeysAsync(db.Database, pattern: jobKey + "*"))
            {
                var jobId = key.ToString()[jobKey.Length..];
                // job:{id}:history and job:{id}:state belong to the same job.
                if (!jobId.Contains(':', StringComparison.Ordinal))
                {
                    ids.Add(jobId);
                }
            }
        }

        var monitoring = storage.GetMonitoringApi();
        return ids.Where(j => monitoring.JobDetails(j)?.Properties is { } p && p.TryGetValue("RecurringJobId", out var r) && r.Trim('"') == id).ToList();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        RecurringProbeJob.Runs.TryRemove(_run, out _);
        await TestRedis.DeleteKeysAsync(_prefix);
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the WAL a moment longer; a leftover temp folder is harmless.
        }
    }
}
