using System.Globalization;
using Jobs.Core.ChangeLog;
using Jobs.Core.Storage;
using Jobs.Search.Postings;
using Jobs.Search.Resumes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jobs.Search.Indexing;

/// <summary>
/// Brings this node's indexes up to date with the ordered change log (<see cref="IndexChange"/>) that every node writes to:
/// applies rows with an id above the last one applied, in order, and stores that id in each index's commit so a restart
/// resumes where the committed documents end. Applying re-reads the row from the database, so applying twice is harmless.
/// </summary>
public sealed class ChangeLogCatchUp(IServiceScopeFactory scopes, PostingIndex postings, ResumeIndex resumes, TimeProvider clock,
    IOptions<ChangeLogOptions> options, ILogger<ChangeLogCatchUp> logger) : IDisposable
{
    /// <summary>The commit-data key holding the last log id whose change the committed documents include.</summary>
    public const string CommitKey = "changeLogId";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _nudge = new(0, 1);
    private long _lastApplied = -1;
    private long _consumed;

    /// <summary>The last log id applied; -1 until <see cref="InitializeIndexesAsync"/> ran (commands that do not follow the log).</summary>
    public long LastApplied => Interlocked.Read(ref _lastApplied);

    /// <summary>Log rows this process has applied since it started (tests read it to see nothing was applied twice).</summary>
    public long Consumed => Interlocked.Read(ref _consumed);

    /// <summary>
    /// On start, instead of each index's own initialisation: rebuilds what needs it, and decides where in the log to resume.
    /// The position is read before any rebuild, so changes written during the rebuild are applied after it.
    /// </summary>
    public async Task InitializeIndexesAsync(CancellationToken cancellationToken)
    {
        long head;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
            head = await db.IndexChanges.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
        }

        var postingStart = ResumePoint(postings.Index);
        var resumeStart = ResumePoint(resumes.Index);
        if (postings.Index.State != IndexState.Current)
        {
            await postings.RebuildAsync(cancellationToken);
        }
        else if (postingStart is null)
        {
            await postings.InitializeAsync(cancellationToken);
        }

        if (resumes.Index.State != IndexState.Current)
        {
            await resumes.RebuildAsync(cancellationToken);
        }
        else if (resumeStart is null)
        {
            await resumes.InitializeAsync(cancellationToken);
        }

        var start = Math.Min(postingStart ?? head, resumeStart ?? head);
        Record(start);
        logger.LogInformation("Change log: following from id {Start} (head {Head})", start, head);
        await CatchUpAsync(cancellationToken);
    }

    /// <summary>Where the committed index ends in the log, or null when the log cannot be trusted for it (rebuilt, old, too long ago).</summary>
    private long? ResumePoint(LuceneIndex index)
    {
        if (index.State != IndexState.Current || !index.CommittedValues.TryGetValue(CommitKey, out var text)
            || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        // Rows older than the retention are pruned; an index committed before that may have missed some of them.
        var trustedSince = clock.GetUtcNow().UtcDateTime.AddHours(1 - options.Value.RetentionHours);
        return index.LastCommitUtc is { } at && at >= trustedSince ? id : null;
    }

    /// <summary>Applies every log row above the last applied one; returns how many rows it consumed.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        if (LastApplied < 0)
        {
            return 0;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var total = 0;
            var batchSize = options.Value.BatchSize;
            while (true)
            {
                var last = LastApplied;
                List<IndexChange> batch;
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
                    batch = await db.IndexChanges.AsNoTracking().Where(c => c.Id > last).OrderBy(c => c.Id).Take(batchSize)
                        .ToListAsync(cancellationToken);
                }

                if (batch.Count == 0)
                {
                    break;
                }

                var postingIds = batch.Where(c => c.Kind == IndexChangeKind.Posting).Select(c => c.EntityId).Distinct().ToList();
                var resumeIds = batch.Where(c => c.Kind == IndexChangeKind.Resume).Select(c => c.EntityId).Distinct().ToList();
                if (postingIds.Count > 0)
                {
                    await postings.ApplyLoggedChangesAsync(postingIds, cancellationToken);
                }

                if (resumeIds.Count > 0)
                {
                    await resumes.ResumesChangedAsync(resumeIds, cancellationToken);
                }

                Record(batch[^1].Id);
                Interlocked.Add(ref _consumed, batch.Count);
                total += batch.Count;
                if (batch.Count < batchSize)
                {
                    break;
                }
            }

            if (total > 0)
            {
                // Visible now rather than at the next background refresh: other nodes promise about a second.
                postings.Index.Refresh();
                resumes.Index.Refresh();
            }

            return total;
        }
        finally
        {
            _gate.Release();
        }
    }

    private void Record(long id)
    {
        Interlocked.Exchange(ref _lastApplied, id);
        var text = id.ToString(CultureInfo.InvariantCulture);
        postings.Index.SetCommitValue(CommitKey, text);
        resumes.Index.SetCommitValue(CommitKey, text);
    }

    /// <summary>Asks the follower to look now (a Redis message said another node wrote); several nudges before it looks count once.</summary>
    public void Nudge()
    {
        try
        {
            _nudge.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already nudged.
        }
    }

    /// <summary>Waits for a nudge or the poll interval, whichever comes first.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken) =>
        await _nudge.WaitAsync(options.Value.PollIntervalMilliseconds, cancellationToken);

    public void Dispose()
    {
        _gate.Dispose();
        _nudge.Dispose();
    }
}
