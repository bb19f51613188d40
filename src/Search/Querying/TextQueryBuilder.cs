using Jobs.Search.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Jobs.Search.Querying;

/// <summary>The fields one index searches free text in, with their weights.</summary>
public sealed record TextFields(
    IReadOnlyList<(string Field, float Boost)> Words,
    IReadOnlyList<(string Field, float Boost)> Bigrams,
    IReadOnlyList<(string Field, float Boost)> Pinyin);

/// <summary>The free-text part of a search as a Lucene query, plus what the highlighter should mark.</summary>
public sealed record TextQuery(Query? Query, IReadOnlyCollection<string> HighlightTerms, IReadOnlyDictionary<string, IReadOnlyList<string>> Synonyms, bool Truncated);

/// <summary>
/// Builds the free-text query: every word of the query must match (most of them, for long queries) in some field — the
/// word fields first, the CJK bigram fields as the recall path for segmentation mismatches (工程师 in 软件工程师), and the
/// pinyin fields for Latin words (nanjing, rjgcs). Vocabulary synonyms widen each word. Quoted phrases must match as
/// phrases; -words must not match.
/// </summary>
public sealed partial class TextQueryBuilder(ChineseTextAnalysis analysis, TextFields fields)
{
    /// <summary>More words than this add cost, not precision; the rest are ignored and reported.</summary>
    public const int MaxConcepts = 12;

    private const float SynonymWeight = 0.8f;

    public TextQuery Build(string text, IReadOnlyList<string> phrases, IReadOnlyList<string> excluded, Vocabulary.Vocabulary vocabulary)
    {
        var highlight = new HashSet<string>(StringComparer.Ordinal);
        var synonyms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        // A query word the vocabulary knows stays whole even where segmentation would split it (蛙人 → 蛙|人).
        var tokens = new List<string>();
        foreach (var chunk in JoinStraySpaces(analysis.FoldQuery(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)))
        {
            var folded = analysis.Fold(chunk);
            if (vocabulary.Expand(folded).Count > 0)
            {
                tokens.Add(folded);
            }
            else
            {
                tokens.AddRange(analysis.Segment(chunk));
            }
        }

        tokens = tokens.Distinct(StringComparer.Ordinal).ToList();
        var truncated = tokens.Count > MaxConcepts;
        if (truncated)
        {
            tokens = tokens.Take(MaxConcepts).ToList();
        }

        var query = new BooleanQuery();
        var concepts = new BooleanQuery();
        foreach (var token in tokens)
        {
            var concept = new DisjunctionMaxQuery(0.1f);
            AddWord(concept, token, 1f);
            highlight.Add(token);
            AddPinyinWords(concept, token, vocabulary, highlight, synonyms);
            // 马鞍山市 should find 马鞍山: an administrative suffix is optional in job text.
            if (token.Length >= 3 && token.All(IsCjk) && "市区县省镇".Contains(token[^1], StringComparison.Ordinal))
            {
                AddWord(concept, token[..^1], 0.9f);
                highlight.Add(token[..^1]);
            }

            var expansions = vocabulary.Expand(token);
            if (expansions.Count > 0)
            {
                synonyms[token] = expansions;
            }

            foreach (var synonym in expansions)
            {
                AddText(concept, synonym, SynonymWeight);
                foreach (var part in analysis.Segment(synonym))
                {
                    highlight.Add(part);
                }
            }

            concepts.Add(concept, Occur.SHOULD);
        }

        if (tokens.Count > 0)
        {
            // Short queries need every word; from three words on, one may miss (typos, filler words).
            concepts.MinimumNumberShouldMatch = tokens.Count <= 2 ? tokens.Count : (int)Math.Ceiling(tokens.Count * 0.75);
            query.Add(concepts, Occur.MUST);
        }

        foreach (var phrase in phrases.Take(MaxConcepts))
        {
            var clause = new DisjunctionMaxQuery(0.1f);
            AddText(clause, phrase, 1f);
            if (clause.Disjuncts.Count > 0)
            {
                query.Add(clause, Occur.MUST);
                foreach (var part in analysis.Segment(phrase))
                {
                    highlight.Add(part);
                }

                var folded = analysis.Fold(phrase).Replace(" ", "", StringComparison.Ordinal);
                if (folded.Length > 0)
                {
                    highlight.Add(folded);
                }
            }
        }

        var positive = query.Clauses.Count > 0;
        foreach (var word in excluded.Take(MaxConcepts))
        {
            var clause = new DisjunctionMaxQuery(0f);
            AddText(clause, word, 1f);
            if (clause.Disjuncts.Count > 0)
            {
                query.Add(clause, Occur.MUST_NOT);
            }
        }

        if (query.Clauses.Count == 0)
        {
            return new TextQuery(null, highlight, synonyms, truncated);
        }

        if (!positive)
        {
            // Only exclusions: everything else is a match.
            query.Add(new MatchAllDocsQuery(), Occur.MUST);
        }

        return new TextQuery(query, highlight, synonyms, truncated);
    }

    /// <summary>One analysed word: its term in the word fields, its bigrams in the bigram fields, its pinyin form.</summary>
    private void AddWord(DisjunctionMaxQuery into, string token, float weight)
    {
        foreach (var (field, boost) in fields.Words)
        {
            into.Add(new TermQuery(new Term(field, token)) { Boost = boost * weight });
        }

        AddBigrams(into, token, weight);
        if (token.Length >= 2 && token.All(c => c is >= 'a' and <= 'z'))
        {
            foreach (var (field, boost) in fields.Pinyin)
            {
                into.Add(new TermQuery(new Term(field, token)) { Boost = boost * weight });
            }
        }
    }

    /// <summary>Text of any length (a synonym, a phrase): a phrase over the word fields and over the bigram fields.</summary>
    private void AddText(DisjunctionMaxQuery into, string text, float weight, bool bigrams = true)
    {
        var words = analysis.Segment(text);
        if (words.Count == 0)
        {
            return;
        }

        if (words.Count == 1)
        {
            if (bigrams)
            {
                AddWord(into, words[0], weight);
            }
            else
            {
                foreach (var (field, boost) in fields.Words)
                {
                    into.Add(new TermQuery(new Term(field, words[0])) { Boost = boost * weight });
                }
            }

            return;
        }

        // A phrase scores the sum of its words; dividing by their number keeps a long synonym from outscoring the typed word.
        foreach (var (field, boost) in fields.Words)
        {
            var phrase = new PhraseQuery { Boost = boost * weight / words.Count };
            foreach (var w in words)
            {
                phrase.Add(new Term(field, w));
            }

            into.Add(phrase);
        }

        var cjk = string.Concat(words.Where(w => w.Any(IsCjk)));
        if (bigrams && cjk.Length >= 2 && words.All(w => w.All(IsCjk)))
        {
            AddBigrams(into, cjk, weight);
        }
    }

    private void AddBigrams(DisjunctionMaxQuery into, string token, float weight)
    {
        if (!token.All(IsCjk))
        {
            return;
        }

        foreach (var (field, boost) in fields.Bigrams)
        {
            if (token.Length == 1)
            {
                // A one-character query: the bigram index analyzer writes every character as a unigram too.
                into.Add(new TermQuery(new Term(field, token)) { Boost = boost * weight * 0.5f });
                continue;
            }

            var phrase = new PhraseQuery { Boost = boost * weight };
            for (var i = 0; i + 1 < token.Length; i++)
            {
                phrase.Add(new Term(field, token.Substring(i, 2)), i);
            }

            into.Add(phrase);
        }
    }

    /// <summary>
    /// "会 计", "java 开 发": a lone Chinese character next to other Chinese text was almost surely typed with a stray
    /// space, so it is joined to its neighbour before segmentation.
    /// </summary>
    private static List<string> JoinStraySpaces(string[] chunks)
    {
        var joined = new List<string>();
        foreach (var chunk in chunks)
        {
            if (joined.Count > 0 && chunk.All(IsCjk) && joined[^1].All(IsCjk) && (chunk.Length == 1 || joined[^1].Length == 1))
            {
                joined[^1] += chunk;
            }
            else
            {
                joined.Add(chunk);
            }
        }

        return joined;
    }

    private static bool IsCjk(char c) => c is >= '\u3400' and <= '\u9fff' or >= '\uf900' and <= '\ufaff';
}
