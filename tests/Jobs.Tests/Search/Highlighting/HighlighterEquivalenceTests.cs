using Jobs.Search.Highlighting;

namespace Jobs.Tests.Search.Highlighting;

/// <summary>The highlighter was rewritten for speed (issue 18): it must mark and escape exactly as before.</summary>
public class HighlighterEquivalenceTests
{
    // Pieces that exercise every branch: Chinese terms, Latin words inside and outside longer words, markup, Latin-1 and
    // astral characters the HTML encoder rewrites, sentence breaks the snippet start looks for, and Traditional text.
    private static readonly string[] Pieces =
    [
        "会计", "财务", "java", "javascript", "Java", " ", "，", "。", "\n", "；", "<b>", "&", "\"", "'", "é", "©", "😀", "工程师", "軟體",
        "软件", "五险一金", "双休", "负责", "日常", "核算", "工作", "a", "1", "——", "！", "？",
    ];

    private static readonly string[] Terms = ["会计", "java", "软件", "五险一金", "工程师", "双休", "核算", "<b>", "&", "é", "日常工作", "a"];

    private static string Fold(string s) => s.Replace("軟體", "软件", StringComparison.Ordinal).ToLowerInvariant();

    [Fact]
    public void HighlightAndSnippet_RandomTexts_EqualFrozenReference()
    {
        var random = new Random(18);
        var fast = new Highlighter(Fold);
        var reference = new ReferenceHighlighter(Fold);
        var differences = new List<string>();
        for (var i = 0; i < 3000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 120)).Select(_ => Pieces[random.Next(Pieces.Length)]));
            var terms = Enumerable.Range(0, random.Next(0, 4)).Select(_ => Terms[random.Next(Terms.Length)]).Distinct().ToList();
            var length = random.Next(20, 160);
            if (fast.Highlight(text, terms) != reference.Highlight(text, terms) || fast.Snippet(text, terms, length) != reference.Snippet(text, terms, length))
            {
                differences.Add($"{text} | {string.Join(',', terms)} | {length}");
            }
        }

        Assert.Empty(differences);
    }

    [Fact]
    public void Snippet_LongTextWithMarkup_EscapesAndMarksLikeReference()
    {
        var text = string.Concat(Enumerable.Repeat("岗位职责：负责日常<b>会计</b>核算 & 报表。", 12)) + "五险一金，双休 😀 café";
        // Three terms, one of them in every sentence: the window, the escaping and the marks must all agree.
        string[] terms = ["会计", "双休", "五险一金"];
        var snippet = new Highlighter(Fold).Snippet(text, terms, 60);
        Assert.Equal(new ReferenceHighlighter(Fold).Snippet(text, terms, 60), snippet);
        Assert.Contains("<em>会计</em>", snippet, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", snippet, StringComparison.Ordinal);
    }
}
