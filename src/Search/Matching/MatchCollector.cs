using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Jobs.Search.Matching;

/// <summary>What one segment tells the match collector about each of its documents.</summary>
internal interface IMatchSegment
{
    /// <summary>The hard rules: a document failing them is no match at all and does not set the text scale.</summary>
    bool Eligible(int doc);

    /// <summary>The request's column filters; a document failing them still sets the text scale, so filtering never changes a score.</summary>
    bool Admitted(int doc);

    /// <summary>The points of every part except text, each already rounded.</summary>
    double OtherPoints(int doc);

    long Id(int doc);
}

internal readonly record struct MatchCandidate(double Key, long Id, int Doc, double TextFit);

/// <summary>
/// Collects every eligible match once. The text fit is a document's BM25 score over the best eligible score, which is only
/// known at the end, so candidates are buffered and ranked afterwards rather than kept in a running top-k.
/// </summary>
internal sealed class MatchCollector(Func<AtomicReaderContext, IMatchSegment> segments, bool textCounts, Query? admission) : ICollector
{
    private readonly Filter? _admission = admission is null ? null : new QueryWrapperFilter(admission);
    private FixedBitSet? _admitted;
    private int[] _docs = new int[1024];
    private long[] _ids = new long[1024];
    private float[] _scores = new float[1024];
    private double[] _other = new double[1024];
    private IMatchSegment _segment = null!;
    private Scorer? _scorer;
    private int _docBase;

    public int Count { get; private set; }

    public float MaxScore { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _docBase = context.DocBase;
        _segment = segments(context);
        _admitted = null;
        if (_admission is not null)
        {
            // The request's query-level filters (text, district, skills...) as a bit set, so they admit documents without
            // deciding which ones reach the collector: every eligible match still sets the text scale.
            _admitted = new FixedBitSet(context.AtomicReader.MaxDoc);
            var iterator = _admission.GetDocIdSet(context, context.AtomicReader.LiveDocs)?.GetIterator();
            if (iterator is not null)
            {
                _admitted.Or(iterator);
            }
        }
    }

    public void Collect(int doc)
    {
        var segment = _segment;
        if (!segment.Eligible(doc))
        {
            return;
        }

        var score = textCounts ? _scorer?.GetScore() ?? 0f : 0f;
        if (score > MaxScore)
        {
            MaxScore = score;
        }

        if (!segment.Admitted(doc) || (_admitted is not null && !_admitted.Get(doc)))
        {
            return;
        }

        if (Count == _docs.Length)
        {
            var size = Count * 2;
            Array.Resize(ref _docs, size);
            Array.Resize(ref _ids, size);
            Array.Resize(ref _scores, size);
            Array.Resize(ref _other, size);
        }

        _docs[Count] = _docBase + doc;
        _ids[Count] = segment.Id(doc);
        _scores[Count] = score;
        _other[Count] = segment.OtherPoints(doc);
        Count++;
    }

    /// <summary>
    /// The request's words and query-level filters as one admission query, or null when there are none. They narrow the
    /// list but score nothing and set no text scale, so they change no score.
    /// </summary>
    public static BooleanQuery? Admission(Query? text, IReadOnlyList<Query> filters)
    {
        var admission = new BooleanQuery();
        if (text is not null)
        {
            admission.Add(text, Occur.MUST);
        }

        foreach (var filter in filters)
        {
            admission.Add(filter, Occur.MUST);
        }

        return admission.Clauses.Count > 0 ? admission : null;
    }

    /// <summary>One page by offset or after a cursor, with the cursor of the next page when there is one.</summary>
    public (List<MatchCandidate> Page, string? NextCursor) Page(MatchScoring scoring, int page, int pageSize, Querying.SearchCursor? cursor,
        int maxDepth)
    {
        var skip = cursor is null ? (page - 1) * pageSize : 0;
        var best = Top(scoring, Math.Min(skip + pageSize, maxDepth), cursor is { } c ? (c.Key, c.Id) : null).Skip(skip).Take(pageSize).ToList();
        string? next = null;
        if (best.Count == pageSize && best.Count > 0 && (cursor is not null || skip + best.Count < Count))
        {
            next = new Querying.SearchCursor("relevance", best[^1].Key, best[^1].Id).Encode();
        }

        return (best, next);
    }

    /// <summary>The best <paramref name="size"/> after the cursor, best first; ties go to the higher id, as in search.</summary>
    private List<MatchCandidate> Top(MatchScoring scoring, int size, (double Key, long Id)? after)
    {
        var queue = new PriorityQueue<MatchCandidate, (double, long)>(size + 1);
        var max = MaxScore;
        for (var i = 0; i < Count; i++)
        {
            var fit = max > 0 ? _scores[i] / max : 0;
            var key = Math.Round(scoring.Points(MatchPartKind.Text, fit) + _other[i], 4);
            var id = _ids[i];
            if (after is { } a && (key > a.Key || (key == a.Key && id >= a.Id)))
            {
                continue;
            }

            if (queue.Count < size)
            {
                queue.Enqueue(new MatchCandidate(key, id, _docs[i], fit), (key, id));
            }
            else if (queue.TryPeek(out _, out var worst) && (key > worst.Item1 || (key == worst.Item1 && id > worst.Item2)))
            {
                queue.DequeueEnqueue(new MatchCandidate(key, id, _docs[i], fit), (key, id));
            }
        }

        var list = new List<MatchCandidate>(queue.Count);
        while (queue.Count > 0)
        {
            list.Add(queue.Dequeue());
        }

        list.Reverse();
        return list;
    }
}
