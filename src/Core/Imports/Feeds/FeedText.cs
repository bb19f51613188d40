using System.Buffers;
using System.Net;
using System.Text;

namespace Jobs.Core.Imports.Feeds;

/// <summary>Text clean-up for feed values: one-line fields and HTML descriptions.</summary>
internal static class FeedText
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "br", "p", "div", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
        "header", "footer", "blockquote", "pre", "hr", "dl", "dt", "dd",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> BlockTagLookup = BlockTags.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// A one-line value: entities decoded (city systems export titles as HTML text too), control and zero-width
    /// characters dropped, any run of whitespace (line breaks, tabs, full-width spaces) made one space, trimmed.
    /// Null when nothing is left.
    /// </summary>
    public static string? Line(string? raw)
    {
        if (raw is null)
        {
            return null;
        }

        if (raw.Contains('&'))
        {
            raw = WebUtility.HtmlDecode(raw);
        }

        if (IsCleanLine(raw))
        {
            return raw.Length == 0 ? null : raw;
        }

        var sb = new StringBuilder(raw.Length);
        var space = false;
        foreach (var c in raw)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
            }
            else if (!IsInvisible(c))
            {
                if (space)
                {
                    sb.Append(' ');
                    space = false;
                }

                sb.Append(c);
            }
        }

        return sb.Length == 0 ? null : sb.ToString();
    }

    /// <summary>
    /// A description as plain text: tags removed (block tags become line breaks, script and style vanish with their
    /// content), entities decoded, spaces collapsed within lines, at most one blank line between paragraphs.
    /// </summary>
    public static string Plain(string raw)
    {
        // Two passes over pooled buffers, so a typical description allocates only its result.
        var stripped = ArrayPool<char>.Shared.Rent(raw.Length);
        var output = ArrayPool<char>.Shared.Rent(raw.Length);
        try
        {
            ReadOnlySpan<char> text = raw;
            if (text.Contains('<'))
            {
                text = stripped.AsSpan(0, StripTags(raw, stripped, HasBlockTag(raw)));
            }

            if (text.Contains('&'))
            {
                var decoded = WebUtility.HtmlDecode(text.ToString());
                if (decoded.Length > output.Length)
                {
                    ArrayPool<char>.Shared.Return(output);
                    output = ArrayPool<char>.Shared.Rent(decoded.Length);
                }

                text = decoded;
            }

            var length = NormalizeLines(text, output);
            return length == raw.Length && output.AsSpan(0, length).SequenceEqual(raw) ? raw : new string(output, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(stripped);
            ArrayPool<char>.Shared.Return(output);
        }
    }

    private static int NormalizeLines(ReadOnlySpan<char> text, Span<char> output)
    {
        var n = 0;
        var lineStart = 0;
        var blankLines = 0;
        var space = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                blankLines = n == lineStart ? blankLines + 1 : 0;
                space = false;
                if (n > 0 && blankLines <= 1)
                {
                    output[n++] = '\n';
                }

                lineStart = n;
            }
            else if (char.IsWhiteSpace(c))
            {
                space = n > lineStart;
            }
            else if (!IsInvisible(c))
            {
                if (space)
                {
                    output[n++] = ' ';
                    space = false;
                }

                output[n++] = c;
            }
        }

        while (n > 0 && output[n - 1] == '\n')
        {
            n--;
        }

        return n;
    }

    /// <summary>
    /// Writes the text without tags into <paramref name="output"/> (never longer than the input) and returns its length.
    /// In real HTML (<paramref name="layoutByTags"/>) line breaks in the source are spaces, as a browser shows them, and
    /// block tags make the lines; text with only inline tags keeps its own line breaks.
    /// </summary>
    private static int StripTags(string s, Span<char> output, bool layoutByTags)
    {
        var n = 0;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (c != '<' || !IsTagStart(s, i))
            {
                // "薪资<5000" and "a < b" are text, not tags.
                output[n++] = layoutByTags && c is '\r' or '\n' ? ' ' : c;
                i++;
                continue;
            }

            if (string.CompareOrdinal(s, i, "<!--", 0, 4) == 0)
            {
                var close = s.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = close < 0 ? s.Length : close + 3;
                continue;
            }

            var end = s.IndexOf('>', i + 1);
            if (end < 0)
            {
                s.AsSpan(i).CopyTo(output[n..]);
                n += s.Length - i;
                break;
            }

            var j = i + 1;
            var closing = s[j] == '/';
            if (closing)
            {
                j++;
            }

            var nameStart = j;
            while (j < end && char.IsAsciiLetterOrDigit(s[j]))
            {
                j++;
            }

            var name = s.AsSpan(nameStart, j - nameStart);
            if (!closing && (name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase)))
            {
                var close = s.IndexOf("</" + name.ToString(), end, StringComparison.OrdinalIgnoreCase);
                var closeEnd = close < 0 ? -1 : s.IndexOf('>', close);
                i = closeEnd < 0 ? s.Length : closeEnd + 1;
                continue;
            }

            // A tag is at least three characters, so the line break never outgrows the input. Only <br> repeats:
            // "</li><li>" is one line break, "<br><br>" a blank line.
            if (BlockTagLookup.Contains(name) && (name.Equals("br", StringComparison.OrdinalIgnoreCase) || !EndsWithLineBreak(output[..n])))
            {
                output[n++] = '\n';
            }

            i = end + 1;
        }

        return n;
    }

    private static bool IsTagStart(string s, int i) =>
        i + 1 < s.Length && (char.IsAsciiLetter(s[i + 1]) || s[i + 1] is '/' or '!' or '?');

    private static bool EndsWithLineBreak(ReadOnlySpan<char> text)
    {
        var trimmed = text.TrimEnd(' ');
        return trimmed.IsEmpty || trimmed[^1] == '\n';
    }

    private static bool HasBlockTag(string s)
    {
        for (var i = s.IndexOf('<'); i >= 0; i = s.IndexOf('<', i + 1))
        {
            if (!IsTagStart(s, i))
            {
                continue;
            }

            var j = s[i + 1] == '/' ? i + 2 : i + 1;
            var start = j;
            while (j < s.Length && char.IsAsciiLetterOrDigit(s[j]))
            {
                j++;
            }

            if (BlockTagLookup.Contains(s.AsSpan(start, j - start)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsCleanLine(string s)
    {
        if (s.Length == 0)
        {
            return true;
        }

        if (s[0] == ' ' || s[^1] == ' ')
        {
            return false;
        }

        var previousSpace = false;
        foreach (var c in s)
        {
            if (c == ' ')
            {
                if (previousSpace)
                {
                    return false;
                }

                previousSpace = true;
            }
            else if (char.IsWhiteSpace(c) || IsInvisible(c))
            {
                return false;
            }
            else
            {
                previousSpace = false;
            }
        }

        return true;
    }

    // Control characters, zero-width spaces and joiners, and a stray byte order mark carry nothing readable.
    private static bool IsInvisible(char c) => char.IsControl(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';
}
