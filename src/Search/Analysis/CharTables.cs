using System.Globalization;
using System.Text;

namespace Jobs.Search.Analysis;

/// <summary>What a folded UTF-16 unit is to the tokenizers.</summary>
internal enum CharKind : byte
{
    /// <summary>Space, punctuation, symbols, surrogates: separates tokens.</summary>
    Other,

    /// <summary>A CJK ideograph: segmented by dictionary and ICU, or cut into bigrams.</summary>
    Han,

    /// <summary>A letter or combining mark of any other script: part of a Latin-style token.</summary>
    Letter,

    /// <summary>A decimal digit: part of a Latin-style token.</summary>
    Digit,
}

/// <summary>
/// Per-character lookup tables, built once per process and shared by every analysis instance. A table lookup per
/// character is what keeps folding and pinyin close to memory speed; ICU runs over each ideograph once, at startup.
/// </summary>
internal static class CharTables
{
    private static readonly Lazy<(char[] Narrow, char[] Fold)> FoldTables = new(BuildFoldTables);
    private static readonly Lazy<CharKind[]> Kinds = new(BuildKinds);
    private static readonly Lazy<string?[]> PinyinTable = new(BuildPinyin);

    /// <summary>Width and compatibility folding plus lower case: ＪＡＶＡ → java, １２３ → 123, ＃ → #.</summary>
    public static char[] Narrow => FoldTables.Value.Narrow;

    /// <summary><see cref="Narrow"/> followed by ICU Hant-Hans where that maps one ideograph to one ideograph.</summary>
    public static char[] Fold => FoldTables.Value.Fold;

    public static CharKind[] Kind => Kinds.Value;

    /// <summary>Toneless pinyin of each ideograph from ICU Han-Latin (ü written v), or null when ICU knows none.</summary>
    public static string?[] Pinyin => PinyinTable.Value;

    /// <summary>False when ICU loaded but a transliterator failed: the table then lacks that step. Read after the table.</summary>
    public static bool HantHansLoaded { get; private set; }

    /// <inheritdoc cref="HantHansLoaded"/>
    public static bool HanLatinLoaded { get; private set; }

    public static bool IsHan(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF') or '\u3007';

    private static IEnumerable<char> Ideographs()
    {
        for (int c = char.MinValue; c <= char.MaxValue; c++)
        {
            if (IsHan((char)c))
            {
                yield return (char)c;
            }
        }
    }

    private static (char[] Narrow, char[] Fold) BuildFoldTables()
    {
        var narrow = new char[char.MaxValue + 1];
        for (int c = char.MinValue; c <= char.MaxValue; c++)
        {
            var ch = (char)c;
            narrow[c] = ch;
            if (char.IsSurrogate(ch) || CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.OtherNotAssigned)
            {
                // Normalisation rejects lone surrogates and noncharacters (U+FFFE); they stay as they are.
                continue;
            }

            // Only compatibility mappings to exactly one unit are taken: the folded text must stay as long as the
            // original so token offsets can point into the original. "ﬁ" or "⑴" therefore stay as they are.
            var s = ch.ToString();
            if (!s.IsNormalized(NormalizationForm.FormKC))
            {
                var normalized = s.Normalize(NormalizationForm.FormKC);
                if (normalized.Length == 1)
                {
                    ch = normalized[0];
                }
            }

            narrow[c] = char.ToLowerInvariant(ch);
        }

        var fold = (char[])narrow.Clone();
        if (IcuRuntime.IsAvailable && TryTransliterate("Hant-Hans", out var ideographs, out var simplified))
        {
            var toSimplified = new char[char.MaxValue + 1];
            for (var i = 0; i < toSimplified.Length; i++)
            {
                toSimplified[i] = (char)i;
            }

            for (var i = 0; i < ideographs.Length; i++)
            {
                // Hant-Hans maps character by character; a result longer than one unit would break offsets.
                if (simplified[i].Length == 1)
                {
                    toSimplified[ideographs[i]] = simplified[i][0];
                }
            }

            for (var c = 0; c < fold.Length; c++)
            {
                fold[c] = toSimplified[narrow[c]];
            }

            HantHansLoaded = true;
        }

        return (narrow, fold);
    }

    private static CharKind[] BuildKinds()
    {
        var kinds = new CharKind[char.MaxValue + 1];
        for (int c = char.MinValue; c <= char.MaxValue; c++)
        {
            var ch = (char)c;
            kinds[c] = IsHan(ch) ? CharKind.Han
                : char.IsSurrogate(ch) ? CharKind.Other
                : char.IsDigit(ch) ? CharKind.Digit
                : char.IsLetter(ch) || char.GetUnicodeCategory(ch) is UnicodeCategory.NonSpacingMark
                    or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark ? CharKind.Letter
                : CharKind.Other;
        }

        return kinds;
    }

    private static string?[] BuildPinyin()
    {
        var table = new string?[char.MaxValue + 1];
        if (!IcuRuntime.IsAvailable || !TryTransliterate("Han-Latin", out var ideographs, out var readings))
        {
            return table;
        }

        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < ideographs.Length; i++)
        {
            var syllable = Toneless(readings[i]);
            if (syllable is not null)
            {
                // About 400 distinct syllables cover 28,000 ideographs; share the strings.
                table[ideographs[i]] = interned.TryGetValue(syllable, out var shared) ? shared : interned[syllable] = syllable;
            }
        }

        HanLatinLoaded = true;
        return table;
    }

    private static bool TryTransliterate(string id, out char[] ideographs, out string[] results)
    {
        ideographs = Ideographs().ToArray();
        try
        {
            results = IcuRuntime.TransliterateEach(id, ideographs);
            return true;
        }
        catch (Exception)
        {
            // An ICU build without transliteration data; analysis goes on without this step and Create warns.
            results = [];
            return false;
        }
    }

    /// <summary>"lǜ" → "lv", "zhǎng" → "zhang"; null when the reading is not a Latin syllable (ICU had none).</summary>
    internal static string? Toneless(string reading)
    {
        var decomposed = reading.Trim().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        for (var i = 0; i < decomposed.Length; i++)
        {
            var c = decomposed[i];
            if (c == '\u0308' && sb.Length > 0 && sb[^1] == 'u')
            {
                // ü is typed v on every pinyin keyboard and keeps 旅 (lv) apart from 路 (lu).
                sb[^1] = 'v';
            }
            else if (c is >= 'a' and <= 'z')
            {
                sb.Append(c);
            }
            else if (c is >= 'A' and <= 'Z')
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                return null;
            }
        }

        return sb.Length > 0 ? sb.ToString() : null;
    }
}
