using System.Collections.Frozen;

namespace Jobs.Search.Analysis;

/// <summary>
/// Turns a typed pinyin word into the Chinese words the search knows with that reading: hangong → 焊工, kuaiji → 会计,
/// kaifa → 开发. The words come from the dictionary, the vocabulary and the titles and skills of open postings, most
/// frequent in open postings first. When no word has exactly that reading, the common confusions of southern and
/// north-western speakers (zh/z, ch/c, sh/s, n/l, in/ing, en/eng, an/ang) are tried as a fallback: lanjing → 南京,
/// hanggong → 焊工.
/// </summary>
/// <remarks>
/// Readings are the ones the pinyin index uses (curated word readings first, so 会计 is kuai ji) plus each character's
/// default reading (会计 also hui ji), because people type either. Immutable and thread-safe.
/// </remarks>
public sealed class PinyinExpander
{
    /// <summary>More than this many words for one reading add noise (shiyan: 实验, 试验, 十堰 …), not recall.</summary>
    public const int MaxWords = 6;

    private readonly FrozenDictionary<string, string[]> _exact;
    private readonly FrozenDictionary<string, string[]> _fuzzy;

    private PinyinExpander(FrozenDictionary<string, string[]> exact, FrozenDictionary<string, string[]> fuzzy)
    {
        _exact = exact;
        _fuzzy = fuzzy;
    }

    public static PinyinExpander Empty { get; } = new(FrozenDictionary<string, string[]>.Empty, FrozenDictionary<string, string[]>.Empty);

    public int ReadingCount => _exact.Count;

    /// <summary>
    /// Builds the tables from folded Chinese words (two or more ideographs) and how many open postings use each
    /// (0 for words only the dictionary or vocabulary knows).
    /// </summary>
    public static PinyinExpander Build(IEnumerable<KeyValuePair<string, int>> words, ChineseTextAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(analysis);
        var exact = new Dictionary<string, List<(string Word, int Count)>>(StringComparer.Ordinal);
        var fuzzy = new Dictionary<string, List<(string Word, int Count)>>(StringComparer.Ordinal);
        foreach (var (word, count) in words)
        {
            if (word.Length < 2 || !word.All(IsHan))
            {
                continue;
            }

            foreach (var syllables in Readings(word, analysis))
            {
                Add(exact, string.Concat(syllables), word, count);
                Add(fuzzy, PinyinSyllables.Fuzzy(syllables), word, count);
            }
        }

        return new PinyinExpander(Freeze(exact), Freeze(fuzzy));
    }

    /// <summary>
    /// The Chinese words for a lower-case Latin token (apostrophes and spaces ignored), most used first; empty when the
    /// token is no reading of a known word even with the fuzzy pairs.
    /// </summary>
    public IReadOnlyList<string> Expand(string latinToken)
    {
        ArgumentNullException.ThrowIfNull(latinToken);
        var key = Normalize(latinToken);
        if (key.Length < 2)
        {
            return [];
        }

        if (_exact.TryGetValue(key, out var words))
        {
            return words;
        }

        // Each way of splitting the letters into syllables (xian: xian or xi an) may be a fuzzy reading of a different word.
        var near = new List<string>();
        foreach (var split in PinyinSyllables.Split(key))
        {
            if (_fuzzy.TryGetValue(PinyinSyllables.Fuzzy(split), out var found))
            {
                near.AddRange(found.Where(w => !near.Contains(w)));
            }
        }

        return near.Count > MaxWords ? near[..MaxWords] : near;
    }

    /// <summary>True when <paramref name="latinToken"/> is exactly the reading of a known word (no fuzzy pair needed).</summary>
    public bool IsExactReading(string latinToken) => _exact.ContainsKey(Normalize(latinToken));

    /// <summary>The word's syllables as the index reads it and, when different, each character's default reading.</summary>
    internal static IEnumerable<string[]> Readings(string word, ChineseTextAnalysis analysis)
    {
        var indexed = analysis.ToPinyin(word).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (indexed.Length > 0)
        {
            yield return indexed;
        }

        var perChar = PerCharacter(word, analysis).ToArray();
        if (perChar.Length > 0 && !perChar.SequenceEqual(indexed))
        {
            yield return perChar;
        }
    }

    /// <summary>Each ideograph's default reading, ignoring word readings: 会计 → hui, ji.</summary>
    internal static List<string> PerCharacter(string word, ChineseTextAnalysis analysis)
    {
        var syllables = new List<string>(word.Length);
        for (var i = 0; i < word.Length; i++)
        {
            analysis.Pinyin.AppendSyllables(word.AsSpan(i, 1), syllables);
        }

        return syllables;
    }

    private static string Normalize(string token) =>
        string.Concat(token.Where(c => c is not ('\'' or '’' or ' '))).ToLowerInvariant();

    private static void Add(Dictionary<string, List<(string Word, int Count)>> map, string key, string word, int count)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        var at = list.FindIndex(x => x.Word == word);
        if (at < 0)
        {
            list.Add((word, count));
        }
        else if (list[at].Count < count)
        {
            list[at] = (word, count);
        }
    }

    private static FrozenDictionary<string, string[]> Freeze(Dictionary<string, List<(string Word, int Count)>> map) =>
        map.ToFrozenDictionary(
            kv => kv.Key,
            kv => kv.Value.OrderByDescending(x => x.Count).ThenBy(x => x.Word.Length).ThenBy(x => x.Word, StringComparer.Ordinal)
                .Take(MaxWords).Select(x => x.Word).ToArray(),
            StringComparer.Ordinal);

    internal static bool IsHan(char c) => c is >= '\u3400' and <= '\u9fff' or >= '\uf900' and <= '\ufaff';
}
