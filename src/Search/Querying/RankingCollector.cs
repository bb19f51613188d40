using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Jobs.Search.Querying;

/// <summary>A sort key computed per matching document; higher sorts first, ties broken by higher id.</summary>
public interface IRankKey
{
    void SetNextReader(AtomicReader reader);

    double Key(int doc, float score);
}

/// <summary>A facet dimension counted from a doc-values field while collecting.</summary>
public interface IFacetCounter
{
    string Dimension { get; }

    void SetNextReader(AtomicReader reader);

    void Count(int doc);

    /// <summary>Labels and counts, highest first.</summary>
    IReadOnlyList<(string Value, int Count)> Results();
}

/// <summary>
/// A per-document condition read from doc values. Range conditions whose bounds change with every request ("not expired
/// now", "posted in the last 7 days", salary overlap) are cheaper here than as numeric range queries, which enumerate many
/// terms per segment on every search.
/// </summary>
public interface IDocFilter
{
    void SetNextReader(AtomicReader reader);

    bool Accept(int doc);
}

/// <summary>
/// Accepts documents whose numeric doc value lies in [Min, Max]. Every document of the index carries the field (the
/// document builder always writes it), so there is no per-document "has value" check on this hot path.
/// </summary>
public sealed class NumericRangeDocFilter(string field, long min, long max) : IDocFilter
{
    private NumericDocValues? _values;

    public void SetNextReader(AtomicReader reader) => _values = reader.GetNumericDocValues(field);

    public bool Accept(int doc)
    {
        if (_values is null)
        {
            return false;
        }

        var v = _values.Get(doc);
        return v >= min && v <= max;
    }
}

/// <summary>One pass over the matches: total hits, the best <c>K</c> by a rank key (after a cursor, if any), and facet counts.</summary>
public sealed class RankingCollector(
    string idField, IRankKey rank, int size, (double Key, long Id)? after, IReadOnlyList<IFacetCounter> facets, IReadOnlyList<IDocFilter>? filters = null)
    : ICollector
{
    private readonly PriorityQueue<Candidate, Candidate> _queue = new(size + 1, Candidate.WorstFirst);
    private readonly IReadOnlyList<IDocFilter> _filters = filters ?? [];
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
        foreach (var filter in _filters)
        {
            filter.SetNextReader(context.AtomicReader);
        }

        foreach (var facet in facets)
        {
            facet.SetNextReader(context.AtomicReader);
        }
    }

    public void Collect(int doc)
    {
        foreach (var filter in _filters)
        {
            if (!filter.Accept(doc))
            {
                return;
            }
        }

        TotalHits++;
        foreach (var facet in facets)
        {
            facet.Count(doc);
        }

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

/// <summary>Counts a string doc-values field per segment ordinal, resolving ordinals to labels once per segment.</summary>
public sealed class SortedFacetCounter(string dimension, string field, Func<string, string>? label = null) : IFacetCounter
{
    private readonly Dictionary<string, int> _totals = new(StringComparer.Ordinal);
    private SortedDocValues? _values;
    private int[] _counts = [];

    public string Dimension => dimension;

    public void SetNextReader(AtomicReader reader)
    {
        Flush();
        _values = reader.GetSortedDocValues(field);
        _counts = _values is null ? [] : new int[_values.ValueCount];
    }

    public void Count(int doc)
    {
        if (_values is null)
        {
            return;
        }

        var ord = _values.GetOrd(doc);
        if (ord >= 0)
        {
            _counts[ord]++;
        }
    }

    public IReadOnlyList<(string Value, int Count)> Results()
    {
        Flush();
        return _totals.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, kv.Value)).ToList();
    }

    private void Flush()
    {
        if (_values is null)
        {
            return;
        }

        var bytes = new BytesRef();
        for (var ord = 0; ord < _counts.Length; ord++)
        {
            if (_counts[ord] == 0)
            {
                continue;
            }

            _values.LookupOrd(ord, bytes);
            var key = label is null ? bytes.Utf8ToString() : label(bytes.Utf8ToString());
            _totals[key] = _totals.GetValueOrDefault(key) + _counts[ord];
        }

        _values = null;
        _counts = [];
    }
}

/// <summary>Counts a small-integer doc-values field (an enum, present on every document) into labels.</summary>
public sealed class NumericFacetCounter(string dimension, string field, int maxValue, Func<int, string> label) : IFacetCounter
{
    private readonly int[] _counts = new int[maxValue + 1];
    private NumericDocValues? _values;

    public string Dimension => dimension;

    public void SetNextReader(AtomicReader reader) => _values = reader.GetNumericDocValues(field);

    public void Count(int doc)
    {
        if (_values is null)
        {
            return;
        }

        var v = _values.Get(doc);
        if (v >= 0 && v < _counts.Length)
        {
            _counts[v]++;
        }
    }

    public IReadOnlyList<(string Value, int Count)> Results() =>
        _counts.Select((count, value) => (Value: label(value), Count: count)).Where(x => x.Count > 0)
            .OrderByDescending(x => x.Count).ToList();
}
