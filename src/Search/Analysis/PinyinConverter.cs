namespace Jobs.Search.Analysis;

/// <summary>
/// Toneless pinyin for folded words. Curated readings win: place names from regions.json and the overrides file
/// (长沙 chang sha, 银行 yin hang) are matched longest first inside each word; every other ideograph takes ICU
/// Han-Latin's reading from a per-character table. ICU alone reads 长沙 as zhang sha and 厦门 as sha men.
/// </summary>
internal sealed class PinyinConverter
{
    private readonly string?[] _byChar = CharTables.Pinyin;
    private readonly PrefixLexicon<string[]> _words;

    /// <param name="readings">Folded word → one syllable per character; later entries win.</param>
    public PinyinConverter(IEnumerable<KeyValuePair<string, string[]>> readings)
    {
        _words = new PrefixLexicon<string[]>(readings);
    }

    /// <summary>Appends one syllable per ideograph of <paramref name="word"/>; ideographs without a reading are skipped.</summary>
    public void AppendSyllables(ReadOnlySpan<char> word, List<string> syllables)
    {
        var i = 0;
        while (i < word.Length)
        {
            var matched = _words.LongestMatch(word[i..], 1, out var curated);
            if (matched > 0)
            {
                syllables.AddRange(curated!);
                i += matched;
                continue;
            }

            if (_byChar[word[i]] is { } syllable)
            {
                syllables.Add(syllable);
            }

            i++;
        }
    }
}
