namespace Jobs.Search.Analysis;

/// <summary>
/// One line of regional-words.txt: a Taiwan / Hong Kong word and what a mainland reader calls the same thing.
/// </summary>
/// <param name="QueryOnly">
/// Applied to queries only, never to indexed text: the pair has different lengths (演算法 → 算法), which folding cannot
/// express without moving offsets, or the left side is too ambiguous in running text (業務 is sales in a Taiwan
/// search box but "business" in 業務範圍).
/// </param>
internal sealed record RegionalWord(string Traditional, string Simplified, bool QueryOnly, int Line)
{
    /// <summary>Folding at index time keeps every character in place, so only same-length pairs can take part.</summary>
    public bool AppliesToText => !QueryOnly && Traditional.Length == Simplified.Length;
}

/// <summary>Reads and checks regional-words.txt: <c>繁體詞&lt;TAB&gt;简体词[&lt;TAB&gt;query]</c>.</summary>
internal static class RegionalWords
{
    /// <summary>The optional third column that keeps a same-length pair out of indexed text.</summary>
    public const string QueryOnlyMarker = "query";

    public const int MaxLength = 16;

    /// <summary>Every accepted pair; a later line for the same left side replaces the earlier one (and is reported).</summary>
    public static List<RegionalWord> Load(string path, List<string> warnings)
    {
        var words = new Dictionary<string, RegionalWord>(StringComparer.Ordinal);
        var file = Path.GetFileName(path);
        foreach (var (line, text) in AnalysisDataFile.ReadEntries(path))
        {
            if (Parse(text, line) is not { } word)
            {
                warnings.Add($"{file}:{line}: expected '繁體詞<TAB>简体词' or '繁體詞<TAB>简体词<TAB>{QueryOnlyMarker}', got '{text}'; skipped.");
            }
            else if (word.Traditional.Length < 2)
            {
                // One character is the per-character conversion's business; the folder also relies on entries of two or more.
                warnings.Add($"{file}:{line}: '{word.Traditional}' is a single character; regional words are words. Skipped.");
            }
            else if (word.Traditional.Length > MaxLength || word.Simplified.Length > MaxLength
                || word.Traditional.Any(char.IsSurrogate) || word.Simplified.Any(char.IsSurrogate))
            {
                warnings.Add($"{file}:{line}: '{word.Traditional}' is longer than {MaxLength} characters or outside the BMP; skipped.");
            }
            else
            {
                if (words.TryGetValue(word.Traditional, out var earlier))
                {
                    warnings.Add($"{file}:{line}: '{word.Traditional}' is already mapped on line {earlier.Line}; the later line wins.");
                }

                words[word.Traditional] = word;
            }
        }

        return words.Values.OrderBy(w => w.Line).ToList();
    }

    private static RegionalWord? Parse(string text, int line)
    {
        var parts = text.Split(['\t', ' ', '\u3000'], StringSplitOptions.RemoveEmptyEntries);
        return parts switch
        {
            [var traditional, var simplified] => new RegionalWord(traditional, simplified, false, line),
            [var traditional, var simplified, QueryOnlyMarker] => new RegionalWord(traditional, simplified, true, line),
            _ => null,
        };
    }
}
