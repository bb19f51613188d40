using Jobs.Background;
using Jobs.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Jobs.Tests.Background;

/// <summary>Two providers on two multiplexers: two processes contending for the same names on one Redis.</summary>
public sealed class RedisLockProviderTests : IAsyncLifetime
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(1);
    // Long enough that a loaded machine cannot let it run out between two adjacent calls of one test.
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(1500);

    private readonly string _prefix = TestRedis.UniquePrefix("lock");
    private ConnectionMultiplexer? _first;
    private ConnectionMultiplexer? _second;

    private RedisLockProvider First => Provider(_first!);

    private RedisLockProvider Second => Provider(_second!);

    public async Task InitializeAsync()
    {
        _first = await TestRedis.ConnectAsync();
        _second = await TestRedis.ConnectAsync();
        // The first take, extend and release on a multiplexer can spend most of a short lease compiling the client's
        // code paths; the timing in these tests is about leases, not about a cold start.
        foreach (var provider in new[] { First, Second })
        {
            await using var warm = await provider.TryAcquireAsync("warm-up", Long, CancellationToken.None);
            Assert.NotNull(warm);
            Assert.True(await warm.RenewAsync(CancellationToken.None));
        }
    }

    public async Task DisposeAsync()
    {
        await _first!.DisposeAsync();
        await _second!.DisposeAsync();
        await TestRedis.DeleteKeysAsync(_prefix);
    }

    private RedisLockProvider Provider(IConnectionMultiplexer redis) =>
        new(redis, Options.Create(new BackgroundJobsOptions { RedisLockPrefix = _prefix }));

    private static async Task<T> EventuallyAsync<T>(Func<Task<T?>> attempt, TimeSpan timeout) where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (await attempt() is { } result)
            {
                return result;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Nothing within {timeout}.");
            await Task.Delay(50);
        }
    }

    [RedisFact]
    public async Task TryAcquire_HeldByAnotherProcess_ReturnsNull()
    {
        await using var held = await First.TryAcquireAsync("import", Long, CancellationToken.None);
        Assert.NotNull(held);
        Assert.Equal("import", held.Name);

        Assert.Null(await Second.TryAcquireAsync("import", Long, CancellationToken.None));
        // The holder itself gets no second lease either: a name is one lease, not a re-entrant lock.
        Assert.Null(await First.TryAcquireAsync("import", Long, CancellationToken.None));
    }

    [RedisFact]
    public async Task TryAcquire_OtherName_IsIndependent()
    {
        await using var held = await First.TryAcquireAsync("import:320100", Long, CancellationToken.None);
        Assert.NotNull(held);

        await using var other = await Second.TryAcquireAsync("import:340200", Long, CancellationToken.None);
        Assert.NotNull(other);
    }

    [RedisFact]
    public async Task TryAcquire_AfterRelease_Succeeds()
    {
        var held = await First.TryAcquireAsync("import", Long, CancellationToken.None);
        Assert.NotNull(held);
        await held.DisposeAsync();

        await using var next = await Second.TryAcquireAsync("import", Long, CancellationToken.None);
        Assert.NotNull(next);
    }

    [RedisFact]
    public async Task TryAcquire_AfterLeaseExpires_Succeeds()
    {
        await using var held = await First.TryAcquireAsync("import", Short, CancellationToken.None);
        Assert.NotNull(held);
        Assert.Null(await Second.TryAcquireAsync("import", Long, CancellationToken.None));

        await using var next = await EventuallyAsync(() => Second.TryAcquireAsync("import", Long, CancellationToken.None), TimeSpan.FromSeconds(10));
        Assert.Equal("import", next.Name);
    }

    [RedisFact]
    public async Task Renew_HeldLease_KeepsItPastItsFirstExpiry()
    {
        // Seconds, not milliseconds: on a loaded two-core CI machine one round trip has taken most of a second.
        var lease = TimeSpan.FromSeconds(3);
        await using var held = await First.TryAcquireAsync("import", lease, CancellationToken.None);
        Assert.NotNull(held);

        for (var i = 0; i < 5; i++)
        {
            await Task.Delay(lease / 3);
            Assert.True(await held.RenewAsync(CancellationToken.None), $"Renewal {i} failed.");
        }

        // More than one lease length has passed since the acquire; only the renewals keep the name taken.
        Assert.Null(await Second.TryAcquireAsync("import", Long, CancellationToken.None));
    }

    [RedisFact]
    public async Task Renew_LostLease_ReturnsFalse()
    {
        await using var lost = await First.TryAcquireAsync("import", Short, CancellationToken.None);
        Assert.NotNull(lost);
        await using var next = await EventuallyAsync(() => Second.TryAcquireAsync("import", Long, CancellationToken.None), TimeSpan.FromSeconds(10));

        Assert.False(await lost.RenewAsync(CancellationToken.None));
        Assert.True(await next.RenewAsync(CancellationToken.None));
    }

    [RedisFact]
    public async Task Dispose_LostLease_KeepsNewHoldersLease()
    {
        var lost = await First.TryAcquireAsync("import", Short, CancellationToken.None);
        Assert.NotNull(lost);
        await using var next = await EventuallyAsync(() => Second.TryAcquireAsync("import", Long, CancellationToken.None), TimeSpan.FromSeconds(10));

        await lost.DisposeAsync();

        Assert.Null(await First.TryAcquireAsync("import", Long, CancellationToken.None));
        Assert.True(await next.RenewAsync(CancellationToken.None));
    }

    [RedisFact]
    public async Task Renew_AfterDispose_ReturnsFalse()
    {
        var held = await First.TryAcquireAsync("import", Long, CancellationToken.None);
        Assert.NotNull(held);
        await held.DisposeAsync();

        Assert.False(await held.RenewAsync(CancellationToken.None));
        // Disposing twice is harmless and does not release a lease taken in between.
        await using var next = await Second.TryAcquireAsync("import", Long, CancellationToken.None);
        Assert.NotNull(next);
        await held.DisposeAsync();
        Assert.True(await next.RenewAsync(CancellationToken.None));
    }
}
