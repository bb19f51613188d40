using Jobs.Core.Common;
using Jobs.Core.Regions;
using Jobs.Search.Highlighting;
using Jobs.Search.Querying;

namespace Jobs.Tests.Search;

public class QueryParsingTests
{
    private static readonly QueryUnderstanding Understanding = new(CityDirectory.LoadEmbedded());

    [Fact]
    public void Parse_PhrasesAndExclusions_SplitsThemFromText()
    {
        var q = UserQuery.Parse("java \"spring boot\" -外包 -\"驻场 开发\" 南京");
        Assert.Equal("java 南京", q.Text);
        Assert.Equal(["spring boot"], q.Phrases);
        Assert.Equal(["外包", "驻场 开发"], q.Excluded);
    }

    [Theory]
    [InlineData("*:*", "*:*")]
    [InlineData("title:", "title:")]
    [InlineData("a-b", "a-b")]
    [InlineData("  -  ", "-")]
    public void Parse_SyntaxCharacters_StayPlainText(string input, string text)
    {
        var q = UserQuery.Parse(input);
        Assert.Equal(text, q.Text);
        Assert.Empty(q.Excluded);
    }

    [Fact]
    public void Parse_UnbalancedQuote_RunsToEnd()
    {
        var q = UserQuery.Parse("会计 \"总账 报表");
        Assert.Equal("会计", q.Text);
        Assert.Equal(["总账 报表"], q.Phrases);
    }

    [Fact]
    public void Parse_VeryLongInput_IsTruncatedAndFlagged()
    {
        var q = UserQuery.Parse(new string('啊', 10_000));
        Assert.True(q.Truncated);
        Assert.Equal(UserQuery.MaxLength, q.Text.Length);
    }

    [Theory]
    [InlineData("南京 java", "nanjing", "java")]
    [InlineData("nanjing java", "nanjing", "java")]
    [InlineData("馬鞍山 会计", "maanshan", "会计")]
    [InlineData("马鞍山市会计", "maanshan", "会计")]
    [InlineData("常州金坛 电池", "jintan", "电池")]
    public void Understand_CityInText_BecomesCityFilter(string text, string city, string remaining)
    {
        var u = Understanding.Understand(text);
        Assert.Equal(city, Assert.Single(u.Cities).Code);
        Assert.Equal(remaining, u.RemainingText);
    }

    [Theory]
    [InlineData("java 8k以上", 8000, null)]
    [InlineData("会计 1万+", 10000, null)]
    [InlineData("前端 15-20K", 15000, 20000)]
    [InlineData("普工 8千-1.2万", 8000, 12000)]
    [InlineData("销售 6000元以上", 6000, null)]
    public void Understand_SalaryPhrase_BecomesSalaryFilter(string text, int min, int? max)
    {
        var u = Understanding.Understand(text);
        Assert.Equal(min, u.Salary?.Min);
        Assert.Equal(max, u.Salary?.Max);
        Assert.DoesNotContain(u.Salary!.Text, u.RemainingText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("java 8")]
    [InlineData("3年以上 java")]
    [InlineData("C++11")]
    public void Understand_NumbersThatAreNotPay_StayText(string text)
    {
        Assert.Null(Understanding.Understand(text).Salary);
    }

    [Fact]
    public void Understand_EducationAndFreshGraduate_BecomeFilters()
    {
        var u = Understanding.Understand("本科 应届 java");
        Assert.Equal(EducationLevel.Bachelor, u.Education?.Level);
        Assert.Equal("应届", u.FreshGraduateText);
        Assert.Equal("java", u.RemainingText);
    }

    [Fact]
    public void Cursor_RoundTrip_KeepsSortKeyAndId()
    {
        var cursor = new SearchCursor("relevance", 12.345678, 98765);
        Assert.Equal(cursor, SearchCursor.TryDecode(cursor.Encode()));
        Assert.Null(SearchCursor.TryDecode("bm90IGEgY3Vyc29y"));
        Assert.Null(SearchCursor.TryDecode("%%%"));
    }

    [Fact]
    public void Highlight_FoldedMatch_MarksOriginalCharactersAndEscapesHtml()
    {
        // Fold here is a stand-in with the same contract as the analyzer's: same length, Traditional to Simplified.
        static string Fold(string s) => s.Replace('軟', '软').Replace('體', '件').ToLowerInvariant();
        var highlighter = new Highlighter(Fold);
        Assert.Equal("<em>軟體</em>工程師 &amp; <em>Java</em>", highlighter.Highlight("軟體工程師 & Java", ["软件", "java"]));
        Assert.Equal("<em>javascript</em>", highlighter.Highlight("javascript", ["javascript"]));
        Assert.Equal("javascript", highlighter.Highlight("javascript", ["java"]));
    }

    [Fact]
    public void Snippet_LongText_CentresOnMatchesWithEllipses()
    {
        var highlighter = new Highlighter(s => s);
        var text = new string('甲', 300) + "。熟悉冶金工艺。" + new string('乙', 300);
        var snippet = highlighter.Snippet(text, ["冶金"], 60);
        Assert.Contains("<em>冶金</em>", snippet, StringComparison.Ordinal);
        Assert.StartsWith("…", snippet, StringComparison.Ordinal);
        Assert.EndsWith("…", snippet, StringComparison.Ordinal);
    }

    [Fact]
    public void Vocabulary_Parse_GroupsOneWayAndBadLines()
    {
        var v = Jobs.Search.Vocabulary.Vocabulary.Parse(["# comment", "程序员, 软件工程师, 码农", "宁 => 南京", "孤单"], s => s.ToLowerInvariant());
        Assert.Equal(["码农", "软件工程师"], v.Expand("程序员"));
        Assert.Equal(["南京"], v.Expand("宁"));
        Assert.Empty(v.Expand("南京"));
        Assert.Contains("第 4 行", Assert.Single(v.Problems), StringComparison.Ordinal);
    }
}
