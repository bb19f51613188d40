using Jobs.Search.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Jobs.Search.Querying;

/// <summary>The fields one index searches free text in, with their weights.</summary>
public sealed record TextFields(
    IReadOnlyList<(string Field, float Boost)> Words,
    IReadOnlyList<(string Field, float Boost)> Bigrams,
    IReadOnlyList<(string Field, float Boost)> Pinyin);

/// <summary>One word of the query with the clause that matches it (the word, its synonyms, its bigrams, its pinyin).</summary>
public sealed record TextConcept(string Word, Query Clause);

/// <summary>The free-text part of a search as a Lucene query, plus what the highlighter should mark.</summary>
public sealed record TextQuery(Query? Query, IReadOnlyCollection<string> HighlightTerms, IReadOnlyDictionary<string, IReadOnlyList<string>> Synonyms, bool Truncated)
{
    /// <summary>The words that must match, as the strict query reads them.</summary>
    public IReadOnlyList<string> Words { get; init; } = [];

    /// <summary>The words relaxation may drop, finest segmentation (网络工程师 as 网络 + 工程师); empty when nothing can relax.</summary>
    public IReadOnlyList<TextConcept> Concepts { get; init; } = [];

    /// <summary>Whether <see cref="Concepts"/> splits a word the strict query kept whole.</summary>
    public bool ConceptsSplit { get; init; }

    /// <summary>Quoted phrases: every relaxation level still requires them.</summary>
    public IReadOnlyList<Query> Phrases { get; init; } = [];

    /// <summary>-words: every relaxation level still excludes them.</summary>
    public IReadOnlyList<Query> Exclusions { get; init; } = [];

    /// <summary>Intent-only words left out of the words that must match (找, 工作, 岗位 …).</summary>
    public IReadOnlyList<string> Ignored { get; init; } = [];

    /// <summary>What the highlighter should also mark when relaxation matched the parts of a word.</summary>
    public IReadOnlyCollection<string> RelaxedHighlightTerms { get; init; } = [];
}

/// <summary>
/// Builds the free-text query: every word of the query must match (most of them, for long queries) in some field — the
/// word fields first, the CJK bigram fields as the recall path for segmentation mismatches (工程师 in 软件工程师), and the
/// pinyin fields for Latin words (nanjing, rjgcs). Vocabulary synonyms widen each word. Quoted phrases must match as
/// phrases; -words must not match.
/// </summary>
public sealed partial class TextQueryBuilder(ChineseTextAnalysis analysis, TextFields fields, bool ignoreIntentWords = false)
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
        var ignored = new List<string>();
        if (ignoreIntentWords)
        {
            ignored = tokens.Where(IntentWords.IsIntent).ToList();
            tokens = tokens.Where(t => !IntentWords.IsIntent(t)).ToList();
        }

        var truncated = tokens.Count > MaxConcepts;
        if (truncated)
        {
            tokens = tokens.Take(MaxConcepts).ToList();
        }

        var query = new BooleanQuery();
        var concepts = new BooleanQuery();
        var conceptList = new List<TextConcept>();
        foreach (var token in tokens)
        {
            var concept = Concept(token, vocabulary, highlight, synonyms);
            conceptList.Add(new TextConcept(token, concept));
            concepts.Add(concept, Occur.SHOULD);
        }

        if (tokens.Count > 0)
        {
            // Short queries need every word; from three words on, one may miss (typos, filler words).
            concepts.MinimumNumberShouldMatch = tokens.Count <= 2 ? tokens.Count : (int)Math.Ceiling(tokens.Count * 0.75);
            query.Add(concepts, Occur.MUST);
        }

        // Relaxation works on the finest words: a vocabulary word kept whole (网络工程师) may match as its parts.
        var fine = tokens.SelectMany(t => t.All(IsCjk) && vocabulary.Expand(t).Count > 0 ? analysis.Segment(t) : [t])
            .Where(t => !ignoreIntentWords || !IntentWords.IsIntent(t)).Distinct(StringComparer.Ordinal).ToList();
        var split = !fine.SequenceEqual(tokens);
        // The parts' own terms are marked only when relaxation uses them; their synonyms are not reported.
        var partHighlight = new HashSet<string>(StringComparer.Ordinal);
        var fineConcepts = split
            ? fine.Select(t => conceptList.FirstOrDefault(c => c.Word == t) ?? new TextConcept(t, Concept(t, vocabulary, partHighlight, []))).ToList()
            : conceptList;

        var phraseQueries = new List<Query>();
        var exclusionQueries = new List<Query>();

        foreach (var phrase in phrases.Take(MaxConcepts))
        {
            var clause = new DisjunctionMaxQuery(0.1f);
            AddText(clause, phrase, 1f);
            if (clause.Disjuncts.Count > 0)
            {
                query.Add(clause, Occur.MUST);
                phraseQueries.Add(clause);
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
                exclusionQueries.Add(clause);
            }
        }

        var parts = new TextQuery(null, highlight, synonyms, truncated)
        {
            Words = tokens,
            Concepts = fineConcepts,
            ConceptsSplit = split,
            Phrases = phraseQueries,
            Exclusions = exclusionQueries,
            Ignored = ignored,
            RelaxedHighlightTerms = partHighlight,
        };
        if (query.Clauses.Count == 0)
        {
            return parts;
        }

        if (!positive)
        {
            // Only exclusions: everything else is a match.
            query.Add(new MatchAllDocsQuery(), Occur.MUST);
        }

        return parts with { Query = query };
    }

    /// <summary>
    /// A relaxed query: the given concepts (at least <paramref name="minimumMatch"/> of them) plus every phrase and exclusion
    /// of <paramref name="text"/>.
    /// </summary>
    public static Query Compose(TextQuery text, IReadOnlyList<Query> concepts, int minimumMatch)
    {
        var query = new BooleanQuery();
        var any = new BooleanQuery { MinimumNumberShouldMatch = Math.Max(1, Math.Min(minimumMatch, concepts.Count)) };
        foreach (var c in concepts)
        {
            any.Add(c, Occur.SHOULD);
        }

        query.Add(any, Occur.MUST);
        foreach (var p in text.Phrases)
        {
            query.Add(p, Occur.MUST);
        }

        foreach (var x in text.Exclusions)
        {
            query.Add(x, Occur.MUST_NOT);
        }

        return query;
    }

    /// <summary>
    /// The bigrams of a Chinese word of three or more characters (网络工程师 → 网络, 络工, 工程, 程师), half of which (or
    /// one of which) must match, as terms in the word and bigram fields; null for a shorter or non-Chinese word.
    /// </summary>
    public Query? Bigrams(string word, bool half, out IReadOnlyList<string> bigrams)
    {
        bigrams = [];
        if (word.Length < 3 || !word.All(IsCjk))
        {
            return null;
        }

        var list = Enumerable.Range(0, word.Length - 1).Select(i => word.Substring(i, 2)).Distinct(StringComparer.Ordinal).ToList();
        var query = new BooleanQuery { MinimumNumberShouldMatch = half ? (list.Count + 1) / 2 : 1 };
        foreach (var bigram in list)
        {
            var one = new DisjunctionMaxQuery(0.1f);
            foreach (var (field, boost) in fields.Words.Concat(fields.Bigrams))
            {
                one.Add(new TermQuery(new Term(field, bigram)) { Boost = boost });
            }

            query.Add(one, Occur.SHOULD);
        }

        bigrams = list;
        return query;
    }

    /// <summary>
    /// Every character of a Chinese word of two or more characters somewhere in a title (焊工 → 焊 and 工, not adjacent), the
    /// last level before giving up; null for a shorter or non-Chinese word.
    /// </summary>
    public Query? Characters(string word)
    {
        if (word.Length < 2 || !word.All(IsCjk))
        {
            return null;
        }

        var query = new BooleanQuery();
        foreach (var c in word.Distinct())
        {
            var one = new DisjunctionMaxQuery(0.1f);
            foreach (var (field, boost) in fields.Bigrams)
            {
                // The bigram index analyzer writes every character as a unigram too.
                one.Add(new TermQuery(new Term(field, c.ToString())) { Boost = boost });
            }

            query.Add(one, Occur.MUST);
        }

        return query;
    }

    private DisjunctionMaxQuery Concept(string token, Vocabulary.Vocabulary vocabulary, HashSet<string> highlight,
        Dictionary<string, IReadOnlyList<string>> synonyms)
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

        return concept;
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
