using Jobs.Search.Analysis;
using Jobs.Search.Suggest;

namespace Jobs.Tests.Search.Analysis;

public class PinyinExpanderTests
{
    private static readonly Dictionary<string, int> Words = new()
    {
        ["焊工"] = 5, ["南京"] = 9, ["蓝鲸"] = 1, ["会计"] = 7, ["开发"] = 3, ["叉车司机"] = 2, ["软件工程师"] = 4, ["南京市"] = 2,
        ["软件"] = 6, ["工程"] = 4, ["招聘"] = 0,
    };

    private static PinyinExpander Expander => PinyinExpander.Build(Words, AnalysisTestKit.ChineseAnalysis);

    [Theory]
    [InlineData("hangong", "焊工")]
    [InlineData("kuaiji", "会计")]
    [InlineData("huiji", "会计")]
    [InlineData("kai'fa", "开发")]
    [InlineData("chechesiji", null)]
    public void Expand_ExactReading_GivesTheWord(string typed, string? word)
    {
        var found = Expander.Expand(typed);
        if (word is null)
        {
            Assert.Empty(found);
        }
        else
        {
            Assert.Equal([word], found);
        }
    }

    [Fact]
    public void Expand_ExactReadingExists_DoesNotAddFuzzyWords()
    {
        // lanjing is exactly 蓝鲸; 南京 (nan jing) is only a fuzzy match, so it stays out.
        Assert.Equal(["蓝鲸"], Expander.Expand("lanjing"));
    }

    [Theory]
    [InlineData("hanggong", "焊工")]
    [InlineData("nanjin", "南京")]
    [InlineData("cacesiji", "叉车司机")]
    [InlineData("ruanjiangongchensi", "软件工程师")]
    public void Expand_NoExactReading_FallsBackToFuzzyPairs(string typed, string word)
    {
        Assert.Contains(word, Expander.Expand(typed));
    }

    [Fact]
    public void Correct_Homophones_ProposeTheKnownWord()
    {
        var expander = Expander;
        var latin = new Dictionary<string, int> { ["java"] = 10, ["python"] = 3 };
        var corrector = SpellingCorrector.Build(AnalysisTestKit.ChineseAnalysis, expander, Words, latin);
        Assert.Equal("会计", corrector.Correct("会记"));
        Assert.Equal("软件工程师", corrector.Correct("软件工程狮"));
        Assert.Equal("叉车司机", corrector.Correct("叉车师机"));
        Assert.Equal("软件工程师", corrector.Correct("软件工程帅"));
        Assert.Equal("java python", corrector.Correct("Jvaa pyhton"));
        Assert.Equal("南京 会计 -会记", corrector.Correct("南京 会记 -会记"));
        // 南京会 is one character off 南京市, but 南京 + the homophone 会计 is the cheaper reading.
        Assert.Equal("南京会计招聘", corrector.Correct("南京会记招聘"));
        Assert.Null(corrector.Correct("会计 java"));
        Assert.Null(corrector.Correct("南京软件工程师招聘"));
        Assert.Null(corrector.Correct("kuaiji"));
    }
}
