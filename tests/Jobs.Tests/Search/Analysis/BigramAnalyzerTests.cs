using Jobs.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using static Jobs.Tests.Search.Analysis.AnalysisTestKit;

namespace Jobs.Tests.Search.Analysis;

public class BigramAnalyzerTests
{
    [Fact]
    public void BigramIndexAnalyzer_Run_UnigramsWithBigramsAtSamePosition()
    {
        var tokens = Analyze(ChineseAnalysis.BigramIndexAnalyzer, "工程师");

        Assert.Equal(["工", "工程", "程", "程师", "师"], tokens.Select(t => t.Term));
        Assert.Equal([1, 0, 1, 0, 1], tokens.Select(t => t.PositionIncrement));
    }

    [Fact]
    public void BigramQueryAnalyzer_Run_OverlappingBigramsOnly()
    {
        var tokens = Analyze(ChineseAnalysis.BigramQueryAnalyzer, "工程师");

        Assert.Equal(["工程", "程师"], tokens.Select(t => t.Term));
        Assert.All(tokens, t => Assert.Equal(1, t.PositionIncrement));
    }

    [Fact]
    public void BigramQueryAnalyzer_OneCharacterRun_Unigram()
    {
        Assert.Equal(["鞍"], Terms(ChineseAnalysis.BigramQueryAnalyzer, "鞍"));
        Assert.Equal(["java", "岗"], Terms(ChineseAnalysis.BigramQueryAnalyzer, "Java岗"));
    }

    [Fact]
    public void BigramAnalyzers_MixedText_LatinTokensWholeAndRunsSplitAtScript()
    {
        Assert.Equal(["asp.net", "core", "开", "开发", "发", "c++"], Terms(ChineseAnalysis.BigramIndexAnalyzer, "ASP.NET Core开发、C++"));
        Assert.Equal(["asp.net", "core", "开发", "c++"], Terms(ChineseAnalysis.BigramQueryAnalyzer, "ASP.NET Core开发、C++"));
    }

    [Fact]
    public void BigramQueryAnalyzer_TraditionalQuery_SameBigramsAsSimplified()
    {
        Assert.Equal(Terms(ChineseAnalysis.BigramQueryAnalyzer, "软件工程师"), Terms(ChineseAnalysis.BigramQueryAnalyzer, "軟體工程師"));
    }

    [Theory]
    [InlineData("软件工程师", "工程师")]
    [InlineData("深圳市南山区", "南山区")]
    [InlineData("軟體工程師", "软件工程师")]
    [InlineData("南京市软件工程师", "軟體")]
    public void BigramPhraseQuery_WordInsideLongerText_Matches(string indexed, string query)
    {
        using var index = new BigramIndex(indexed);

        Assert.Equal(1, index.Count(index.Phrase(query)));
    }

    [Fact]
    public void BigramQuery_CityWithSuffixAgainstNameWithout_OrQueryMatchesPhraseDoesNot()
    {
        // 马鞍山市 gives 马鞍 鞍山 山市; 马鞍山 indexes only 马鞍 鞍山. The search side drops the suffix or lets one bigram miss.
        using var index = new BigramIndex("马鞍山");

        Assert.Equal(0, index.Count(index.Phrase("马鞍山市")));
        Assert.Equal(1, index.Count(index.AnyButOne("马鞍山市")));
        Assert.Equal(1, index.Count(index.Phrase("马鞍山")));
    }

    [Fact]
    public void BigramQuery_OneCharacter_FindsItInsideLongerRun()
    {
        using var index = new BigramIndex("马鞍山");

        Assert.Equal(1, index.Count(index.Phrase("鞍")));
    }

    /// <summary>A one-document index with the bigram field, queried the way the search side is expected to.</summary>
    private sealed class BigramIndex : IDisposable
    {
        private const string FieldName = "bigram";
        private readonly RAMDirectory _directory = new();
        private readonly DirectoryReader _reader;

        public BigramIndex(string text)
        {
            using (var writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, ChineseAnalysis.BigramIndexAnalyzer)))
            {
                writer.AddDocument(new Document { new TextField(FieldName, text, Field.Store.NO) });
            }

            _reader = DirectoryReader.Open(_directory);
        }

        /// <summary>The query analyzer's tokens as a phrase (bigrams at consecutive positions), or one term.</summary>
        public Query Phrase(string query)
        {
            var phrase = new PhraseQuery();
            var position = -1;
            foreach (var token in Analyze(ChineseAnalysis.BigramQueryAnalyzer, query))
            {
                position += token.PositionIncrement;
                phrase.Add(new Term(FieldName, token.Term), position);
            }

            return phrase;
        }

        /// <summary>Any of the query's bigrams, all but one required.</summary>
        public Query AnyButOne(string query)
        {
            var terms = Terms(ChineseAnalysis.BigramQueryAnalyzer, query);
            var any = new BooleanQuery { MinimumNumberShouldMatch = Math.Max(1, terms.Count - 1) };
            foreach (var term in terms)
            {
                any.Add(new TermQuery(new Term(FieldName, term)), Occur.SHOULD);
            }

            return any;
        }

        public int Count(Query query) => new IndexSearcher(_reader).Search(query, 10).TotalHits;

        public void Dispose()
        {
            _reader.Dispose();
            _directory.Dispose();
        }
    }
}
