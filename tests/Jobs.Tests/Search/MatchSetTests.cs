using Jobs.Search.Querying;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Jobs.Tests.Search;

/// <summary>The unscored match sets posting search counts facets from must be exactly the documents Lucene's scorers match.</summary>
public sealed class MatchSetTests : IDisposable
{
    private static readonly string[] Words = ["java", "会计", "开发", "工程师", "销售", "护士", "运维", "普工"];
    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;

    public MatchSetTests()
    {
        var random = new Random(7);
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(LuceneVersion.LUCENE_48))
               { MaxBufferedDocs = 50, MergePolicy = NoMergePolicy.COMPOUND_FILES }))
        {
            for (var i = 0; i < 400; i++)
            {
                var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 6)).Select(_ => Words[random.Next(Words.Length)]));
                writer.AddDocument([new StringField("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.NO),
                    new TextField("a", text, Field.Store.NO), new TextField("b", Words[random.Next(Words.Length)], Field.Store.NO)]);
            }

            // Deleted documents must not match (several segments, since a segment flushes every 50 documents).
            for (var i = 0; i < 400; i += 7)
            {
                writer.DeleteDocuments(new Term("id", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        _reader = DirectoryReader.Open(_directory);
    }

    private static TermQuery T(string field, string word) => new(new Term(field, word));

    private static PhraseQuery P(string field, params string[] words)
    {
        var phrase = new PhraseQuery();
        foreach (var w in words)
        {
            phrase.Add(new Term(field, w));
        }

        return phrase;
    }

    public static TheoryData<string> Queries => ["term", "dismax", "phrase-in-dismax", "all-of-three", "two-of-three", "must-not", "only-must-not", "match-all-minus", "nested"];

    private static Query Build(string name) => name switch
    {
        "term" => T("a", "java"),
        "dismax" => new DisjunctionMaxQuery(0.1f) { T("a", "会计"), T("b", "会计"), T("a", "护士") },
        "phrase-in-dismax" => new DisjunctionMaxQuery(0.1f) { T("b", "开发"), P("a", "开发", "工程师") },
        "all-of-three" => new BooleanQuery { MinimumNumberShouldMatch = 3 }.With(Occur.SHOULD, T("a", "java"), T("a", "开发"), T("a", "销售")),
        "two-of-three" => new BooleanQuery { MinimumNumberShouldMatch = 2 }.With(Occur.SHOULD, T("a", "java"), P("a", "开发", "工程师"), T("b", "销售")),
        "must-not" => new BooleanQuery().With(Occur.MUST, T("a", "运维")).With(Occur.MUST_NOT, T("b", "普工")),
        "only-must-not" => new BooleanQuery().With(Occur.MUST_NOT, T("a", "运维")),
        "match-all-minus" => new BooleanQuery().With(Occur.MUST, new MatchAllDocsQuery()).With(Occur.MUST_NOT, P("a", "会计", "护士")),
        _ => new BooleanQuery().With(Occur.MUST, new DisjunctionMaxQuery(0.1f) { T("a", "java"), P("a", "开发", "工程师") })
            .With(Occur.SHOULD, T("b", "运维")).With(Occur.MUST, new ConstantScoreQuery(T("a", "销售")) { Boost = 0f }),
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Match_QueryShapes_SameDocumentsAsLuceneScorer(string name)
    {
        var searcher = new IndexSearcher(_reader);
        var query = searcher.Rewrite(Build(name));
        var expected = new SortedSet<int>();
        searcher.Search(query, new AllDocs(expected));
        var actual = new SortedSet<int>();
        using var scratch = new BitSetScratch();
        var matches = new MatchSet(searcher, scratch);
        foreach (var leaf in _reader.Leaves)
        {
            var bits = matches.Match(query, leaf);
            for (var doc = bits.NextSetBit(0); doc >= 0; doc = doc + 1 < bits.Length ? bits.NextSetBit(doc + 1) : -1)
            {
                actual.Add(leaf.DocBase + doc);
            }
        }

        Assert.True(_reader.Leaves.Count > 1, "the test needs several segments");
        Assert.Equal(expected, actual);
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public void Score_QueryShapes_SameScoresAsLuceneScorer(string name)
    {
        var searcher = new IndexSearcher(_reader) { Similarity = new Lucene.Net.Search.Similarities.BM25Similarity() };
        var query = searcher.Rewrite(Build(name));
        var expected = new Dictionary<int, float>();
        searcher.Search(query, new Scores(expected));
        var actual = new Dictionary<int, float>();
        var scorer = HitScorer.For(searcher, query);
        Assert.NotNull(scorer);
        using var scratch = new BitSetScratch();
        var matches = new MatchSet(searcher, scratch);
        foreach (var leaf in _reader.Leaves)
        {
            var hits = matches.Match(query, leaf);
            var scores = scorer.Score(leaf, hits, out var count);
            var slot = 0;
            for (var doc = hits.NextSetBit(0); doc >= 0; doc = doc + 1 < hits.Length ? hits.NextSetBit(doc + 1) : -1, slot++)
            {
                actual[leaf.DocBase + doc] = scores[slot];
            }

            Assert.Equal(count, slot);
        }

        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (doc, score) in expected)
        {
            // Only the order of float additions differs from Lucene's scorers.
            Assert.True(Math.Abs(score - actual[doc]) <= 1e-5f * Math.Max(1f, score), $"doc {doc}: Lucene {score}, clause by clause {actual[doc]}");
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    private sealed class AllDocs(SortedSet<int> into) : ICollector
    {
        private int _docBase;

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

        public void Collect(int doc) => into.Add(_docBase + doc);
    }
}

internal sealed class Scores(Dictionary<int, float> into) : ICollector
{
    private int _docBase;
    private Scorer _scorer = null!;

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;

    public void Collect(int doc) => into[_docBase + doc] = _scorer.GetScore();
}

internal static class BooleanQueryExtensions
{
    public static BooleanQuery With(this BooleanQuery query, Occur occur, params Query[] clauses)
    {
        foreach (var c in clauses)
        {
            query.Add(c, occur);
        }

        return query;
    }
}
