using Lucene.Net.Search;

namespace Jobs.Search.Querying;

public sealed partial class TextQueryBuilder
{
    /// <summary>A little below the typed word, so a posting that says the pinyin itself (rare) or the word ranks the same.</summary>
    private const float PinyinWordWeight = 0.9f;

    /// <summary>
    /// The Chinese words a Latin query word is the pinyin of (hangong → 焊工), most used first; null or empty: none.
    /// Posting search passes <see cref="Analysis.PinyinExpander.Expand"/> of the current suggestion lexicon.
    /// </summary>
    public Func<string, IReadOnlyList<string>>? PinyinWords { get; init; }

    /// <summary>A pinyin token also finds its Chinese words and their vocabulary synonyms: hangong → 焊工 → 电焊工.</summary>
    private void AddPinyinWords(DisjunctionMaxQuery concept, string token, Vocabulary.Vocabulary vocabulary, HashSet<string> highlight,
        Dictionary<string, IReadOnlyList<string>> synonyms)
    {
        if (PinyinWords is null || token.Length < 2 || !token.All(c => c is >= 'a' and <= 'z'))
        {
            return;
        }

        var words = PinyinWords(token);
        var reported = new List<string>();
        foreach (var word in words)
        {
            reported.Add(word);
            AddText(concept, word, PinyinWordWeight);
            highlight.Add(word);
            foreach (var synonym in vocabulary.Expand(word))
            {
                AddText(concept, synonym, PinyinWordWeight * SynonymWeight);
                reported.Add(synonym);
                foreach (var part in analysis.Segment(synonym))
                {
                    highlight.Add(part);
                }
            }
        }

        // Reported like vocabulary synonyms, so the page can say what a pinyin word was read as.
        if (reported.Count > 0)
        {
            synonyms[token] = reported.Distinct(StringComparer.Ordinal).ToList();
        }
    }
}
