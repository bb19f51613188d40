using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Microsoft.Extensions.Logging;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Jobs.Search.Indexing;

/// <summary>
/// One Lucene index: one <see cref="IndexWriter"/>, one <see cref="SearcherManager"/> refreshed in the background, and
/// periodic commits. Searches go through a <see cref="SearchLease"/>; nothing commits or reopens per request.
/// </summary>
public sealed class LuceneIndex : IDisposable
{
    public const string SchemaKey = "schema";
    public const string CommittedAtKey = "committedAt";

    private readonly LuceneDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly Timer _refreshTimer;
    private readonly Timer _commitTimer;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly System.Threading.Lock _commitLock = new();
    private long _changesSinceCommit;
    private bool _disposed;

    /// <summary>Values stored with every commit beside the schema (the change-log position the committed documents include).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _commitValues = new(StringComparer.Ordinal);

    public LuceneIndex(string name, string path, Analyzer analyzer, int schemaVersion, SearchOptions options, TimeProvider clock, ILogger logger,
        Action<AtomicReader>? warmSegment = null)
    {
        Name = name;
        _logger = logger;
        _clock = clock;
        System.IO.Directory.CreateDirectory(path);

        var state = Inspect(path, schemaVersion, out var lastCommit, out var committedValues);
        if (state != IndexState.Current)
        {
            logger.LogWarning("Search index {Name} at {Path} is {State}; it will be rebuilt from the database", name, path, state);
            if (state == IndexState.Corrupt)
            {
                foreach (var file in System.IO.Directory.GetFiles(path))
                {
                    File.Delete(file);
                }
            }
        }

        State = state;
        LastCommitUtc = lastCommit;
        CommittedValues = committedValues;
        // NIOFSDirectory explicitly: FSDirectory.Open picks MMapDirectory on 64-bit Linux, which is many times slower under
        // parallel search in Lucene.Net beta00017 (apache/lucenenet#1151).
        _directory = new NIOFSDirectory(new DirectoryInfo(path));
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)
        {
            OpenMode = state == IndexState.Current ? OpenMode.CREATE_OR_APPEND : OpenMode.CREATE,
            Similarity = Similarity,
            RAMBufferSizeMB = 128,
            Codec = new CompactNormsCodec(),
            MergePolicy = new BalancedForceMergePolicy(new TieredMergePolicy(), () => Volatile.Read(ref _mergesPaused) > 0),
        };
        _writer = new IndexWriter(_directory, config);
        _writer.SetCommitData(CommitData(schemaVersion));
        if (state != IndexState.Current)
        {
            // An empty, current-schema commit now, so a crash during the rebuild is seen as "empty" rather than "old".
            _writer.Commit();
        }

        SchemaVersion = schemaVersion;
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new BM25SearcherFactory(warmSegment));
        _refreshTimer = new Timer(_ => Refresh(blocking: false), null, options.RefreshIntervalMilliseconds, options.RefreshIntervalMilliseconds);
        var commitEvery = TimeSpan.FromSeconds(options.CommitIntervalSeconds);
        _commitTimer = new Timer(_ => CommitIfChanged(), null, commitEvery, commitEvery);
    }

    /// <summary>BM25 at index time (norms) and at search time.</summary>
    public static Similarity Similarity { get; } = new BM25Similarity();

    public string Name { get; }

    public int SchemaVersion { get; }

    /// <summary>How the index looked when opened: current, or why it needs a rebuild.</summary>
    public IndexState State { get; }

    /// <summary>When the index was last committed before this process opened it; changes after it are replayed on start.</summary>
    public DateTime? LastCommitUtc { get; }

    /// <summary>The user data of the commit this process opened (empty for a new or rebuilt index).</summary>
    public IReadOnlyDictionary<string, string> CommittedValues { get; }

    /// <summary>
    /// Stores a value with the next commits. Set it only after the changes it describes went to the writer: a commit then
    /// holds those documents whenever it holds the value.
    /// </summary>
    public void SetCommitValue(string key, string value)
    {
        _commitValues[key] = value;
        Interlocked.Increment(ref _changesSinceCommit);
    }

    public int DocumentCount => _writer.NumDocs;

    public SearchLease Acquire() => new(_searchers);

    public void Upsert(string id, IEnumerable<IIndexableField> document)
    {
        _writer.UpdateDocument(new Term(IndexFields.Id, id), document);
        Interlocked.Increment(ref _changesSinceCommit);
    }

    public void Add(IEnumerable<IIndexableField> document)
    {
        _writer.AddDocument(document);
        Interlocked.Increment(ref _changesSinceCommit);
    }

    public void Delete(string id)
    {
        _writer.DeleteDocuments(new Term(IndexFields.Id, id));
        Interlocked.Increment(ref _changesSinceCommit);
    }

    /// <summary>
    /// Merges the index down to at most <paramref name="segments"/> segments of near-equal size (after a full rebuild):
    /// every query term is looked up once per segment, so twenty segments cost a query twenty dictionary lookups per term,
    /// while a few equal ones let a search use a core each (<see cref="BalancedForceMergePolicy"/>).
    /// </summary>
    public void ForceMerge(int segments) => _writer.ForceMerge(segments);

    /// <summary>
    /// Empties the index for a full rebuild and commits at once with a mark that the rebuild is under way. Until
    /// <see cref="CompleteRebuild"/> commits without it, every commit keeps the mark — a shutdown in the middle commits a
    /// partial index — and the next start finds the index <see cref="IndexState.Interrupted"/> and rebuilds it.
    /// </summary>
    public void BeginRebuild()
    {
        _writer.DeleteAll();
        _commitValues[RebuildingKey] = "1";
        Interlocked.Increment(ref _changesSinceCommit);
        Commit();
    }

    /// <summary>Commits the rebuilt index without the mark <see cref="BeginRebuild"/> set.</summary>
    public void CompleteRebuild()
    {
        _commitValues.TryRemove(RebuildingKey, out _);
        Interlocked.Increment(ref _changesSinceCommit);
        Commit();
    }

    private const string RebuildingKey = "rebuilding";

    private int _paused;

    /// <summary>
    /// Stops background refreshes until disposed. A near-real-time reopen flushes the writer's buffers into a new segment,
    /// so refreshing every 200 ms during a bulk rebuild would cut it into thousands of tiny segments and merges.
    /// </summary>
    public IDisposable PauseRefresh()
    {
        Interlocked.Increment(ref _paused);
        return new Resume(() => Interlocked.Decrement(ref _paused));
    }

    /// <summary>
    /// Holds the writer's own merges back until disposed (a full rebuild, which ends with <see cref="ForceMerge"/>): the
    /// flushed segments stay of similar size, so the forced merge can balance them.
    /// </summary>
    public IDisposable PauseMerges()
    {
        Interlocked.Increment(ref _mergesPaused);
        return new Resume(() => Interlocked.Decrement(ref _mergesPaused));
    }

    private int _mergesPaused;

    private sealed class Resume(Action resume) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                resume();
            }
        }
    }

    /// <summary>Makes every change so far visible to new leases now (tests and rebuilds; requests rely on the timer).</summary>
    public void Refresh() => Refresh(blocking: true);

    /// <param name="blocking">Wait for a refresh already under way on another thread, so the caller's changes are surely included.</param>
    private void Refresh(bool blocking)
    {
        if (_disposed || (!blocking && Volatile.Read(ref _paused) > 0))
        {
            return;
        }

        try
        {
            if (blocking)
            {
                _searchers.MaybeRefreshBlocking();
            }
            else
            {
                _searchers.MaybeRefresh();
            }
        }
        catch (ObjectDisposedException)
        {
            // Shutting down between the check and the refresh.
        }
        catch (IOException e)
        {
            _logger.LogError(e, "Refreshing search index {Name} failed", Name);
        }
    }

    /// <summary>
    /// Re-applies rows the database changed since this index's last commit, minus a minute of margin: a crash between a
    /// database commit and the index update must not leave the index behind. Returns how many rows were re-applied.
    /// </summary>
    /// <param name="changedSince">Ids of rows updated at or after the given UTC time.</param>
    /// <param name="apply">Brings those rows into the index (upsert or delete).</param>
    public async Task<int> ReplayChangesSinceLastCommitAsync(
        Func<DateTime, CancellationToken, Task<List<long>>> changedSince,
        Func<IReadOnlyCollection<long>, CancellationToken, Task> apply,
        CancellationToken cancellationToken)
    {
        var since = (LastCommitUtc ?? DateTime.MinValue.AddDays(1)).AddMinutes(-1);
        var changed = await changedSince(since, cancellationToken);
        foreach (var chunk in changed.Chunk(1000))
        {
            await apply(chunk, cancellationToken);
        }

        if (changed.Count > 0)
        {
            _logger.LogInformation("Search index {Name}: replayed {Count} rows changed since {Since:O}", Name, changed.Count, since);
            Commit();
        }

        Refresh();
        return changed.Count;
    }

    public void Commit()
    {
        lock (_commitLock)
        {
            if (_disposed)
            {
                return;
            }

            Interlocked.Exchange(ref _changesSinceCommit, 0);
            _writer.SetCommitData(CommitData(SchemaVersion));
            _writer.Commit();
        }
    }

    private void CommitIfChanged()
    {
        if (Interlocked.Read(ref _changesSinceCommit) == 0 || Volatile.Read(ref _paused) > 0)
        {
            return;
        }

        try
        {
            Commit();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            _logger.LogError(e, "Committing search index {Name} failed", Name);
        }
    }

    private Dictionary<string, string> CommitData(int schemaVersion) => new(_commitValues, StringComparer.Ordinal)
    {
        [SchemaKey] = schemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [CommittedAtKey] = _clock.GetUtcNow().UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static IndexState Inspect(string path, int schemaVersion, out DateTime? lastCommit, out IReadOnlyDictionary<string, string> committedValues)
    {
        lastCommit = null;
        committedValues = new Dictionary<string, string>();
        using var directory = new NIOFSDirectory(new DirectoryInfo(path));
        try
        {
            if (!DirectoryReader.IndexExists(directory))
            {
                return IndexState.Missing;
            }

            var infos = new SegmentInfos();
            infos.Read(directory);
            if (!infos.UserData.TryGetValue(SchemaKey, out var schema) || schema != schemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                return IndexState.OlderSchema;
            }

            if (infos.UserData.ContainsKey(RebuildingKey))
            {
                return IndexState.Interrupted;
            }

            // Opening a reader checks every segment is readable, not only the commit point.
            using (DirectoryReader.Open(directory))
            {
            }

            if (infos.UserData.TryGetValue(CommittedAtKey, out var at) && DateTime.TryParse(at, System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.RoundtripKind, out var committed))
            {
                lastCommit = committed;
            }

            committedValues = new Dictionary<string, string>(infos.UserData, StringComparer.Ordinal);

            return IndexState.Current;
        }
        catch (Exception e) when (e is IOException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException
                                      or InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            return IndexState.Corrupt;
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _refreshTimer.Dispose();
        _commitTimer.Dispose();
        lock (_commitLock)
        {
            _disposed = true;
            try
            {
                _writer.SetCommitData(CommitData(SchemaVersion));
                _writer.Commit();
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                _logger.LogError(e, "Final commit of search index {Name} failed", Name);
            }

            _searchers.Dispose();
            _writer.Dispose();
            _directory.Dispose();
        }
    }

    /// <summary>Sets BM25 and warms each segment (column caches) before the searcher serves, on the refresh thread.</summary>
    private sealed class BM25SearcherFactory(Action<AtomicReader>? warmSegment) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader)
        {
            if (warmSegment is not null)
            {
                // A rebuilt index has a segment per core, each warmed (columns decoded) on its own thread.
                Parallel.ForEach(reader.Leaves, leaf => warmSegment(leaf.AtomicReader));
            }

            return new IndexSearcher(reader) { Similarity = Similarity };
        }
    }
}

public enum IndexState
{
    Current,
    Missing,
    OlderSchema,
    Corrupt,

    /// <summary>A full rebuild began and did not finish (the process stopped in the middle).</summary>
    Interrupted,
}

/// <summary>A searcher borrowed from the manager; disposing gives it back so old readers can close.</summary>
public sealed class SearchLease(SearcherManager manager) : IDisposable
{
    private int _released;

    public IndexSearcher Searcher { get; } = manager.Acquire();

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            manager.Release(Searcher);
        }
    }
}

public static class IndexFields
{
    /// <summary>The primary key as a string term, for update and delete.</summary>
    public const string Id = "id";
}
