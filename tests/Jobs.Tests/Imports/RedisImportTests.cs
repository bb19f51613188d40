using System.Net;
using Hangfire;
using Hangfire.Storage;
using Jobs.Background;
using Jobs.Background.Imports;
using Jobs.Core.Imports;
using Jobs.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Jobs.Tests.Imports.ImportTestKit;

namespace Jobs.Tests.Imports;

/// <summary>Scheduled imports and the one-import-per-source rule on Hangfire's Redis storage and Redis leases.</summary>
public sealed class RedisImportTests : IAsyncLifetime
{
    private readonly string _feed = Path.Combine(Path.GetTempPath(), "jobs-tests", "redis-feed-" + Guid.NewGuid().ToString("N") + ".csv");
    private RedisJobsApiFactory? _host;

    private RedisJobsApiFactory Host => _host!;

    public Task InitializeAsync()
    {
        // Required: build the host even if the one-second probe timed out (a loaded machine), so a Redis that is really
        // missing fails in the host with its own error, and a slow one still runs the tests.
        if (TestRedis.Required || TestRedis.IsAvailable)
        {
            _host = new RedisJobsApiFactory(
            [
                new("Imports:Sources:0:City", "芜湖"),
                new("Imports:Sources:0:Location", _feed),
                new("Imports:Sources:0:Cron", "30 1 * * *"),
            ]);
        }

        return Task.CompletedTask;
    }

    [RedisFact]
    public async Task RecurringImport_OnRedisStorage_IsRegisteredAndRuns()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_feed)!);
        await File.WriteAllBytesAsync(_feed, Csv(Rows("rw", 3, city: "芜湖")));
        var admin = await Host.SignInAdminAsync();
        var storage = Host.Services.GetRequiredService<JobStorage>();
        Assert.Equal("RedisStorage", storage.GetType().Name);
        using (var connection = storage.GetConnection())
        {
            Assert.Equal("30 1 * * *", connection.GetRecurringJobs().Single(j => j.Id == CityFeedImportJob.RecurringId("wuhu")).Cron);
        }

        Host.Services.GetRequiredService<IRecurringJobManager>().Trigger(CityFeedImportJob.RecurringId("wuhu"));

        var run = await EventuallyAsync(async () =>
        {
            var runs = await admin.GetJsonAsync("/api/imports?city=wuhu");
            return runs["items"]!.AsArray().Select(r => r!.AsObject()).FirstOrDefault(r => (string)r["status"]! == "succeeded");
        }, "the scheduled import on Redis storage");
        Assert.Equal(("schedule", 3), ((string)run["trigger"]!, run.Count("added")));
    }

    [RedisFact]
    public async Task Upload_WhileAnotherProcessHoldsTheRedisLease_Returns409()
    {
        var admin = await Host.SignInAdminAsync();
        var prefix = Host.Services.GetRequiredService<IOptions<BackgroundJobsOptions>>().Value.RedisLockPrefix;
        // Another process: its own multiplexer, its own lock provider, the same Redis keys.
        await using var elsewhere = await TestRedis.ConnectAsync();
        var otherProcess = new RedisLockProvider(elsewhere, Options.Create(new BackgroundJobsOptions { RedisLockPrefix = prefix }));
        var lease = await otherProcess.TryAcquireAsync(ImportService.LockName("wuhu"), TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.NotNull(lease);

        var busy = await admin.UploadAsync("芜湖", Csv(Rows("rl", 1, city: "芜湖")));
        await lease.DisposeAsync();
        var free = await admin.UploadAsync("芜湖", Csv(Rows("rl", 1, city: "芜湖")));

        Assert.Equal(HttpStatusCode.Conflict, busy.StatusCode);
        Assert.Equal(HttpStatusCode.OK, free.StatusCode);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        File.Delete(_feed);
    }
}
