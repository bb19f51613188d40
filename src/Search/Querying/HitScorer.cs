using System.Buffers;
using System.Numerics;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace Jobs.Search.Querying;

/// <summary>
/// Scores the hits of a query clause by clause instead of document by document. Lucene's disjunction scorer keeps its
/// dozens of clauses (a word over six fields, its synonyms, their phrases) in a heap and re-orders it at every posting;
/// here each clause's own scorer walks its postings once, restricted to the hits, and adds into per-hit arrays. Each
/// clause's score is the one Lucene computes (the clause's weight, normalised with the boosts above it), and nodes
/// combine them by Lucene's rules: a disjunction-max node as max + tie × (sum − max), a boolean node as the sum of its
/// matching clauses. Only the order of float additions differs, so scores agree to the last bit or two.
/// </summary>
/// <remarks>
/// Valid for BM25 only, where the query norm and the boolean coordination factor are both 1; <see cref="For"/> answers
/// null for any other similarity and the caller scores the usual way.
/// </remarks>
internal sealed class HitScorer
{
    private const float NoMatch = float.NegativeInfinity;

    private readonly Node _root;

    private HitScorer(Node root) => _root = root;

    /// <summary>A scorer for a rewritten query; null when the searcher's similarity is not BM25.</summary>
    public static HitScorer? For(IndexSearcher searcher, Query rewritten) =>
        searcher.Similarity is BM25Similarity ? new HitScorer(Plan(searcher, rewritten, 1f)) : null;

    /// <summary>
    /// The score of every hit of <paramref name="context"/>, in the order of <paramref name="hits"/>' set bits
    /// (<see cref="float.NegativeInfinity"/> for one the query does not match). Give the array back to
    /// <see cref="ArrayPool{T}.Shared"/> when done.
    /// </summary>
    public float[] Score(AtomicReaderContext context, FixedBitSet hits, out int count)
    {
        var slots = new Slots(hits);
        count = slots.Count;
        return Evaluate(_root, context, hits, slots);
    }

    private abstract class Node;

    private sealed class Leaf(Weight weight) : Node
    {
        public Weight Weight { get; } = weight;
    }

    private sealed class Max(Node[] clauses, float tie) : Node
    {
        public Node[] Clauses { get; } = clauses;

        public float Tie { get; } = tie;
    }

    private sealed class Sum(Node[] required, Node[] optional, Node[] prohibited, int minimum) : Node
    {
        public Node[] Required { get; } = required;

        public Node[] Optional { get; } = optional;

        public Node[] Prohibited { get; } = prohibited;

        /// <summary>Optional clauses that must match (Lucene's rule: at least one when nothing is required).</summary>
        public int Minimum { get; } = minimum;
    }

    /// <summary>The boosts above a clause multiply into its weight, as <c>Weight.Normalize</c> passes them down.</summary>
    private static Node Plan(IndexSearcher searcher, Query query, float boost)
    {
        switch (query)
        {
            case DisjunctionMaxQuery d:
                var inner = boost * d.Boost;
                return new Max([.. d.Disjuncts.Select(q => Plan(searcher, q, inner))], d.TieBreakerMultiplier);
            case BooleanQuery b:
                var below = boost * b.Boost;
                Node[] Of(Occur occur) => [.. b.Clauses.Where(c => c.Occur == occur).Select(c => Plan(searcher, c.Query, below))];
                var required = Of(Occur.MUST);
                return new Sum(required, Of(Occur.SHOULD), Of(Occur.MUST_NOT),
                    required.Length == 0 ? Math.Max(1, b.MinimumNumberShouldMatch) : b.MinimumNumberShouldMatch);
            default:
                var weight = query.CreateWeight(searcher);
                // BM25's query norm is 1: what CreateNormalizedWeight would pass, with the boosts of the nodes above.
                weight.GetValueForNormalization();
                weight.Normalize(1f, boost);
                return new Leaf(weight);
        }
    }

    private static float[] Evaluate(Node node, AtomicReaderContext context, FixedBitSet hits, Slots slots)
    {
        var scores = ArrayPool<float>.Shared.Rent(Math.Max(1, slots.Count));
        switch (node)
        {
            case Leaf leaf:
                Array.Fill(scores, NoMatch, 0, slots.Count);
                Stream(leaf, context, hits, slots, (slot, score) => scores[slot] = score);
                return scores;
            case Max max:
                EvaluateMax(max, context, hits, slots, scores);
                return scores;
            default:
                EvaluateSum((Sum)node, context, hits, slots, scores);
                return scores;
        }
    }

    private static void EvaluateMax(Max node, AtomicReaderContext context, FixedBitSet hits, Slots slots, float[] scores)
    {
        var n = slots.Count;
        var sum = ArrayPool<float>.Shared.Rent(Math.Max(1, n));
        Array.Fill(scores, NoMatch, 0, n);
        Array.Clear(sum, 0, n);
        foreach (var clause in node.Clauses)
        {
            Each(clause, context, hits, slots, (slot, score) =>
            {
                sum[slot] += score;
                if (score > scores[slot])
                {
                    scores[slot] = score;
                }
            });
        }

        for (var slot = 0; slot < n; slot++)
        {
            if (scores[slot] != NoMatch)
            {
                scores[slot] += (sum[slot] - scores[slot]) * node.Tie;
            }
        }

        ArrayPool<float>.Shared.Return(sum);
    }

    private static void EvaluateSum(Sum node, AtomicReaderContext context, FixedBitSet hits, Slots slots, float[] scores)
    {
        var n = slots.Count;
        var required = ArrayPool<short>.Shared.Rent(Math.Max(1, n));
        var optional = ArrayPool<short>.Shared.Rent(Math.Max(1, n));
        Array.Clear(scores, 0, n);
        Array.Clear(required, 0, n);
        Array.Clear(optional, 0, n);
        foreach (var clause in node.Required)
        {
            Each(clause, context, hits, slots, (slot, score) =>
            {
                scores[slot] += score;
                required[slot]++;
            });
        }

        foreach (var clause in node.Optional)
        {
            Each(clause, context, hits, slots, (slot, score) =>
            {
                scores[slot] += score;
                optional[slot]++;
            });
        }

        foreach (var clause in node.Prohibited)
        {
            Each(clause, context, hits, slots, (slot, _) => required[slot] = short.MinValue);
        }

        for (var slot = 0; slot < n; slot++)
        {
            if (required[slot] != node.Required.Length || optional[slot] < node.Minimum)
            {
                scores[slot] = NoMatch;
            }
        }

        ArrayPool<short>.Shared.Return(required);
        ArrayPool<short>.Shared.Return(optional);
    }

    /// <summary>Calls <paramref name="add"/> for every hit the clause matches, with the clause's score.</summary>
    private static void Each(Node clause, AtomicReaderContext context, FixedBitSet hits, Slots slots, Action<int, float> add)
    {
        if (clause is Leaf leaf)
        {
            Stream(leaf, context, hits, slots, add);
            return;
        }

        var scores = Evaluate(clause, context, hits, slots);
        for (var slot = 0; slot < slots.Count; slot++)
        {
            if (scores[slot] != NoMatch)
            {
                add(slot, scores[slot]);
            }
        }

        ArrayPool<float>.Shared.Return(scores);
    }

    private static void Stream(Leaf leaf, AtomicReaderContext context, FixedBitSet hits, Slots slots, Action<int, float> add)
    {
        var scorer = leaf.Weight.GetScorer(context, hits);
        if (scorer is null)
        {
            return;
        }

        for (var doc = scorer.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
        {
            add(slots.Of(doc), scorer.GetScore());
        }
    }

    /// <summary>A hit's position among the set bits: the count of bits before its word plus those below it in the word.</summary>
    private sealed class Slots
    {
        private readonly long[] _words;
        private readonly int[] _before;

        public Slots(FixedBitSet hits)
        {
            _words = hits.GetBits();
            var words = FixedBitSet.Bits2words(hits.Length);
            _before = new int[words];
            var total = 0;
            for (var w = 0; w < words; w++)
            {
                _before[w] = total;
                total += BitOperations.PopCount((ulong)_words[w]);
            }

            Count = total;
        }

        public int Count { get; }

        public int Of(int doc)
        {
            var w = doc >> 6;
            return _before[w] + BitOperations.PopCount((ulong)_words[w] & ((1UL << (doc & 63)) - 1));
        }
    }
}
