using Jobs.Core.Imports.Feeds;

namespace Jobs.Tests.Imports.Feeds;

public class FeedTextTests
{
    [Theory]
    [InlineData("<p>第一段</p><p>第二段</p>", "第一段\n第二段")]
    [InlineData("<p>第一段</p>\n   <p>第二段</p>\n", "第一段\n第二段")]
    [InlineData("<ul>\n<li>一</li>\n<li>二</li>\n</ul>", "一\n二")]
    [InlineData("一<br><br>二", "一\n\n二")]
    [InlineData("第一行\n第二行有<b>粗体</b>", "第一行\n第二行有粗体")]
    [InlineData("一<br>二<br/>三", "一\n二\n三")]
    [InlineData("<div class=\"x\">要求：<b>本科</b></div>", "要求：本科")]
    [InlineData("薪资<5000 且 a < b", "薪资<5000 且 a < b")]
    [InlineData("&lt;b&gt;不是标签&lt;/b&gt; &amp; &#x4E2D;&#25991;", "<b>不是标签</b> & 中文")]
    [InlineData("<style>p{color:red}</style>正文<script>var a='<p>';</script>", "正文")]
    [InlineData("<!-- 注释 <p> -->正文", "正文")]
    [InlineData("  多个   空格\t和\u3000全角空格  ", "多个 空格 和 全角空格")]
    [InlineData("行一\r\n\r\n\r\n\r\n行二\r行三", "行一\n\n行二\n行三")]
    [InlineData("零宽\u200B字符\u0001", "零宽字符")]
    [InlineData("<p>未闭合 <b", "未闭合 <b")]
    [InlineData("纯文本", "纯文本")]
    public void Plain_Html_BecomesReadableText(string raw, string expected)
    {
        Assert.Equal(expected, FeedText.Plain(raw));
    }

    [Theory]
    [InlineData("  Java\n开发 ", "Java 开发")]
    [InlineData("R&amp;D 工程师", "R&D 工程师")]
    [InlineData("R&D", "R&D")]
    [InlineData(" \t ", null)]
    public void Line_Text_OneCleanLine(string raw, string? expected)
    {
        Assert.Equal(expected, FeedText.Line(raw));
    }
}
