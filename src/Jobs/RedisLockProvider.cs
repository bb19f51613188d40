using Jobs.Core.Common;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Jobs.Background;

/// <summary>
/// Leases as Redis keys that expire on their own (SET NX PX). Each handle holds a token of its own, and extending or
/// releasing compares it first, so a holder whose lease ran out can neither extend nor delete the next holder's key.
/// </summary>
public sealed class RedisLockProvider(IConnectionMultiplexer redis, IOptions<BackgroundJobsOptions> options) : IDistributedLockProvider
{
    public async Task<IDistributedLockHandle?> TryAcquireAsync(string name, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        // Redis keeps expiries in whole milliseconds; anything shorter would be a key without expiry or an error.
        ArgumentOutOfRangeException.ThrowIfLessThan(lease, TimeSpan.FromMilliseconds(1));
        // StackExchange.Redis takes no token: cancelling mid-command could leave a lease taken that nobody holds.
        cancellationToken.ThrowIfCancellationRequested();

        var db = redis.GetDatabase();
        var key = (RedisKey)(options.Value.RedisLockPrefix + name);
        // Host and process in the token tell an operator reading the key who holds the lease.
        var token = (RedisValue)$"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
        return await db.LockTakeAsync(key, token, lease) ? new Handle(db, key, token, name, lease) : null;
    }

    private sealed class Handle(IDatabase db, RedisKey key, RedisValue token, string name, TimeSpan lease) : IDistributedLockHandle
    {
        private int _released;

        public string Name => name;

        public async Task<bool> RenewAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Volatile.Read(ref _released) == 0 && await db.LockExtendAsync(key, token, lease);
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            try
            {
                await db.LockReleaseAsync(key, token);
            }
            catch (Exception e) when (e is RedisException or RedisTimeoutException)
            {
                // The lease expires on its own; failing here would hide whatever exception is leaving the await using.
            }
        }
    }
}
