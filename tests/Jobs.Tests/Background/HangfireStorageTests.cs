using System.Net;
using System.Net.Http.Json;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.Redis.StackExchange;
using Hangfire.Storage;
using Jobs.Background;
using Jobs.Background.Alerts;
using Jobs.Core.Common;
using Jobs.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Jobs.Tests.Background;

public sealed class HangfireStorageTests
{
    // Not the default, so finding it in storage shows that configuration reached the registration.
    private const string Cron = "15 6 * * 1-5";

    [RedisFact]
    public async Task Trigger_JobAlertsOnRedis_RunsThroughRedisAndNotifies()
    {
        await using var factory = new RedisJobsApiFactory([new("JobAlerts:Cron", Cron)]);
        var employer = await factory.RegisterEmployerAsync();
        var graduate = await factory.RegisterGraduateAsync();
        var saved = await graduate.Client.PostAsJsonAsync("/api/me/alerts", new { kind = "search", q = "Java", city = new[] { "南京" } });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var posting = await employer.CreatePostingAsync();

        var storage = Assert.IsType<RedisStorage>(factory.Services.GetRequiredService<JobStorage>());
        var jobId = factory.Services.GetRequiredService<IRecurringJobManagerV2>().TriggerJob(JobAlertsJob.RecurringId);
        Assert.False(string.IsNullOrEmpty(jobId));

        var state = await WaitForFinalStateAsync(storage, jobId, TimeSpan.FromSeconds(60));
        Assert.Equal("Succeeded", state);
        var notifications = await (await graduate.Client.GetAsync("/api/me/notifications")).ReadObjectAsync();
        Assert.Equal(1, (int)notifications["total"]!);
        var listed = notifications["items"]![0]!["postings"]!.AsArray().Select(p => (long)p!["postingId"]!);
        Assert.Equal([posting], listed);
    }

    [RedisFact]
    public async Task Start_RedisConfigured_RegistersRecurringJobUnderPrefix()
    {
        await using var factory = new RedisJobsApiFactory([new("JobAlerts:Cron", Cron)]);
        var storage = factory.Services.GetRequiredService<JobStorage>();

        using (var connection = storage.GetConnection())
        {
            var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == JobAlertsJob.RecurringId);
            Assert.Equal(Cron, job.Cron);
            Assert.Equal("Asia/Shanghai", job.TimeZoneId);
        }

        // Read back without Hangfire: the registration is in Redis, under this host's prefix.
        await using var redis = await TestRedis.ConnectAsync();
        var fields = await redis.GetDatabase().HashGetAllAsync(factory.HangfirePrefix + "recurring-job:" + JobAlertsJob.RecurringId);
        Assert.Contains(fields, f => f.Name == "Cron" && f.Value == Cron);
    }

    [RedisFact]
    public async Task Services_RedisConfigured_LeasesAreRedisOnTheSharedMultiplexer()
    {
        await using var factory = new RedisJobsApiFactory();
        var provider = Assert.IsType<RedisLockProvider>(factory.Services.GetRequiredService<IDistributedLockProvider>());
        var multiplexer = factory.Services.GetRequiredService<IConnectionMultiplexer>();
        Assert.Same(multiplexer, factory.Services.GetRequiredService<IConnectionMultiplexer>());
        Assert.True(multiplexer.IsConnected);

        await using var lease = await provider.TryAcquireAsync("feed-import", TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.NotNull(lease);
        await using var redis = await TestRedis.ConnectAsync();
        Assert.True(await redis.GetDatabase().KeyExistsAsync(factory.LockPrefix + "feed-import"));
    }

    [Fact]
    public async Task Services_NoRedisConfigured_InMemoryStorageAndNoRedisLeases()
    {
        await using var factory = new JobsApiFactory();

        Assert.IsType<InMemoryStorage>(factory.Services.GetRequiredService<JobStorage>());
        Assert.Null(factory.Services.GetService<IConnectionMultiplexer>());
        Assert.IsNotType<RedisLockProvider>(factory.Services.GetService<IDistributedLockProvider>());
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        Assert.Contains(connection.GetRecurringJobs(), j => j.Id == JobAlertsJob.RecurringId);
    }

    /// <summary>Polls the job's state in storage until it succeeds or fails; a failure's reason goes into the assertion.</summary>
    private static async Task<string> WaitForFinalStateAsync(JobStorage storage, string jobId, TimeSpan timeout)
    {
        var monitoring = storage.GetMonitoringApi();
        var deadline = DateTime.UtcNow + timeout;
        string? last = null;
        while (DateTime.UtcNow < deadline)
        {
            var details = monitoring.JobDetails(jobId);
            // History is newest first.
            var current = details?.History.FirstOrDefault();
            last = current?.StateName;
            if (last is "Succeeded")
            {
                return last;
            }

            if (last is "Failed" or "Deleted")
            {
                return $"{last}: {current!.Reason} {string.Join(" ", current.Data.Select(d => $"{d.Key}={d.Value}"))}";
            }

            await Task.Delay(100);
        }

        return $"still {last ?? "unknown"} after {timeout}";
    }
}
