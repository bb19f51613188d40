using System.Collections.Frozen;

namespace Jobs.Search.Analysis;

/// <summary>
/// Splitting typed pinyin into syllables and the fuzzy spelling both sides are compared in. Fuzzy pairs are a property
/// of syllables (the n of an initial, the ng of a final), so hangong (han gong) and hanggong (hang gong) must be split
/// before they can be seen to differ only by an/ang.
/// </summary>
internal static class PinyinSyllables
{
    private const int MaxSyllableLength = 6;

    /// <summary>Every toneless syllable ICU reads an ideograph as; lone consonants (嗯 n, 呣 m) are left out, they split words wrongly.</summary>
    private static readonly Lazy<FrozenSet<string>> Known = new(() =>
        CharTables.Pinyin.Where(s => s is { Length: > 0 } && s.Any(c => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'v'))
            .Select(s => s!).ToFrozenSet(StringComparer.Ordinal));

    /// <summary>Ways to read <paramref name="letters"/> as syllables, fewest syllables first, at most <paramref name="max"/>.</summary>
    public static List<string[]> Split(string letters, int max = 4)
    {
        var found = new List<string[]>();
        if (letters.Length == 0 || letters.Length > 40)
        {
            return found;
        }

        var path = new List<string>();
        Walk(0);
        return found.OrderBy(s => s.Length).Take(max).ToList();

        void Walk(int at)
        {
            if (found.Count >= max * 4)
            {
                return;
            }

            if (at == letters.Length)
            {
                found.Add(path.ToArray());
                return;
            }

            for (var length = Math.Min(MaxSyllableLength, letters.Length - at); length >= 1; length--)
            {
                var syllable = letters.Substring(at, length);
                if (Known.Value.Contains(syllable))
                {
                    path.Add(syllable);
                    Walk(at + length);
                    path.RemoveAt(path.Count - 1);
                }
            }
        }
    }

    /// <summary>
    /// The syllables with the common confusions merged: zh/ch/sh → z/c/s, initial n → l, ing/eng/ang → in/en/an;
    /// joined by spaces.
    /// </summary>
    public static string Fuzzy(IEnumerable<string> syllables) => string.Join(' ', syllables.Select(FuzzySyllable));

    private static string FuzzySyllable(string s)
    {
        if (s.Length >= 2 && s[1] == 'h' && s[0] is 'z' or 'c' or 's')
        {
            s = s[0] + s[2..];
        }
        else if (s.Length >= 2 && s[0] == 'n')
        {
            s = "l" + s[1..];
        }

        return s.EndsWith("ing", StringComparison.Ordinal) || s.EndsWith("eng", StringComparison.Ordinal) || s.EndsWith("ang", StringComparison.Ordinal)
            ? s[..^1]
            : s;
    }
}
