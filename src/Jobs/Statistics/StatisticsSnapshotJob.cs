using Jobs.Core.Common;
using Jobs.Core.Statistics;

namespace Jobs.Background.Statistics;

/// <summary>
/// Keeps the statistics snapshot: the running month and quarter to date, each ended period once more in its final form,
/// and on the first run every period since the oldest record (the backfill). Safe to run twice: a period is replaced whole,
/// and a lease keeps two processes from writing the same period at once.
/// </summary>
public sealed class StatisticsSnapshotJob(SnapshotBuilder builder, IDistributedLockProvider locks)
{
    public const string RecurringId = "statistics-snapshot";

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        await using var lease = await locks.TryAcquireAsync(RecurringId, TimeSpan.FromHours(1), cancellationToken);
        if (lease is null)
        {
            return 0;
        }

        return (await builder.RunAsync(cancellationToken)).Count;
    }
}
