using System.Diagnostics;
using Jobs.Core.Common;
using Jobs.Search.Postings;
using Lucene.Net.Search;

namespace Jobs.SearchHarness;

/// <summary>--explain: per query text, the CPU time of collection (matches, facets, ranking) in the old single pass and in two steps.</summary>
internal static class Explain
{
    public static void Run(PostingSearchService search, PostingIndex index, IReadOnlyList<string> texts)
    {
        using var lease = index.Index.Acquire();
        var searcher = lease.Searcher;
        foreach (var text in texts)
        {
            var prepared = search.Prepare(new PostingSearchRequest { Query = text, CityCodes = ["nanjing"], Education = EducationLevel.Bachelor });
            var filtered = new BooleanQuery { { prepared.Text.Query ?? new MatchAllDocsQuery(), Occur.MUST } };
            foreach (var f in prepared.Filters)
            {
                filtered.Add(f, Occur.MUST);
            }

            PostingCollector NewCollector() => new(index.ColumnKeys, prepared.Conditions, (c, d, s) => s, 1000, null);
            double Both(bool twoStep, out int hits)
            {
                var best = double.MaxValue;
                hits = 0;
                for (var i = 0; i < 4; i++)
                {
                    // CPU time of the process, not wall time: other work on the shared cores stretches the latter.
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    var c = NewCollector();
                    if (twoStep)
                    {
                        PostingPass.Run(searcher, filtered, c, scores: true);
                    }
                    else
                    {
                        searcher.Search(filtered, c);
                    }

                    best = Math.Min(best, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds);
                    hits = c.TotalHits;
                }

                return best;
            }

            var onePass = Both(false, out var oneHits);
            var twoPass = Both(true, out var twoHits);
            Console.WriteLine($"  {text,-12} CPU one pass {onePass,7:F2} ms ({oneHits} hits), two steps {twoPass,7:F2} ms ({twoHits} hits)");
        }
    }
}
