using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Jobs.Search.Postings;

/// <summary>
/// The postings a query would show (open, passing every filter), as a set of index documents: relaxation counts each
/// level with it and ranks every hit by the first level that found it.
/// </summary>
internal sealed class MatchSetCollector(PostingColumnKeys keys, PostingConditions when, int maxDoc) : ICollector
{
    private PostingColumns _columns = null!;
    private int _docBase;

    public FixedBitSet Documents { get; } = new(Math.Max(1, maxDoc));

    public int Count { get; private set; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        _docBase = context.DocBase;
        _columns = PostingColumns.For(context.AtomicReader, keys);
    }

    public void Collect(int doc)
    {
        if (when.Admits(_columns, doc) && when.Failures(_columns, doc, out _) == 0)
        {
            Documents.Set(_docBase + doc);
            Count++;
        }
    }
}
