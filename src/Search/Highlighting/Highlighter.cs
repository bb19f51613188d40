using System.Buffers;
using System.Net;
using System.Text;

namespace Jobs.Search.Highlighting;

/// <summary>
/// Marks matched terms with &lt;em&gt;…&lt;/em&gt; and HTML-escapes everything else. Matching runs on the folded text
/// (width, case, Traditional → Simplified), which has the same length as the original, so a Simplified query marks the
/// Traditional characters it matched. Small on purpose: the Lucene highlighter module is not available here.
/// </summary>
public sealed class Highlighter(Func<string, string> fold)
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
            start = BestWindow(spans, length);
            // Start at a sentence or line break shortly before, when there is one, so the snippet reads naturally.
            var back = text.LastIndexOfAny(['。', '\n', '；', ';', '！', '？'], Math.Max(0, Math.Min(start, text.Length - 1)));
            if (back >= 0 && start - back < length / 3)
            {
                start = back + 1;
            }
        }

        var end = Math.Min(text.Length, start + length);
        var sb = new StringBuilder(end - start + 2 + (spans.Count * (Open.Length + Close.Length)));
        if (start > 0)
        {
            sb.Append('…');
        }

        Render(sb, text, start, end, spans);
        if (end < text.Length)
        {
            sb.Append('…');
        }

        return sb.ToString();
    }

    /// <summary>
    /// Where the window of <paramref name="length"/> characters starts that covers the most distinct terms, then the most
    /// spans; the first such window wins. Spans are sorted and never overlap, so the spans inside a window are a run.
    /// </summary>
    private static int BestWindow(List<Span> spans, int length)
    {
        var best = (Distinct: -1, Count: -1, Start: 0);
        for (var i = 0; i < spans.Count; i++)
        {
            var windowStart = Math.Max(0, spans[i].Start - length / 6);
            var windowEnd = windowStart + length;
            var count = 0;
            var distinct = 0;
            for (var j = 0; j < spans.Count && spans[j].Start < windowEnd; j++)
            {
                var s = spans[j];
                if (s.Start < windowStart || s.End > windowEnd)
                {
                    continue;
                }

                count++;
                if (!SeenBefore(spans, windowStart, j))
                {
                    distinct++;
                }
            }

            if (distinct > best.Distinct || (distinct == best.Distinct && count > best.Count))
            {
                best = (distinct, count, windowStart);
            }
        }

        return best.Start;
    }

    /// <summary>Whether a span before <paramref name="j"/> inside the window (which starts at <paramref name="from"/>) has its term.</summary>
    private static bool SeenBefore(List<Span> spans, int from, int j)
    {
        for (var k = j - 1; k >= 0 && spans[k].Start >= from; k--)
        {
            if (string.Equals(spans[k].Term, spans[j].Term, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
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
            var latin = Ascii.IsValid(term);
            var at = folded.IndexOf(term, StringComparison.Ordinal);
            while (at >= 0)
            {
                var end = at + term.Length;
                // Latin terms match whole words only: "java" must not light up inside "javascript".
                var whole = !latin || ((at == 0 || !char.IsAsciiLetterOrDigit(folded[at - 1])) && (end == folded.Length || !char.IsAsciiLetterOrDigit(folded[end])));
                if (whole && !Overlaps(spans, at, end))
                {
                    spans.Add(new Span(at, end, term));
                }

                at = folded.IndexOf(term, at + 1, StringComparison.Ordinal);
            }
        }

        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        return spans;
    }

    private static bool Overlaps(List<Span> spans, int start, int end)
    {
        foreach (var s in spans)
        {
            if (s.Start < end && start < s.End)
            {
                return true;
            }
        }

        return false;
    }

    private static string Render(string text, int start, int end, IReadOnlyList<Span> spans)
    {
        var sb = new StringBuilder(end - start + (spans.Count * (Open.Length + Close.Length)));
        Render(sb, text, start, end, spans);
        return sb.ToString();
    }

    /// <summary>Appends text[start..end] with the spans wholly inside it marked.</summary>
    private static void Render(StringBuilder sb, string text, int start, int end, IReadOnlyList<Span> spans)
    {
        var at = start;
        foreach (var span in spans)
        {
            if (span.Start < at || span.End > end)
            {
                continue;
            }

            AppendEncoded(sb, text, at, span.Start);
            sb.Append(Open);
            AppendEncoded(sb, text, span.Start, span.End);
            sb.Append(Close);
            at = span.End;
        }

        AppendEncoded(sb, text, at, end);
    }

    /// <summary>
    /// Characters <see cref="WebUtility.HtmlEncode(string)"/> rewrites: markup, Latin-1 symbols and letters (as numeric
    /// references) and surrogates. Most text has none, and is then copied without the encoder's allocations.
    /// </summary>
    private static readonly SearchValues<char> NeedsEncoding = SearchValues.Create(
        "<>\"'&" + new string(Enumerable.Range(160, 96).Select(c => (char)c).ToArray())
        + new string(Enumerable.Range(0xD800, 0x800).Select(c => (char)c).ToArray()));

    private static void AppendEncoded(StringBuilder sb, string text, int start, int end)
    {
        var part = text.AsSpan(start, end - start);
        if (part.IndexOfAny(NeedsEncoding) < 0)
        {
            sb.Append(part);
        }
        else
        {
            sb.Append(WebUtility.HtmlEncode(text[start..end]));
        }
    }

    private readonly record struct Span(int Start, int End, string Term);
}
