using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Jobs.Core.ChangeLog;

/// <summary>
/// How writers of postings and résumés record a change for the other nodes: add the rows, then save through
/// <see cref="SaveAsync"/> so the rows commit with the change and in id order.
/// </summary>
public static class IndexChangeLog
{
    /// <summary>
    /// The advisory lock every PostgreSQL writer takes before inserting log rows. Identity values are handed out at insert
    /// time but become visible at commit, so without it id 7 can be seen before id 6 and a reader that has moved past 7
    /// would never apply 6. Holding one lock from the insert to the commit makes ids visible in order; the lock is taken at
    /// the end of each transaction, so it is held only for the final insert and commit. SQLite needs none: its single
    /// writer already commits ids in order.
    /// </summary>
    public const long PostgresOrderLock = 19_000_003;

    private const string LockSql = "SELECT pg_advisory_xact_lock(19000003)";

    public static void Add(JobsDbContext db, IndexChangeKind kind, IEnumerable<long> ids, DateTime at) =>
        db.IndexChanges.AddRange(ids.Distinct().Select(id => new IndexChange { Kind = kind, EntityId = id, At = at }));

    public static void Add(JobsDbContext db, IndexChangeKind kind, long id, DateTime at) => Add(db, kind, [id], at);

    /// <summary>Saves the context's changes, log rows included, in one transaction ordered against other log writers.</summary>
    public static async Task SaveAsync(JobsDbContext db, CancellationToken cancellationToken)
    {
        if (!IsPostgres(db))
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await LockAsync(db, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>Takes the ordering lock inside the caller's transaction (PostgreSQL); call just before inserting log rows.</summary>
    public static async Task LockAsync(JobsDbContext db, CancellationToken cancellationToken)
    {
        if (IsPostgres(db))
        {
            await db.Database.ExecuteSqlRawAsync(LockSql, cancellationToken);
        }
    }

    private static bool IsPostgres(JobsDbContext db) =>
        db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
}
