using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Jobs.Core.Storage;

/// <summary>
/// PostgreSQL's form of SQLite's IMMEDIATE transaction: every write transaction first takes one transaction-scoped advisory
/// lock, so write transactions run one at a time across all nodes, as they do on one SQLite file. The services were written
/// against that guarantee (read, check, write inside one transaction: booth quotas, seat order, withdrawals), so keeping it
/// keeps them correct without re-proving each under READ COMMITTED. Reads never take it. The lock ends with the transaction,
/// also when a node dies (the server drops the session), so a killed node cannot hold it.
/// </summary>
public static class PostgresWriteLock
{
    /// <summary>The advisory lock key: "Jobs" in ASCII, chosen so no other application on the server is likely to use it.</summary>
    public const long Key = 0x4A6F6273;

    public static async Task TakeAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT pg_advisory_xact_lock({Key});";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Takes the lock in every transaction EF begins, including the one SaveChanges opens for several statements.</summary>
    public sealed class Interceptor : DbTransactionInterceptor
    {
        public static Interceptor Instance { get; } = new();

        public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
        {
            using var command = connection.CreateCommand();
            command.Transaction = result;
            command.CommandText = $"SELECT pg_advisory_xact_lock({Key});";
            command.ExecuteNonQuery();
            return result;
        }

        public override async ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData,
            DbTransaction result, CancellationToken cancellationToken = default)
        {
            await TakeAsync(connection, result, cancellationToken);
            return result;
        }
    }
}
