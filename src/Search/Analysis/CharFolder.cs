using System.Runtime.CompilerServices;
using System.Text;

namespace Jobs.Search.Analysis;

/// <summary>
/// Length-preserving normalisation: every UTF-16 unit of the input becomes exactly one unit of the output, so a
/// token's offsets in the folded text are its offsets in the original (possibly Traditional, full-width) text and
/// highlighting needs no offset map.
/// </summary>
/// <remarks>
/// Order matters. Regional words are matched first, on the width-folded but still Traditional text, because ICU's
/// Hant-Hans works character by character and would turn 軟體 into 软体 and leave 程式 alone; the table says what a
/// mainland reader calls the thing (软件, 程序). Everything else goes through the per-character table.
/// </remarks>
internal sealed class CharFolder
{
    private readonly char[] _narrow = CharTables.Narrow;
    private readonly char[] _fold = CharTables.Fold;
    private readonly PrefixLexicon<string> _regional;
    private readonly PrefixLexicon<string> _queryRegional;

    // Common words start entries too (工程 → 工程估價, 使用 → 使用手冊, 需求 → 需求人數), and mainland text is full of them.
    // A bit per hashed start (the two characters of a two-character entry, the first three of a longer one; 128 KB, a
    // false positive only costs the exact lookup) rejects such positions before the window is copied and hashed.
    private const int StartBits = 20;
    private readonly ulong[] _textStarts = new ulong[(1 << StartBits) / 64];

    /// <param name="regionalWords">
    /// The validated table. Same-length pairs fold indexed text and queries alike; the others only rewrite queries.
    /// </param>
    public CharFolder(IReadOnlyCollection<RegionalWord> regionalWords)
    {
        _regional = new PrefixLexicon<string>(regionalWords.Where(w => w.AppliesToText)
            .Select(w => KeyValuePair.Create(Narrow(w.Traditional), FoldChars(w.Simplified))));
        _queryRegional = new PrefixLexicon<string>(regionalWords
            .Select(w => KeyValuePair.Create(Narrow(w.Traditional), FoldChars(w.Simplified))));
        foreach (var key in regionalWords.Where(w => w.AppliesToText).Select(w => Narrow(w.Traditional)))
        {
            var bit = key.Length == 2 ? StartBit(key[0], key[1]) : StartBit(key[0], key[1], key[2]);
            _textStarts[bit >> 6] |= 1UL << (int)(bit & 63);
        }
    }

    /// <summary>Folds <paramref name="source"/> into <paramref name="target"/>, which must be at least as long.</summary>
    public void Fold(ReadOnlySpan<char> source, Span<char> target)
    {
        var narrow = _narrow;
        var fold = _fold;
        Span<char> window = stackalloc char[Math.Min(_regional.MaxLength, 64)];
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (_regional.CanStartEntry(narrow[c]) && MayStartEntry(source, i))
            {
                var length = Math.Min(window.Length, source.Length - i);
                for (var k = 0; k < length; k++)
                {
                    window[k] = narrow[source[i + k]];
                }

                var matched = _regional.LongestMatch(window[..length], 1, out var simplified);
                if (matched > 0)
                {
                    simplified.AsSpan().CopyTo(target[i..]);
                    i += matched;
                    continue;
                }
            }

            target[i] = fold[c];
            i++;
        }
    }

    public string Fold(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        return string.Create(text.Length, (this, text), static (span, state) => state.Item1.Fold(state.text, span));
    }

    /// <summary>
    /// <see cref="Fold(string)"/> for a query, where nothing points back into the text: every regional pair applies,
    /// longest first, whatever its length (演算法工程師 → 算法工程师, 記憶體 → 内存, 業務 → 销售).
    /// </summary>
    public string FoldQuery(string text)
    {
        var narrow = _narrow;
        var fold = _fold;
        var result = new StringBuilder(text.Length);
        Span<char> window = stackalloc char[Math.Min(_queryRegional.MaxLength, 64)];
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (_queryRegional.CanStartEntry(narrow[c]))
            {
                var length = Math.Min(window.Length, text.Length - i);
                for (var k = 0; k < length; k++)
                {
                    window[k] = narrow[text[i + k]];
                }

                var matched = _queryRegional.LongestMatch(window[..length], 1, out var simplified);
                if (matched > 0)
                {
                    result.Append(simplified);
                    i += matched;
                    continue;
                }
            }

            result.Append(fold[c]);
            i++;
        }

        return result.ToString();
    }

    /// <summary>Only the per-character table, without regional words: for the table's own keys and values.</summary>
    public string FoldChars(string text) => string.Create(text.Length, (_fold, text), static (span, state) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = state.Item1[state.text[i]];
        }
    });

    private static uint StartBit(char first, char second) => ((uint)(first << 16 | second) * 2654435761u) >> (32 - StartBits);

    private static uint StartBit(char first, char second, char third) =>
        ((uint)(first << 16 | second) * 2654435761u ^ third * 40503u) * 2246822519u >> (32 - StartBits);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool MayStartEntry(ReadOnlySpan<char> source, int i)
    {
        if (i + 1 >= source.Length)
        {
            return false;
        }

        var narrow = _narrow;
        var first = narrow[source[i]];
        var second = narrow[source[i + 1]];
        return IsSet(StartBit(first, second)) || (i + 2 < source.Length && IsSet(StartBit(first, second, narrow[source[i + 2]])));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsSet(uint bit) => (_textStarts[bit >> 6] & (1UL << (int)(bit & 63))) != 0;

    private string Narrow(string text) => string.Create(text.Length, (_narrow, text), static (span, state) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = state.Item1[state.text[i]];
        }
    });
}
