using Jobs.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Jobs.Search.Postings;

/// <summary>
/// One posting search over the index in two steps per segment: the documents the query matches, found without scoring
/// (<see cref="MatchSet"/>), are counted in the facets; only the hits among them (a few percent with a city filter) are
/// then scored (<see cref="HitScorer"/>) and ranked. Scores are the ones a plain search gives, since the weights are the
/// query's over the whole index. Segments are searched in parallel, each into its own collector, merged at the end:
/// a rebuilt index has one segment per core (<see cref="SearchOptions.RebuildSegments"/>).
/// </summary>
internal static class PostingPass
{
    public static void Run(IndexSearcher searcher, Query query, PostingCollector collector, bool scores)
    {
        var rewritten = searcher.Rewrite(query);
        var leaves = searcher.IndexReader.Leaves;
        var ranking = Ranking.For(searcher, rewritten, collector.Ranks && scores);
        if (leaves.Count == 1 || searcher.IndexReader.MaxDoc < ParallelFrom)
        {
            foreach (var leaf in leaves)
            {
                Search(searcher, rewritten, leaf, collector, ranking);
            }

            return;
        }

        var parts = leaves.Select(_ => collector.Fork()).ToArray();
        Parallel.For(0, leaves.Count, i => Search(searcher, rewritten, leaves[i], parts[i], ranking));
        foreach (var part in parts)
        {
            collector.Absorb(part);
        }
    }

    /// <summary>Below this many documents a search takes well under a millisecond, less than handing segments to other threads costs.</summary>
    private const int ParallelFrom = 100_000;

    /// <summary>How hits get their scores: clause by clause, by the query's own weight (other similarities), or not at all.</summary>
    private sealed record Ranking(HitScorer? Clauses, Weight? Weight)
    {
        public static Ranking? For(IndexSearcher searcher, Query rewritten, bool scores) => !scores ? null
            : HitScorer.For(searcher, rewritten) is { } clauses ? new Ranking(clauses, null)
            : new Ranking(null, searcher.CreateNormalizedWeight(rewritten));
    }

    private static void Search(IndexSearcher searcher, Query rewritten, AtomicReaderContext leaf, PostingCollector collector, Ranking? ranking)
    {
        using var scratch = new BitSetScratch();
        collector.SetNextReader(leaf);
        var matched = new MatchSet(searcher, scratch).Match(rewritten, leaf);
        var hits = collector.TallyByBits(matched, PostingFacetBits.For(leaf.AtomicReader, collector.Columns, collector.CityCount), scratch)
            ?? collector.Tally(matched, scratch);
        if (!collector.Ranks)
        {
            return;
        }

        if (ranking is null)
        {
            for (var doc = hits.NextSetBit(0); doc >= 0; doc = doc + 1 < hits.Length ? hits.NextSetBit(doc + 1) : -1)
            {
                collector.Offer(doc, 0f);
            }

            return;
        }

        if (ranking.Clauses is { } clauses)
        {
            var scored = clauses.Score(leaf, hits, out var count);
            var slot = 0;
            for (var doc = hits.NextSetBit(0); doc >= 0 && slot < count; doc = doc + 1 < hits.Length ? hits.NextSetBit(doc + 1) : -1, slot++)
            {
                if (!float.IsNegativeInfinity(scored[slot]))
                {
                    collector.Offer(doc, scored[slot]);
                }
            }

            System.Buffers.ArrayPool<float>.Shared.Return(scored);
            return;
        }

        if (ranking.Weight!.GetScorer(leaf, hits) is not { } scorer)
        {
            return;
        }

        for (var doc = scorer.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
        {
            collector.Offer(doc, scorer.GetScore());
        }
    }
}
