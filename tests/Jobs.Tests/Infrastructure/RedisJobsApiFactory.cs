namespace Jobs.Tests.Infrastructure;

/// <summary>The real host with Hangfire and leases on the test Redis, under key prefixes of its own.</summary>
public sealed class RedisJobsApiFactory(IEnumerable<KeyValuePair<string, string?>>? extraSettings = null) : JobsApiFactory
{
    public string HangfirePrefix { get; } = TestRedis.UniquePrefix("hangfire");

    public string LockPrefix { get; } = TestRedis.UniquePrefix("lock");

    public string SeatPrefix { get; } = TestRedis.UniquePrefix("seats");

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
    [
        new("ConnectionStrings:Redis", TestRedis.Address),
        new("BackgroundJobs:RedisPrefix", HangfirePrefix),
        new("BackgroundJobs:RedisLockPrefix", LockPrefix),
        new("BackgroundJobs:RedisSeatPrefix", SeatPrefix),
        .. extraSettings ?? [],
    ];

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // After the host (and its Hangfire server) stopped, so nothing writes under the prefixes any more.
        await TestRedis.DeleteKeysAsync(HangfirePrefix);
        await TestRedis.DeleteKeysAsync(LockPrefix);
        await TestRedis.DeleteKeysAsync(SeatPrefix);
    }
}
