using StackExchange.Redis;

namespace Jobs.Tests.Infrastructure;

/// <summary>
/// A fact that needs the local Redis (<c>JOBS_TEST_REDIS</c>, default 127.0.0.1:6379): skipped when none answers, so a
/// developer without Redis still gets a green run; with <c>JOBS_REQUIRE_REDIS=1</c> (CI) it always runs and fails loudly.
/// </summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (!TestRedis.Required && !TestRedis.IsAvailable)
        {
            Skip = $"No Redis answers on {TestRedis.Address}; start one, or set JOBS_REQUIRE_REDIS=1 to fail instead of skipping.";
        }
    }
}

public static class TestRedis
{
    public static string Address { get; } = Environment.GetEnvironmentVariable("JOBS_TEST_REDIS") is { Length: > 0 } address
        ? address
        : "127.0.0.1:6379";

    public static bool Required => Environment.GetEnvironmentVariable("JOBS_REQUIRE_REDIS") == "1";

    // Asked once per test run: every RedisFact's constructor reads it during discovery.
    private static readonly Lazy<bool> Available = new(Probe);

    public static bool IsAvailable => Available.Value;

    /// <summary>A key prefix no other test (or earlier run) uses.</summary>
    public static string UniquePrefix(string kind) => $"jobs-tests:{kind}:{Guid.NewGuid():N}:";

    /// <summary>A multiplexer of the test's own, so a test can act as a second process.</summary>
    public static Task<ConnectionMultiplexer> ConnectAsync() => ConnectionMultiplexer.ConnectAsync(Address);

    /// <summary>Deletes every key under the prefix, leaving the shared Redis as the test found it.</summary>
    public static async Task DeleteKeysAsync(string prefix)
    {
        await using var redis = await ConnectAsync();
        var db = redis.GetDatabase();
        foreach (var server in redis.GetServers())
        {
            await foreach (var key in server.KeysAsync(db.Database, pattern: prefix + "*"))
            {
                await db.KeyDeleteAsync(key);
            }
        }
    }

    private static bool Probe()
    {
        try
        {
            using var redis = ConnectionMultiplexer.Connect(new ConfigurationOptions
            {
                EndPoints = { Address },
                ConnectTimeout = 1000,
                ConnectRetry = 1,
                AbortOnConnectFail = true,
            });
            redis.GetDatabase().Ping();
            return true;
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            return false;
        }
    }
}
