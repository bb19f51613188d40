using static Jobs.Tests.Search.Analysis.AnalysisTestKit;

namespace Jobs.Tests.Search.Analysis;

public class PinyinAnalyzerTests
{
    [Fact]
    public void PinyinIndexAnalyzer_Title_WholeFieldThenWordPinyin()
    {
        Assert.Equal(["ruanjiangongchengshi", "rjgcs", "ruanjian", "gongchengshi"], Terms(ChineseAnalysis.PinyinIndexAnalyzer, "软件工程师"));
    }

    [Fact]
    public void PinyinIndexAnalyzer_City_FullPinyinAndInitials()
    {
        Assert.Equal(["nj", "nanjing"], Terms(ChineseAnalysis.PinyinIndexAnalyzer, "南京"));
    }

    [Fact]
    public void PinyinIndexAnalyzer_TraditionalTitle_SameAsSimplified()
    {
        Assert.Equal(Terms(ChineseAnalysis.PinyinIndexAnalyzer, "软件工程师"), Terms(ChineseAnalysis.PinyinIndexAnalyzer, "軟體工程師"));
    }

    [Fact]
    public void PinyinIndexAnalyzer_MixedTitle_LatinWordsKeptAndLeftOutOfInitials()
    {
        Assert.Equal(["kaifagongchengshi", "kfgcs", "java", "kaifa", "gongchengshi"], Terms(ChineseAnalysis.PinyinIndexAnalyzer, "Java开发工程师"));
    }

    [Fact]
    public void PinyinIndexAnalyzer_WholeFieldTokens_SpanTheFieldWithoutGoingBackwards()
    {
        var tokens = Analyze(ChineseAnalysis.PinyinIndexAnalyzer, "Java开发工程师");

        Assert.Equal((0, 9), (tokens[0].Start, tokens[0].End));
        Assert.Equal(0, tokens[1].PositionIncrement);
        Assert.True(tokens.Zip(tokens.Skip(1)).All(p => p.First.Start <= p.Second.Start));
    }

    [Theory]
    [InlineData("长沙", "chang sha")]
    [InlineData("厦门", "xia men")]
    [InlineData("重庆", "chong qing")]
    [InlineData("银行", "yin hang")]
    [InlineData("六合区", "lu he qu")]
    [InlineData("单县", "shan xian")]
    [InlineData("会计", "kuai ji")]
    [InlineData("店长", "dian zhang")]
    [InlineData("南京", "nan jing")]
    [InlineData("濟寧", "ji ning")]
    [InlineData("绿色", "lv se")]
    public void ToPinyin_CuratedReadings_WinOverIcu(string text, string expected)
    {
        Assert.Equal(expected, ChineseAnalysis.ToPinyin(text));
    }

    [Fact]
    public void ToPinyin_MixedText_SyllablesAndLatinWords()
    {
        Assert.Equal("nan jing java gong cheng shi", ChineseAnalysis.ToPinyin("南京Java工程师"));
    }

    [Fact]
    public void PinyinIndexAnalyzer_PlaceName_CuratedNotIcuReading()
    {
        var terms = Terms(ChineseAnalysis.PinyinIndexAnalyzer, "长沙");

        Assert.Contains("changsha", terms);
        Assert.DoesNotContain("zhangsha", terms);
    }

    [Theory]
    [InlineData("nanjing java", new[] { "nanjing", "java" })]
    [InlineData("NanJing", new[] { "nanjing" })]
    [InlineData("Ma'anshan", new[] { "maanshan" })]
    [InlineData("rjgcs", new[] { "rjgcs" })]
    [InlineData("ＮＡＮＪＩＮＧ", new[] { "nanjing" })]
    public void PinyinQueryAnalyzer_LatinQuery_LowerCaseWords(string query, string[] expected)
    {
        Assert.Equal(expected, Terms(ChineseAnalysis.PinyinQueryAnalyzer, query));
    }

    [Fact]
    public void PinyinQueryAnalyzer_ChineseQuery_WordPinyinOnly()
    {
        Assert.Equal(["nanjing", "ruanjian", "gongchengshi"], Terms(ChineseAnalysis.PinyinQueryAnalyzer, "南京软件工程师"));
    }

    [Theory]
    [InlineData("nanjing")]
    [InlineData("rjgcs")]
    [InlineData("gongchengshi")]
    public void PinyinQueryTerms_AgainstIndexedTitle_Found(string query)
    {
        var indexed = Terms(ChineseAnalysis.PinyinIndexAnalyzer, "南京").Concat(Terms(ChineseAnalysis.PinyinIndexAnalyzer, "软件工程师"));

        Assert.Subset(indexed.ToHashSet(), Terms(ChineseAnalysis.PinyinQueryAnalyzer, query).ToHashSet());
    }
}
