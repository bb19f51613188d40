using Jobs.Search.Querying;
using Lucene.Net.Search;

namespace Jobs.Search.Postings;

/// <summary>
/// One posting search over the index in two steps per segment: the documents the query matches, found without scoring
/// (<see cref="MatchSet"/>), are counted in the facets; only the hits among them (a few percent with a city filter) are
/// then scored, by the query's own scorer restricted to them, and ranked. Scores are the ones a plain search gives,
/// since the weight is the query's over the whole index.
/// </summary>
internal static class PostingPass
{
    public static void Run(IndexSearcher searcher, Query query, PostingCollector collector, bool scores)
    {
        var rewritten = searcher.Rewrite(query);
        using var scratch = new BitSetScratch();
        var matches = new MatchSet(searcher, scratch);
        Weight? weight = null;
        HitScorer? hitScorer = null;
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            collector.SetNextReader(leaf);
            var matched = matches.Match(rewritten, leaf);
            var hits = collector.TallyByBits(matched, PostingFacetBits.For(leaf.AtomicReader, collector.Columns, collector.CityCount), scratch)
                ?? collector.Tally(matched, scratch);
            if (!collector.Ranks)
            {
                continue;
            }

            if (!scores)
            {
                for (var doc = hits.NextSetBit(0); doc >= 0; doc = doc + 1 < hits.Length ? hits.NextSetBit(doc + 1) : -1)
                {
                    collector.Offer(doc, 0f);
                }

                continue;
            }

            hitScorer ??= HitScorer.For(searcher, rewritten);
            if (hitScorer is not null)
            {
                var scored = hitScorer.Score(leaf, hits, out var count);
                var slot = 0;
                for (var doc = hits.NextSetBit(0); doc >= 0 && slot < count; doc = doc + 1 < hits.Length ? hits.NextSetBit(doc + 1) : -1, slot++)
                {
                    if (!float.IsNegativeInfinity(scored[slot]))
                    {
                        collector.Offer(doc, scored[slot]);
                    }
                }

                System.Buffers.ArrayPool<float>.Shared.Return(scored);
                continue;
            }

            weight ??= searcher.CreateNormalizedWeight(rewritten);
            var scorer = weight.GetScorer(leaf, hits);
            if (scorer is null)
            {
                continue;
            }

            for (var doc = scorer.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
            {
                collector.Offer(doc, scorer.GetScore());
            }
        }
    }
}
