using Jobs.Core.Imports;
using Jobs.Core.Storage;
using Jobs.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Jobs.Tests.Domain;

/// <summary>Leases in the SQLite file: two providers stand for two processes, each call on its own connection.</summary>
public sealed class DatabaseLockProviderTests(JobsApiFactory factory) : IClassFixture<JobsApiFactory>
{
    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private (DatabaseLockProvider A, DatabaseLockProvider B, ManualClock Clock) TwoProcesses()
    {
        _ = factory.Server; // the host creates the schema
        var scopes = factory.Services.GetRequiredService<IServiceScopeFactory>();
        var clock = new ManualClock();
        return (new DatabaseLockProvider(scopes, clock), new DatabaseLockProvider(scopes, clock), clock);
    }

    [Fact]
    public async Task TryAcquire_WhileHeld_ReturnsNullUntilReleased()
    {
        var (a, b, _) = TwoProcesses();
        var name = "test:" + Guid.NewGuid();

        var first = await a.TryAcquireAsync(name, TimeSpan.FromMinutes(1), CancellationToken.None);
        var second = await b.TryAcquireAsync(name, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.NotNull(first);
        Assert.Null(second);

        await first.DisposeAsync();
        var third = await b.TryAcquireAsync(name, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.NotNull(third);
        await third.DisposeAsync();
    }

    [Fact]
    public async Task TryAcquire_AfterLeaseExpires_TakesItAndOldHolderCannotRenewOrRelease()
    {
        var (a, b, clock) = TwoProcesses();
        var name = ImportService.LockName("test-" + Guid.NewGuid().ToString("N"));
        var dead = await a.TryAcquireAsync(name, TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.NotNull(dead);

        clock.Now += TimeSpan.FromSeconds(29);
        Assert.Null(await b.TryAcquireAsync(name, TimeSpan.FromSeconds(30), CancellationToken.None));
        clock.Now += TimeSpan.FromSeconds(2);
        var taker = await b.TryAcquireAsync(name, TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.NotNull(taker);

        Assert.False(await dead.RenewAsync(CancellationToken.None));
        await dead.DisposeAsync();
        Assert.Null(await a.TryAcquireAsync(name, TimeSpan.FromSeconds(30), CancellationToken.None));
        Assert.True(await taker.RenewAsync(CancellationToken.None));
        await taker.DisposeAsync();
    }

    [Fact]
    public async Task Renew_BeforeExpiry_KeepsOthersOut()
    {
        var (a, b, clock) = TwoProcesses();
        var name = "test:" + Guid.NewGuid();
        var held = await a.TryAcquireAsync(name, TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.NotNull(held);

        clock.Now += TimeSpan.FromSeconds(20);
        Assert.True(await held.RenewAsync(CancellationToken.None));
        clock.Now += TimeSpan.FromSeconds(20);

        Assert.Null(await b.TryAcquireAsync(name, TimeSpan.FromSeconds(30), CancellationToken.None));
        await held.DisposeAsync();
    }
}
