using Jobs.Search.Analysis;

namespace Jobs.Search.Suggest;

/// <summary>How many open postings carry each title, skill, function, employer and city, by display text.</summary>
public sealed record LexiconCounts(
    IReadOnlyDictionary<string, int> Titles,
    IReadOnlyDictionary<string, int> Skills,
    IReadOnlyDictionary<string, int> Functions,
    IReadOnlyDictionary<string, int> Employers,
    IReadOnlyDictionary<string, int> Cities)
{
    public static LexiconCounts None { get; } = new(
        new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>());
}

/// <summary>
/// One immutable snapshot of what the open postings are called: autocomplete, pinyin expansion and spelling correction
/// read it. Rebuilt in the background by <see cref="SearchLexiconProvider"/>; requests never build.
/// </summary>
public sealed class SearchLexicon
{
    private readonly ChineseTextAnalysis _analysis;

    private SearchLexicon(ChineseTextAnalysis analysis, SuggestionIndex suggestions, PinyinExpander pinyin, SpellingCorrector spelling, DateTime builtAt)
    {
        _analysis = analysis;
        Suggestions = suggestions;
        Pinyin = pinyin;
        Spelling = spelling;
        BuiltAt = builtAt;
    }

    public SuggestionIndex Suggestions { get; }

    public PinyinExpander Pinyin { get; }

    public SpellingCorrector Spelling { get; }

    public DateTime BuiltAt { get; }

    /// <param name="knownWords">Words known without counts: the dictionary, the vocabulary, place names.</param>
    public static SearchLexicon Build(LexiconCounts counts, IEnumerable<string> knownWords, ChineseTextAnalysis analysis, DateTime builtAt)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(analysis);
        var han = new Dictionary<string, int>(StringComparer.Ordinal);
        var latin = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in knownWords)
        {
            AddWord(analysis.Fold(word).Trim(), 0);
        }

        // Titles and skills repeat endlessly (a million postings have a few thousand titles): segment each distinct one once.
        foreach (var (text, count) in counts.Titles.Concat(counts.Skills).Concat(counts.Functions).Concat(counts.Cities))
        {
            var folded = analysis.Fold(text).Trim();
            AddWord(folded, count);
            foreach (var part in analysis.Segment(text))
            {
                AddWord(part, count);
            }
        }

        var pinyin = PinyinExpander.Build(han, analysis);
        var spelling = SpellingCorrector.Build(analysis, pinyin, han, latin);
        var suggestions = SuggestionIndex.Build(Entries(counts, analysis), e => Keys(e.Text, analysis));
        return new SearchLexicon(analysis, suggestions, pinyin, spelling, builtAt);

        void AddWord(string word, int count)
        {
            var into = word.Length >= 2 && word.All(PinyinExpander.IsHan) ? han
                : word.Length >= 2 && word.All(char.IsAsciiLetterLower) ? latin
                : null;
            if (into is not null)
            {
                into[word] = into.GetValueOrDefault(word) + count;
            }
        }
    }

    /// <summary>
    /// Suggestions for what someone has typed so far: Chinese (Traditional folded), pinyin (ruanjian, ruan jian) or
    /// initials (rj). Empty for an empty prefix.
    /// </summary>
    public IReadOnlyList<Suggestion> Suggest(string typed, int limit) => Suggestions.Lookup(NormalizeKey(_analysis.Fold(typed)), limit);

    /// <summary>One entry per folded text: the kind and spelling with the most open postings speak for all.</summary>
    private static IEnumerable<Suggestion> Entries(LexiconCounts counts, ChineseTextAnalysis analysis)
    {
        var all = new[]
        {
            (counts.Titles, SuggestionKind.Title), (counts.Skills, SuggestionKind.Skill), (counts.Functions, SuggestionKind.Function),
            (counts.Employers, SuggestionKind.Employer), (counts.Cities, SuggestionKind.City),
        };
        var merged = new Dictionary<string, Suggestion>(StringComparer.Ordinal);
        foreach (var (texts, kind) in all)
        {
            foreach (var (text, count) in texts)
            {
                var trimmed = text.Trim();
                var key = NormalizeKey(analysis.Fold(trimmed));
                if (key.Length == 0 || count <= 0)
                {
                    continue;
                }

                if (!merged.TryGetValue(key, out var held) || held.Count < count)
                {
                    merged[key] = new Suggestion(trimmed, kind, count);
                }
            }
        }

        return merged.Values;
    }

    /// <summary>The folded text, its pinyin run together and its initials (软件工程师: 软件工程师, ruanjiangongchengshi, rjgcs).</summary>
    public static IEnumerable<string> Keys(string text, ChineseTextAnalysis analysis)
    {
        yield return NormalizeKey(analysis.Fold(text));
        var syllables = analysis.ToPinyin(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (syllables.Length > 0 && text.Any(PinyinExpander.IsHan))
        {
            yield return NormalizeKey(string.Concat(syllables));
            yield return NormalizeKey(string.Concat(syllables.Select(s => s[0])));
        }
    }

    /// <summary>Folded text as a key: lower case, no spaces or apostrophes (ruan jian, xi'an).</summary>
    public static string NormalizeKey(string folded) =>
        string.Concat(folded.Where(c => !char.IsWhiteSpace(c) && c is not ('\'' or '’'))).ToLowerInvariant();
}
