using Jobs.Core.ChangeLog;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobs.Background.Search;

/// <summary>
/// Deletes change-log rows older than the retention. Every running node has applied them long before; a node down for longer
/// replays by update time on start instead. Safe to run twice: the delete is conditional on age only.
/// </summary>
public sealed class ChangeLogPruneJob(JobsDbContext db, TimeProvider clock, IOptions<ChangeLogOptions> options)
{
    public const string RecurringId = "change-log-prune";

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddHours(-options.Value.RetentionHours);
        return await db.IndexChanges.Where(c => c.At < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
