using static Jobs.Tests.Search.Analysis.AnalysisTestKit;

namespace Jobs.Tests.Search.Analysis;

public class FoldingTests
{
    [Theory]
    [InlineData("ＪＡＶＡ", "java")]
    [InlineData("１２３", "123")]
    [InlineData("Ｃ＃，Ｃ＋＋；（ＵＩ）", "c#,c++;(ui)")]
    [InlineData("ASP.NET\u3000Core", "asp.net core")]
    public void Fold_WidthAndCase_NarrowLowerCase(string text, string expected)
    {
        Assert.Equal(expected, ChineseAnalysis.Fold(text));
    }

    [Theory]
    [InlineData("濟寧", "济宁")]
    [InlineData("馬鞍山市", "马鞍山市")]
    [InlineData("軟體工程師", "软件工程师")]
    [InlineData("網路伺服器", "网络服务器")]
    [InlineData("資料庫", "数据库")]
    [InlineData("程式", "程序")]
    [InlineData("維運工程師", "运维工程师")]
    public void Fold_TraditionalAndRegionalWords_MainlandSimplified(string text, string expected)
    {
        Assert.Equal(expected, ChineseAnalysis.Fold(text));
    }

    [Theory]
    [InlineData("程式設計師")]
    [InlineData("招聘ＡＳＰ．ＮＥＴ工程師（遠端）ﬁ⑴😀")]
    [InlineData("記憶體與演算法")]
    [InlineData("")]
    public void Fold_AnyText_KeepsLength(string text)
    {
        Assert.Equal(text.Length, ChineseAnalysis.Fold(text).Length);
    }

    [Fact]
    public void WordAnalyzer_TraditionalAndSimplifiedTitle_IdenticalTokens()
    {
        Assert.Equal(Terms(ChineseAnalysis.WordAnalyzer, "软件工程师"), Terms(ChineseAnalysis.WordAnalyzer, "軟體工程師"));
        Assert.Equal(Terms(ChineseAnalysis.BigramIndexAnalyzer, "软件工程师"), Terms(ChineseAnalysis.BigramIndexAnalyzer, "軟體工程師"));
        Assert.Equal(Terms(ChineseAnalysis.PinyinIndexAnalyzer, "软件工程师"), Terms(ChineseAnalysis.PinyinIndexAnalyzer, "軟體工程師"));
    }

    [Fact]
    public void WordAnalyzer_TraditionalCity_SimplifiedToken()
    {
        Assert.Equal(["济宁"], Terms(ChineseAnalysis.WordAnalyzer, "濟寧"));
    }

    [Fact]
    public void WordAnalyzer_TraditionalNetworkServer_MainlandWords()
    {
        Assert.Equal(["网络", "服务器"], Terms(ChineseAnalysis.WordAnalyzer, "網路伺服器"));
    }

    [Fact]
    public void WordAnalyzer_TraditionalText_OffsetsPointIntoOriginal()
    {
        const string text = "誠聘軟體工程師，熟悉ＡＳＰ．ＮＥＴ與資料庫。";

        var tokens = Analyze(ChineseAnalysis.WordAnalyzer, text);

        var title = Assert.Single(tokens, t => t.Term == "软件工程师");
        Assert.Equal("軟體工程師", text[title.Start..title.End]);
        var tech = Assert.Single(tokens, t => t.Term == "asp.net");
        Assert.Equal("ＡＳＰ．ＮＥＴ", text[tech.Start..tech.End]);
        var database = Assert.Single(tokens, t => t.Term == "数据库");
        Assert.Equal("資料庫", text[database.Start..database.End]);
        Assert.All(tokens, t => Assert.Equal(t.Term, ChineseAnalysis.Fold(text)[t.Start..t.End]));
    }

    [Fact]
    public void BigramIndexAnalyzer_TraditionalText_OffsetsPointIntoOriginal()
    {
        const string text = "濟寧市軟體公司";

        var tokens = Analyze(ChineseAnalysis.BigramIndexAnalyzer, text);

        // 件 alone comes from 體 only because 軟體 is a regional word: the term is the folded text at the token's offsets.
        Assert.All(tokens, t => Assert.Equal(t.Term, ChineseAnalysis.Fold(text)[t.Start..t.End]));
        var software = Assert.Single(tokens, t => t.Term == "软件");
        Assert.Equal("軟體", text[software.Start..software.End]);
    }
}
