using Jobs.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobs.Core.Storage;

/// <summary>A lease row: who holds the name and until when (Unix milliseconds, so expiry compares as a number).</summary>
public sealed class DistributedLockRow
{
    public required string Name { get; set; }

    public required string Owner { get; set; }

    public long ExpiresAtMs { get; set; }
}

/// <summary>
/// Leases in the system-of-record database, for the embedded default: every process on the same SQLite file sees the
/// same rows. Taking a lease is one conditional upsert, so two takers can never both succeed.
/// </summary>
public sealed class DatabaseLockProvider(IServiceScopeFactory scopes, TimeProvider clock) : IDistributedLockProvider
{
    public async Task<IDistributedLockHandle?> TryAcquireAsync(string name, TimeSpan lease, CancellationToken cancellationToken)
    {
        var owner = Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var taken = await ExecuteAsync(
            """
            INSERT INTO "DistributedLocks" ("Name", "Owner", "ExpiresAtMs") VALUES ({0}, {1}, {2})
            ON CONFLICT ("Name") DO UPDATE SET "Owner" = excluded."Owner", "ExpiresAtMs" = excluded."ExpiresAtMs"
            WHERE "DistributedLocks"."ExpiresAtMs" <= {3};
            """,
            [name, owner, now + (long)lease.TotalMilliseconds, now], cancellationToken);
        return taken == 1 ? new Handle(this, name, owner, lease) : null;
    }

    private long NowMs() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private async Task<int> ExecuteAsync(string sql, object[] parameters, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
        return await db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);
    }

    private sealed class Handle(DatabaseLockProvider provider, string name, string owner, TimeSpan lease) : IDistributedLockHandle
    {
        public string Name => name;

        public async Task<bool> RenewAsync(CancellationToken cancellationToken)
        {
            var until = provider.NowMs() + (long)lease.TotalMilliseconds;
            var renewed = await provider.ExecuteAsync(
                """UPDATE "DistributedLocks" SET "ExpiresAtMs" = {0} WHERE "Name" = {1} AND "Owner" = {2};""",
                [until, name, owner], cancellationToken);
            return renewed == 1;
        }

        public async ValueTask DisposeAsync()
        {
            // Only our own lease: after a lost lease, another holder's row must survive our release.
            await provider.ExecuteAsync("""DELETE FROM "DistributedLocks" WHERE "Name" = {0} AND "Owner" = {1};""", [name, owner], CancellationToken.None);
        }
    }
}
