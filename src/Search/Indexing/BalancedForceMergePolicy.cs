using Lucene.Net.Index;

namespace Jobs.Search.Indexing;

/// <summary>
/// Lucene's tiered policy in everything but a forced merge to several segments, where it leaves the largest segment alone
/// and merges all the rest into one: a rebuild forced to two segments came out as nine tenths and one tenth. Searches
/// run one thread per segment, so this policy splits the segments into groups of near-equal document count (largest first, each
/// into the lightest group) and merges each group into one.
/// </summary>
/// <remarks>
/// While <paramref name="suspended"/> says so (a full rebuild), the writer's own merges wait: they would fold the first
/// flushed segments into one too large to balance against the rest.
/// </remarks>
internal sealed class BalancedForceMergePolicy(MergePolicy inner, Func<bool> suspended) : MergePolicy
{
    public override void SetIndexWriter(IndexWriter writer)
    {
        base.SetIndexWriter(writer);
        inner.SetIndexWriter(writer);
    }

    public override MergeSpecification? FindMerges(MergeTrigger mergeTrigger, SegmentInfos segmentInfos) =>
        suspended() ? null : inner.FindMerges(mergeTrigger, segmentInfos);

    public override MergeSpecification? FindForcedDeletesMerges(SegmentInfos segmentInfos) => inner.FindForcedDeletesMerges(segmentInfos);

    public override bool UseCompoundFile(SegmentInfos infos, SegmentCommitInfo mergedInfo) => inner.UseCompoundFile(infos, mergedInfo);

    public override MergeSpecification? FindForcedMerges(SegmentInfos segmentInfos, int maxSegmentCount,
        IDictionary<SegmentCommitInfo, bool> segmentsToMerge)
    {
        if (maxSegmentCount <= 1)
        {
            return inner.FindForcedMerges(segmentInfos, maxSegmentCount, segmentsToMerge);
        }

        var order = segmentInfos.Segments.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i);
        var eligible = segmentInfos.Segments.Where(segmentsToMerge.ContainsKey).ToList();
        if (eligible.Count <= maxSegmentCount)
        {
            return null;
        }

        // Balanced by live documents, which is what a search's work per segment follows.
        static long Docs(SegmentCommitInfo s) => s.Info.DocCount - s.DelCount;
        var docs = new long[maxSegmentCount];
        var groups = Enumerable.Range(0, maxSegmentCount).Select(_ => new List<SegmentCommitInfo>()).ToArray();
        foreach (var segment in eligible.OrderByDescending(Docs))
        {
            var lightest = Array.IndexOf(docs, docs.Min());
            docs[lightest] += Docs(segment);
            groups[lightest].Add(segment);
        }

        var merges = new MergeSpecification();
        foreach (var group in groups.Where(g => g.Count > 1))
        {
            // A merge takes segments in index order, as the writer expects.
            merges.Add(new OneMerge([.. group.OrderBy(s => order[s])]));
        }

        return merges.Merges.Count == 0 ? null : merges;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
    }
}
