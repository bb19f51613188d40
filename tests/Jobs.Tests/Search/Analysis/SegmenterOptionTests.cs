using Jobs.Core.Regions;
using Jobs.Search.Analysis;
using Jobs.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Jobs.Tests.Search.Analysis.AnalysisTestKit;
using F = Jobs.Search.Postings.PostingFields;

namespace Jobs.Tests.Search.Analysis;

/// <summary>
/// The SmartCn variants of <c>Search:Segmenter</c> kept for comparison (issue 17): each cuts where it says it does, the
/// host takes the option from configuration, and an unknown value stops the start.
/// </summary>
public class SegmenterOptionTests
{
    private static readonly Lazy<ChineseTextAnalysis> SmartCnGaps = new(() => Create(ChineseSegmenter.SmartCnGaps));
    private static readonly Lazy<ChineseTextAnalysis> SmartCnTitles = new(() => Create(ChineseSegmenter.SmartCnTitles));

    private static ChineseTextAnalysis Create(ChineseSegmenter segmenter) =>
        ChineseTextAnalysis.Create(CityDirectory.LoadEmbedded(), null, segmenter, [F.Title]);

    [Theory]
    [InlineData("五险一金")]
    [InlineData("后端")]
    [InlineData("叉车司机")]
    public void Segment_SmartCnGaps_DictionaryWordsStayWhole(string word)
    {
        Assert.Equal([word], SmartCnGaps.Value.Segment(word));
    }

    [Fact]
    public void Segment_SmartCnTitles_QuerySideCutBySmartCnAlone()
    {
        // SmartCn has no job dictionary: it cuts 五险一金 apart where the dictionary keeps it whole.
        var words = SmartCnTitles.Value.Segment("五险一金");
        Assert.NotEqual(ChineseAnalysis.Segment("五险一金"), words);
        Assert.Equal("五险一金", string.Concat(words));
    }

    [Fact]
    public void WordAnalyzer_SmartCnTitles_OnlyTitleFieldTakesSmartCn()
    {
        var analyzer = SmartCnTitles.Value.WordAnalyzer;
        Assert.Equal(ChineseAnalysis.Segment("五险一金"), Words(analyzer, F.Description, "五险一金"));
        Assert.Equal(SmartCnTitles.Value.Segment("五险一金"), Words(analyzer, F.Title, "五险一金"));
    }

    [Fact]
    public void Segment_SmartCnTitlesTraditional_FoldedBeforeSmartCn()
    {
        Assert.Equal(SmartCnTitles.Value.Segment("数据库管理员"), SmartCnTitles.Value.Segment("資料庫管理員"));
    }

    [Fact]
    public async Task Start_SegmenterFromConfiguration_AnalysisUsesIt()
    {
        await using var factory = new SegmenterApiFactory(nameof(ChineseSegmenter.SmartCnTitles));
        var analysis = factory.Services.GetRequiredService<ChineseTextAnalysis>();
        Assert.Equal(SmartCnTitles.Value.Segment("五险一金"), analysis.Segment("五险一金"));
    }

    [Fact]
    public async Task Start_UnknownSegmenter_FailsNamingTheSetting()
    {
        await using var factory = new SegmenterApiFactory("Jieba");
        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        var messages = string.Join(" | ", Flatten(error).Select(e => e.Message));
        Assert.Contains("Search:Segmenter", messages, StringComparison.Ordinal);
    }

    private static List<string> Words(Lucene.Net.Analysis.Analyzer analyzer, string field, string text)
    {
        var words = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            words.Add(term.ToString());
        }

        stream.End();
        return words;
    }

    private static IEnumerable<Exception> Flatten(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }

    private sealed class SegmenterApiFactory(string segmenter) : JobsApiFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Search:Segmenter", segmenter)];
    }
}
