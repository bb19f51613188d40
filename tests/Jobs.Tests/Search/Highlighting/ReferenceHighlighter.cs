using System.Net;
using System.Text;

namespace Jobs.Tests.Search.Highlighting;

/// <summary>
/// FROZEN COPY of the highlighter before issue 18 (LINQ windows, WebUtility.HtmlEncode per piece): the faster one must
/// give exactly its output. Do not edit.
/// </summary>
/// <remarks>
/// Marks matched terms with &lt;em&gt;…&lt;/em&gt; and HTML-escapes everything else. Matching runs on the folded text
/// (width, case, Traditional → Simplified), which has the same length as the original, so a Simplified query marks the
/// Traditional characters it matched. Small on purpose: the Lucene highlighter module is not available here.
/// </remarks>
internal sealed class ReferenceHighlighter(Func<string, string> fold)
{
    public const string Open = "<em>";
    public const string Close = "</em>";

    /// <summary>The whole text with matches marked.</summary>
    public string Highlight(string text, IReadOnlyCollection<string> foldedTerms)
    {
        var spans = FindSpans(text, foldedTerms);
        return Render(text, 0, text.Length, spans);
    }

    /// <summary>A window of about <paramref name="length"/> characters around the densest matches, with … where cut.</summary>
    public string Snippet(string text, IReadOnlyCollection<string> foldedTerms, int length = 120)
    {
        var spans = FindSpans(text, foldedTerms);
        if (text.Length <= length)
        {
            return Render(text, 0, text.Length, spans);
        }

        var start = 0;
        if (spans.Count > 0)
        {
            // Slide a window over the spans and keep the one that covers the most distinct terms, then the most spans.
            var best = (Distinct: -1, Count: -1, Start: 0);
            for (var i = 0; i < spans.Count; i++)
            {
                var windowStart = Math.Max(0, spans[i].Start - length / 6);
                var windowEnd = windowStart + length;
                var inWindow = spans.Where(s => s.Start >= windowStart && s.End <= windowEnd).ToList();
                var distinct = inWindow.Select(s => s.Term).Distinct(StringComparer.Ordinal).Count();
                if (distinct > best.Distinct || (distinct == best.Distinct && inWindow.Count > best.Count))
                {
                    best = (distinct, inWindow.Count, windowStart);
                }
            }

            start = best.Start;
            // Start at a sentence or line break shortly before, when there is one, so the snippet reads naturally.
            var back = text.LastIndexOfAny(['。', '\n', '；', ';', '！', '？'], Math.Max(0, Math.Min(start, text.Length - 1)));
            if (back >= 0 && start - back < length / 3)
            {
                start = back + 1;
            }
        }

        var end = Math.Min(text.Length, start + length);
        var sb = new StringBuilder();
        if (start > 0)
        {
            sb.Append('…');
        }

        sb.Append(Render(text, start, end, spans.Where(s => s.Start >= start && s.End <= end).ToList()));
        if (end < text.Length)
        {
            sb.Append('…');
        }

        return sb.ToString();
    }

    private List<Span> FindSpans(string text, IReadOnlyCollection<string> foldedTerms)
    {
        var spans = new List<Span>();
        if (foldedTerms.Count == 0 || text.Length == 0)
        {
            return spans;
        }

        var folded = fold(text);
        foreach (var term in foldedTerms.Where(t => t.Length > 0).OrderByDescending(t => t.Length))
        {
            var latin = term.All(c => c < 128);
            var at = folded.IndexOf(term, StringComparison.Ordinal);
            while (at >= 0)
            {
                var end = at + term.Length;
                // Latin terms match whole words only: "java" must not light up inside "javascript".
                var whole = !latin || ((at == 0 || !char.IsAsciiLetterOrDigit(folded[at - 1])) && (end == folded.Length || !char.IsAsciiLetterOrDigit(folded[end])));
                if (whole && !spans.Any(s => s.Start < end && at < s.End))
                {
                    spans.Add(new Span(at, end, term));
                }

                at = folded.IndexOf(term, at + 1, StringComparison.Ordinal);
            }
        }

        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        return spans;
    }

    private static string Render(string text, int start, int end, IReadOnlyList<Span> spans)
    {
        var sb = new StringBuilder(end - start + spans.Count * 9);
        var at = start;
        foreach (var span in spans)
        {
            if (span.Start < at || span.End > end)
            {
                continue;
            }

            sb.Append(WebUtility.HtmlEncode(text[at..span.Start]));
            sb.Append(Open).Append(WebUtility.HtmlEncode(text[span.Start..span.End])).Append(Close);
            at = span.End;
        }

        sb.Append(WebUtility.HtmlEncode(text[at..end]));
        return sb.ToString();
    }

    private readonly record struct Span(int Start, int End, string Term);
}
