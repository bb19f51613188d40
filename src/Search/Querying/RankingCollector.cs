using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Jobs.Search.Querying;

/// <summary>A sort key computed per matching document; higher sorts first, ties broken by higher id.</summary>
public interface IRankKey
{
    void SetNextReader(AtomicReader reader);

    double Key(int doc, float score);
}

/// <summary>One pass over the matches: total hits and the best <c>K</c> by a rank key (after a cursor, if any).</summary>
public sealed class RankingCollector(string idField, IRankKey rank, int size, (double Key, long Id)? after) : ICollector
{
    private readonly PriorityQueue<Candidate, Candidate> _queue = new(size + 1, Candidate.WorstFirst);
    private Scorer? _scorer;
    private NumericDocValues? _ids;
    private int _docBase;

    public int TotalHits { get; private set; }

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _docBase = context.DocBase;
        _ids = context.AtomicReader.GetNumericDocValues(idField);
        rank.SetNextReader(context.AtomicReader);
    }

    public void Collect(int doc)
    {
        TotalHits++;
        if (size == 0)
        {
            return;
        }

        var key = rank.Key(doc, _scorer?.GetScore() ?? 0f);
        var id = _ids?.Get(doc) ?? 0;
        if (after is { } a && (key > a.Key || (key == a.Key && id >= a.Id)))
        {
            return;
        }

        var candidate = new Candidate(key, id, _docBase + doc);
        if (_queue.Count < size)
        {
            _queue.Enqueue(candidate, candidate);
        }
        else if (Candidate.WorstFirst.Compare(candidate, _queue.Peek()) > 0)
        {
            _queue.DequeueEnqueue(candidate, candidate);
        }
    }

    /// <summary>The collected documents, best first.</summary>
    public IReadOnlyList<Candidate> Best()
    {
        var list = _queue.UnorderedItems.Select(x => x.Element).ToList();
        list.Sort((x, y) => Candidate.WorstFirst.Compare(y, x));
        return list;
    }

    public readonly record struct Candidate(double Key, long Id, int Doc)
    {
        public static IComparer<Candidate> WorstFirst { get; } = Comparer<Candidate>.Create((x, y) =>
        {
            var c = x.Key.CompareTo(y.Key);
            return c != 0 ? c : x.Id.CompareTo(y.Id);
        });
    }
}
