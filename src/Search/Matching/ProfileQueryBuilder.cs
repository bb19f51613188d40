using Jobs.Search.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Jobs.Search.Matching;

/// <summary>
/// A piece of one side's profile turned into query concepts. Strong pieces (skills, titles, majors) decide whether a
/// document matches at all; weak ones (experience, introduction words) only add to the score of documents that do.
/// </summary>
/// <param name="OnlyDomainWords">Free prose (a self-introduction): only words the vocabulary knows and Latin tech words
/// (Python, SQL) count, since the rest is filler that costs query time and adds noise.</param>
internal sealed record ProfileText(string Text, float Weight, bool Strong, bool AsPhrase, bool OnlyDomainWords = false);

/// <summary>
/// Builds the text query of a profile: each concept is a disjunction over the other side's text fields (a phrase for
/// multi-word skills such as Spring Boot), widened by vocabulary synonyms. BM25 then weighs rare shared words over
/// common ones, which is the whole of the text fit.
/// </summary>
/// <remarks>
/// Every concept searches the short <paramref name="fields"/> (titles, skills); only a strong single word (Java, CAD) also
/// searches the long <paramref name="proseFields"/> (descriptions, introductions). Phrases and weak words over prose walk
/// the largest posting lists of the index and were most of the cost of a match while adding little to its quality.
/// </remarks>
internal sealed class ProfileQueryBuilder(ChineseTextAnalysis analysis, IReadOnlyList<(string Field, float Boost)> fields,
    IReadOnlyList<(string Field, float Boost)> proseFields)
{
    private const float SynonymWeight = 0.8f;

    /// <summary>Words too common in résumés and adverts to say anything about fit.</summary>
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "负责", "工作", "相关", "能力", "具有", "具备", "熟悉", "掌握", "良好", "以上", "经验", "公司", "我们", "进行", "参与", "完成",
        "协助", "学习", "专业", "优秀", "团队", "沟通", "热爱", "喜欢", "一定", "能够", "了解", "岗位", "要求", "职位", "招聘", "实习",
        "同学", "大学", "学院", "毕业", "本科", "大专", "硕士", "博士", "应届", "应届生", "以及", "或者", "及以上", "优先", "期间", "曾经",
        "项目", "认真", "负责任", "积极", "主动", "踏实", "吃苦耐劳", "较强", "具有较强", "我", "的", "和", "与", "及", "等",
    };

    public Query? Build(IEnumerable<ProfileText> items, Vocabulary.Vocabulary vocabulary, int maxConcepts)
    {
        var strong = new BooleanQuery();
        var weak = new List<Query>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (strong.Clauses.Count + weak.Count >= maxConcepts)
            {
                break;
            }

            var words = analysis.Segment(item.Text).Where(w => !Filler.Contains(w)).ToList();
            if (item.OnlyDomainWords)
            {
                words = words.Where(w => (w.Length >= 2 && w.All(c => c < 128 && !char.IsDigit(c))) || vocabulary.Expand(w).Count > 0)
                    .Distinct(StringComparer.Ordinal).Take(6).ToList();
            }

            if (words.Count == 0)
            {
                continue;
            }

            if (item.AsPhrase && words.Count > 1)
            {
                AddConcept(string.Join(" ", words), words, item, vocabulary, strong, weak, seen);
                continue;
            }

            foreach (var word in words)
            {
                // Single characters say little on their own (学, 员) and match nearly everything.
                if (word.Length >= 2 || word.All(char.IsAsciiLetterOrDigit))
                {
                    AddConcept(word, [word], item, vocabulary, strong, weak, seen);
                }
            }
        }

        if (strong.Clauses.Count == 0 && weak.Count == 0)
        {
            return null;
        }

        var query = new BooleanQuery();
        if (strong.Clauses.Count > 0)
        {
            query.Add(strong, Occur.MUST);
            foreach (var w in weak)
            {
                query.Add(w, Occur.SHOULD);
            }
        }
        else
        {
            // Only weak words: any of them may match.
            foreach (var w in weak)
            {
                query.Add(w, Occur.SHOULD);
            }
        }

        return query;
    }

    private void AddConcept(string key, IReadOnlyList<string> words, ProfileText item, Vocabulary.Vocabulary vocabulary, BooleanQuery strong,
        List<Query> weak, HashSet<string> seen)
    {
        if (!seen.Add(key))
        {
            return;
        }

        var concept = new DisjunctionMaxQuery(0.1f);
        Add(concept, words, item.Weight, item.Strong);
        var folded = analysis.Fold(item.AsPhrase ? item.Text.Trim() : key);
        foreach (var synonym in vocabulary.Expand(folded).Take(6))
        {
            var synonymWords = analysis.Segment(synonym);
            if (synonymWords.Count > 0)
            {
                Add(concept, synonymWords, item.Weight * SynonymWeight, item.Strong);
            }
        }

        if (item.Strong)
        {
            strong.Add(concept, Occur.SHOULD);
        }
        else
        {
            weak.Add(concept);
        }
    }

    private void Add(DisjunctionMaxQuery concept, IReadOnlyList<string> words, float weight, bool strong)
    {
        var prose = words.Count == 1 && strong ? proseFields : [];
        foreach (var (field, boost) in fields.Concat(prose))
        {
            if (words.Count == 1)
            {
                concept.Add(new TermQuery(new Term(field, words[0])) { Boost = boost * weight });
                continue;
            }

            var phrase = new PhraseQuery { Boost = boost * weight };
            foreach (var w in words)
            {
                phrase.Add(new Term(field, w));
            }

            concept.Add(phrase);
        }
    }
}
