using static Jobs.Tests.Search.Analysis.AnalysisTestKit;

namespace Jobs.Tests.Search.Analysis;

public class SegmentationTests
{
    [Theory]
    [InlineData("工程师")]
    [InlineData("后端")]
    [InlineData("运维")]
    [InlineData("五险一金")]
    [InlineData("叉车司机")]
    [InlineData("质检员")]
    [InlineData("应届生")]
    [InlineData("带薪年假")]
    public void Segment_DomainWordIcuSplits_OneWord(string word)
    {
        Assert.Equal([word], ChineseAnalysis.Segment(word));
    }

    [Theory]
    [InlineData("深圳市南山区", new[] { "深圳市", "南山区" })]
    [InlineData("马鞍山市雨山区", new[] { "马鞍山市", "雨山区" })]
    [InlineData("馬鞍山市雨山區", new[] { "马鞍山市", "雨山区" })]
    [InlineData("南京市江宁区", new[] { "南京市", "江宁区" })]
    [InlineData("常州市金坛区薛埠镇", new[] { "常州市", "金坛区", "薛埠镇" })]
    [InlineData("临沂市兰山区", new[] { "临沂市", "兰山区" })]
    public void Segment_CityThenDistrict_SplitAfterEachSuffix(string text, string[] expected)
    {
        Assert.Equal(expected, ChineseAnalysis.Segment(text));
    }

    [Theory]
    [InlineData("雨花台")]
    [InlineData("江宁")]
    [InlineData("盱眙")]
    [InlineData("天目湖")]
    public void Segment_DistrictWithoutSuffix_OneWord(string district)
    {
        Assert.Equal([district], ChineseAnalysis.Segment(district));
    }

    [Fact]
    public void Segment_RemovedPlaceWordInOrdinaryText_NotGlued()
    {
        // 市中 (a district of 枣庄 without its suffix) is removed in dictionary.txt; 市中区 still is a word.
        Assert.DoesNotContain("市中", ChineseAnalysis.Segment("本市中小企业"));
        Assert.Equal(["市中区"], ChineseAnalysis.Segment("市中区"));
    }

    [Fact]
    public void Segment_PostingSentence_DomainWordsAndIcuWords()
    {
        Assert.Equal(
            ["南京市", "江宁区", "招聘", "后端", "开发工程师", "五险一金", "双休", "包吃住"],
            ChineseAnalysis.Segment("南京市江宁区招聘后端开发工程师，五险一金，双休，包吃住。"));
    }

    [Theory]
    [InlineData("C#", new[] { "c#" })]
    [InlineData("F#", new[] { "f#" })]
    [InlineData("C++", new[] { "c++" })]
    [InlineData(".NET", new[] { ".net" })]
    [InlineData("ASP.NET Core", new[] { "asp.net", "core" })]
    [InlineData("Node.js", new[] { "node.js" })]
    [InlineData("vue.js", new[] { "vue.js" })]
    [InlineData("Objective-C", new[] { "objective-c" })]
    [InlineData("3D", new[] { "3d" })]
    [InlineData("UI/UX", new[] { "ui", "ux" })]
    [InlineData("JAVA", new[] { "java" })]
    [InlineData("Java.", new[] { "java" })]
    [InlineData("熟悉Java.", new[] { "熟悉", "java" })]
    [InlineData("Java开发", new[] { "java", "开发" })]
    [InlineData("3D打印", new[] { "3d", "打印" })]
    [InlineData("精通.NET和C++开发", new[] { "精通", ".net", "和", "c++", "开发" })]
    [InlineData("Java+Python", new[] { "java", "python" })]
    [InlineData("CET-4", new[] { "cet-4" })]
    [InlineData("18-45周岁", new[] { "18", "45", "周岁" })]
    [InlineData("Ｃ＃／．ＮＥＴ", new[] { "c#", ".net" })]
    public void Segment_TechAndLatinTokens_WholeAndLowerCase(string text, string[] expected)
    {
        Assert.Equal(expected, ChineseAnalysis.Segment(text));
    }

    [Fact]
    public void WordAnalyzer_Tokens_ConsecutivePositions()
    {
        var tokens = Analyze(ChineseAnalysis.WordAnalyzer, "Java开发工程师");

        Assert.Equal(["java", "开发工程师"], tokens.Select(t => t.Term));
        Assert.All(tokens, t => Assert.Equal(1, t.PositionIncrement));
        Assert.Equal([(0, 4), (4, 9)], tokens.Select(t => (t.Start, t.End)));
    }
}
