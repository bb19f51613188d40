using System.Diagnostics;
using Jobs.Core.Common;
using Jobs.Search.Postings;
using Jobs.Search.Querying;
using Lucene.Net.Search;

namespace Jobs.SearchHarness;

/// <summary>
/// --explain: per query text, where collection's time goes in <see cref="PostingPass"/>'s steps (matching, facet tally,
/// scoring the hits), best of eight wall-clock runs in one process on one index, and the size of the rewritten query.
/// </summary>
internal static class Explain
{
    public static void Run(PostingSearchService search, PostingIndex index, IReadOnlyList<string> texts)
    {
        using var lease = index.Index.Acquire();
        var searcher = lease.Searcher;
        // The first pass only warms the JIT up (tiered compilation optimises a method after its first calls).
        foreach (var (text, pass) in texts.Select(t => (t, 0)).Concat(texts.Select(t => (t, 1))))
        {
            var print = pass == 1;
            var prepared = search.Prepare(new PostingSearchRequest { Query = text, CityCodes = ["nanjing"], Education = EducationLevel.Bachelor });
            var filtered = new BooleanQuery { { prepared.Text.Query ?? new MatchAllDocsQuery(), Occur.MUST } };
            foreach (var f in prepared.Filters)
            {
                filtered.Add(f, Occur.MUST);
            }

            var rewritten = searcher.Rewrite(filtered);
            var best = new double[6];
            Array.Fill(best, double.MaxValue);
            int matched = 0, hits = 0;
            for (var round = 0; round < 8; round++)
            {
                var times = new double[6];
                using var scratch = new BitSetScratch();
                var matches = new MatchSet(searcher, scratch);
                var c = new PostingCollector(index.ColumnKeys, prepared.Conditions, (_, _, s) => s, 1000, null);
                Weight? weight = null;
                matched = 0;
                hits = 0;
                foreach (var leaf in searcher.IndexReader.Leaves)
                {
                    c.SetNextReader(leaf);
                    var watch = Stopwatch.StartNew();
                    var set = matches.Match(rewritten, leaf);
                    matched += set.Cardinality;
                    times[0] += watch.Elapsed.TotalMilliseconds;
                    watch.Restart();
                    var hitSet = c.TallyByBits(set, PostingFacetBits.For(leaf.AtomicReader, c.Columns, c.CityCount), scratch) ?? c.Tally(set, scratch);
                    hits += hitSet.Cardinality;
                    times[1] += watch.Elapsed.TotalMilliseconds;
                    watch.Restart();
                    var hitScorer = HitScorer.For(searcher, rewritten)!;
                    times[5] += watch.Elapsed.TotalMilliseconds;
                    var scored = hitScorer.Score(leaf, hitSet, out var count);
                    times[4] += watch.Elapsed.TotalMilliseconds;
                    var slot = 0;
                    for (var doc = hitSet.NextSetBit(0); doc >= 0 && slot < count; doc = doc + 1 < hitSet.Length ? hitSet.NextSetBit(doc + 1) : -1, slot++)
                    {
                        c.Offer(doc, scored[slot]);
                    }

                    System.Buffers.ArrayPool<float>.Shared.Return(scored);

                    times[2] += watch.Elapsed.TotalMilliseconds;
                    watch.Restart();
                    weight ??= searcher.CreateNormalizedWeight(rewritten);
                    var bare = weight.GetScorer(leaf, hitSet);
                    var sum = 0f;
                    if (bare is not null)
                    {
                        for (var doc = bare.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = bare.NextDoc())
                        {
                            sum += bare.GetScore();
                        }
                    }

                    times[3] += watch.Elapsed.TotalMilliseconds + (sum < 0 ? 1 : 0);
                }

                for (var i = 0; i < 6; i++)
                {
                    best[i] = Math.Min(best[i], times[i]);
                }
            }

            var terms = new HashSet<Lucene.Net.Index.Term>();
            try
            {
                rewritten.ExtractTerms(terms);
            }
            catch (NotSupportedException)
            {
            }

            if (!print)
            {
                continue;
            }

            if (Environment.GetEnvironmentVariable("EXPLAIN_QUERY") == text)
            {
                Console.WriteLine(rewritten.ToString());
                Clauses(searcher, rewritten, index, prepared);
            }

            Console.WriteLine($"  {text,-12} match {best[0],6:F2} ms ({matched} matched), tally {best[1],5:F2} ms, score {best[2],6:F2} ms (weights {best[5],5:F2}, clause by clause {best[4],5:F2}, Lucene's scorer alone {best[3],6:F2}; {hits} hits), {terms.Count} terms");
        }
    }

    /// <summary>The slowest leaf clauses of a query, each scored alone over the query's hits (EXPLAIN_QUERY=text).</summary>
    private static void Clauses(IndexSearcher searcher, Query rewritten, PostingIndex index, PreparedPostingRequest prepared)
    {
        var leaves = new List<Query>();
        void Walk(Query q)
        {
            switch (q)
            {
                case BooleanQuery b:
                    foreach (var c in b.Clauses)
                    {
                        Walk(c.Query);
                    }

                    break;
                case DisjunctionMaxQuery d:
                    foreach (var c in d.Disjuncts)
                    {
                        Walk(c);
                    }

                    break;
                default:
                    leaves.Add(q);
                    break;
            }
        }

        Walk(rewritten);
        var times = new List<(double Ms, int Docs, string Clause)>();
        using var scratch = new BitSetScratch();
        var matches = new MatchSet(searcher, scratch);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            var c = new PostingCollector(index.ColumnKeys, prepared.Conditions, (_, _, s) => s, 1000, null);
            c.SetNextReader(leaf);
            var hits = c.TallyByBits(matches.Match(rewritten, leaf), PostingFacetBits.For(leaf.AtomicReader, c.Columns, c.CityCount), scratch)
                ?? throw new InvalidOperationException("filters beyond city and education");
            foreach (var q in leaves)
            {
                var weight = searcher.CreateNormalizedWeight(q);
                var best = double.MaxValue;
                var docs = 0;
                for (var round = 0; round < 5; round++)
                {
                    var watch = Stopwatch.StartNew();
                    var scorer = weight.GetScorer(leaf, hits);
                    docs = 0;
                    if (scorer is not null)
                    {
                        for (var doc = scorer.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = scorer.NextDoc())
                        {
                            scorer.GetScore();
                            docs++;
                        }
                    }

                    best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
                }

                times.Add((best, docs, q.ToString()));
            }
        }

        foreach (var (ms, docs, clause) in times.OrderByDescending(t => t.Ms).Take(12))
        {
            Console.WriteLine($"    {ms,6:F3} ms {docs,6} hits  {clause}");
        }

        Console.WriteLine($"    all {times.Count} clauses: {times.Sum(t => t.Ms):F2} ms");
    }
}
