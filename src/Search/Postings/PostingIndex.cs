using System.Diagnostics;
using System.Globalization;
using Jobs.Core.Common;
using Jobs.Core.Postings;
using Jobs.Core.Regions;
using Jobs.Core.Storage;
using Jobs.Search.Analysis;
using Jobs.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using F = Jobs.Search.Postings.PostingFields;

namespace Jobs.Search.Postings;

/// <summary>
/// The postings index, derived from the database: open postings only (closed ones are removed; expired ones are filtered at
/// query time). It follows every change the services report and can always be rebuilt from the database.
/// </summary>
public sealed class PostingIndex : IPostingChangeObserver, IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly PostingDocumentBuilder _builder;
    private readonly SearchOptions _options;
    private readonly ILogger<PostingIndex> _logger;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _catchUp = new(1, 1);
    private DateTime? _caughtUpTo;

    /// <summary>
    /// The update time of each posting version this process indexed recently, so the catch-up skips what is already
    /// here (an import's 100,000 rows must not be indexed twice); pruned on each catch-up.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, DateTime> _applied = new();

    public PostingIndex(IServiceScopeFactory scopes, ChineseTextAnalysis analysis, CityDirectory cities, DataPaths paths,
        IOptions<SearchOptions> options, TimeProvider clock, ILogger<PostingIndex> logger)
    {
        _scopes = scopes;
        _options = options.Value;
        _logger = logger;
        _clock = clock;
        _builder = new PostingDocumentBuilder(cities);
        ColumnKeys = new PostingColumnKeys(cities);
        var path = Path.Combine(paths.DataDirectory, _options.IndexDirectory, "postings");
        Index = new LuceneIndex("postings", path, CreateAnalyzer(analysis), F.SchemaVersion, _options, clock, logger,
            warmSegment: segment => PostingColumns.For(segment, ColumnKeys));
    }

    public LuceneIndex Index { get; }

    /// <summary>The value lists the per-segment columns index into; fixed for the process.</summary>
    public PostingColumnKeys ColumnKeys { get; }

    public static Analyzer CreateAnalyzer(ChineseTextAnalysis analysis) => new PerFieldAnalyzerWrapper(analysis.WordAnalyzer,
        new Dictionary<string, Analyzer>
        {
            [F.TitleBigram] = analysis.BigramIndexAnalyzer,
            [F.EmployerBigram] = analysis.BigramIndexAnalyzer,
            [F.TitlePinyin] = analysis.PinyinIndexAnalyzer,
            [F.EmployerPinyin] = analysis.PinyinIndexAnalyzer,
            [F.PlacePinyin] = analysis.PinyinQueryAnalyzer,
        });

    public async Task PostingsChangedAsync(IReadOnlyCollection<long> postingIds, CancellationToken cancellationToken)
    {
        if (postingIds.Count <= ChangeBatch)
        {
            await ApplyChangesAsync(postingIds, cancellationToken);
            return;
        }

        // A bulk change (an import): background refreshes would cut it into many tiny segments, so they wait until the end.
        using (Index.PauseRefresh())
        {
            foreach (var chunk in postingIds.Chunk(ChangeBatch))
            {
                await ApplyChangesAsync(chunk, cancellationToken);
            }
        }

        Index.Refresh();
    }

    private const int ChangeBatch = 1000;

    private async Task ApplyChangesAsync(IReadOnlyCollection<long> postingIds, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
        var ids = postingIds.ToArray();
        var rows = await (from p in db.Postings.AsNoTracking()
                          where ids.Contains(p.Id)
                          join e in db.Employers.AsNoTracking() on p.EmployerId equals e.Id
                          select new { p, e.Name }).ToListAsync(cancellationToken);
        var found = rows.ToDictionary(r => r.p.Id);
        // Analysis dominates; IndexWriter takes documents from several threads at once, so a large batch (an import)
        // is built in parallel.
        Parallel.ForEach(ids, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = ids.Length < 64 ? 1 : -1 }, id =>
        {
            var key = id.ToString(CultureInfo.InvariantCulture);
            if (found.TryGetValue(id, out var row) && row.p.IsListed)
            {
                Index.Upsert(key, _builder.Build(row.p, row.Name));
                _applied[id] = row.p.UpdatedAt;
            }
            else
            {
                Index.Delete(key);
                if (found.TryGetValue(id, out var closed))
                {
                    _applied[id] = closed.p.UpdatedAt;
                }
            }
        });

        // Without catch-ups (no job server in this process) nothing else prunes the record.
        if (_applied.Count > 250_000)
        {
            PruneApplied(_clock.GetUtcNow().UtcDateTime.AddMinutes(-10));
        }
    }

    /// <summary>
    /// Applies postings the change log names, skipping versions this process indexed already: its own writes arrive both
    /// through the observer and through the log, and an import's rows must not be indexed twice. Returns how many it applied.
    /// </summary>
    public async Task<int> ApplyLoggedChangesAsync(IReadOnlyCollection<long> postingIds, CancellationToken cancellationToken)
    {
        List<long> stale;
        await using (var scope = _scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
            var ids = postingIds.ToArray();
            var versions = await db.Postings.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.UpdatedAt })
                .ToDictionaryAsync(p => p.Id, p => p.UpdatedAt, cancellationToken);
            stale = ids.Where(id => !(versions.TryGetValue(id, out var at) && _applied.TryGetValue(id, out var seen) && seen >= at)).ToList();
        }

        if (stale.Count > 0)
        {
            await PostingsChangedAsync(stale, cancellationToken);
        }

        return stale.Count;
    }

    /// <summary>On start: rebuild a missing, corrupt or older-schema index; otherwise replay changes since the last commit.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (Index.State != IndexState.Current)
        {
            await RebuildAsync(cancellationToken);
            return;
        }

        await Index.ReplayChangesSinceLastCommitAsync(
            async (since, ct) =>
            {
                await using var scope = _scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
                return await db.Postings.AsNoTracking().Where(p => p.UpdatedAt >= since).Select(p => p.Id).ToListAsync(ct);
            },
            PostingsChangedAsync,
            cancellationToken);
    }

    /// <summary>
    /// Re-applies postings changed since the previous catch-up (a minute of margin for clocks and commits in flight), so
    /// changes another process wrote to the shared database reach this index. Returns how many were re-applied.
    /// </summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        await _catchUp.WaitAsync(cancellationToken);
        try
        {
            var started = _clock.GetUtcNow().UtcDateTime;
            var since = (_caughtUpTo ?? Index.LastCommitUtc ?? started).AddMinutes(-1);
            List<long> changed;
            await using (var scope = _scopes.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
                var recent = await db.Postings.AsNoTracking().Where(p => p.UpdatedAt >= since).Select(p => new { p.Id, p.UpdatedAt })
                    .ToListAsync(cancellationToken);
                changed = recent.Where(r => !(_applied.TryGetValue(r.Id, out var at) && at >= r.UpdatedAt)).Select(r => r.Id).ToList();
            }

            foreach (var chunk in changed.Chunk(1000))
            {
                await PostingsChangedAsync(chunk, cancellationToken);
            }

            if (changed.Count > 0)
            {
                Index.Refresh();
            }

            // Versions older than the next window can no longer come up.
            PruneApplied(since);

            _caughtUpTo = started;
            return changed.Count;
        }
        finally
        {
            _catchUp.Release();
        }
    }

    private void PruneApplied(DateTime olderThan)
    {
        foreach (var (id, at) in _applied)
        {
            if (at < olderThan)
            {
                _applied.TryRemove(id, out _);
            }
        }
    }

    /// <summary>Drops the index content and adds every listed posting (open, held by nothing) from the database, logging progress.</summary>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
        var total = await db.Postings.CountAsync(p => p.Status == PostingStatus.Open && p.Holds == PostingHolds.None, cancellationToken);
        _logger.LogInformation("Rebuilding search index postings from the database: {Total} open postings", total);
        using var paused = Index.PauseRefresh();
        using var merges = Index.PauseMerges();
        Index.BeginRebuild();
        // Employers are few next to postings: one dictionary instead of a join per batch.
        var employers = await db.Employers.AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        var done = 0;
        var lastId = 0L;
        var lastLoggedPercent = -1;
        while (true)
        {
            // A primary-key range scan per batch; filtering status here keeps SQLite off the (Status, PostedAt) index.
            var batch = await db.Postings.AsNoTracking().Where(p => p.Id > lastId).OrderBy(p => p.Id)
                .Take(_options.RebuildBatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            lastId = batch[^1].Id;
            var open = batch.Where(p => p.IsListed).ToList();
            // Analysis dominates indexing; IndexWriter takes documents from several threads at once.
            Parallel.ForEach(open, new ParallelOptions { CancellationToken = cancellationToken },
                p => Index.Add(_builder.Build(p, employers.GetValueOrDefault(p.EmployerId, ""))));
            done += open.Count;
            var percent = total == 0 ? 100 : (int)(100L * done / total);
            if (percent / 10 != lastLoggedPercent / 10)
            {
                lastLoggedPercent = percent;
                _logger.LogInformation("Rebuilding search index postings: {Done}/{Total} ({Percent}%)", done, total, percent);
            }
        }

        merges.Dispose();
        Index.ForceMerge(_options.RebuildSegments);
        Index.CompleteRebuild();
        Index.Refresh();
        _logger.LogInformation("Rebuilt search index postings: {Count} postings in {Seconds:F1} s ({Rate:F0}/s)",
            done, watch.Elapsed.TotalSeconds, done / Math.Max(watch.Elapsed.TotalSeconds, 0.001));
        return done;
    }

    public void Dispose()
    {
        Index.Dispose();
        _catchUp.Dispose();
    }
}
