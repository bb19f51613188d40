using Jobs.Search.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Jobs.Search.Matching;

/// <summary>A piece of one side's profile, turned into query concepts.</summary>
/// <param name="AsPhrase">Multi-word text (Spring Boot, Java开发工程师) is one phrase concept rather than a concept per word.</param>
/// <param name="Prose">Single words of this piece also search the long prose fields (descriptions, introductions).</param>
/// <param name="OnlyDomainWords">Free prose (a self-introduction): only words the vocabulary knows and Latin tech words
/// (Python, SQL) count, since the rest is filler that costs query time and adds noise.</param>
internal sealed record ProfileText(string Text, float Weight, bool AsPhrase, bool Prose = false, bool OnlyDomainWords = false);

/// <summary>
/// Builds the text query of a profile: a disjunction of concepts, each a disjunction over the other side's text fields (a
/// phrase for multi-word skills such as Spring Boot), widened by vocabulary synonyms. BM25 weighs rare shared words over
/// common ones, which is the whole of the text fit.
/// </summary>
/// <remarks>
/// Speed is set by how many postings-list entries a match walks. So the query is one flat disjunction (Lucene scores that
/// in bulk, several times faster than a required clause with optional ones); only a prose-marked single word (Java, CAD)
/// searches the long <paramref name="proseFields"/>; and in a large index a concept found in more than a few percent of
/// documents (Office, Excel, 开发) is left out: it would decide nothing and walk a large part of the index.
/// </remarks>
internal sealed class ProfileQueryBuilder(ChineseTextAnalysis analysis, IReadOnlyList<(string Field, float Boost)> fields,
    IReadOnlyList<(string Field, float Boost)> proseFields)
{
    private const float SynonymWeight = 0.8f;

    /// <summary>Share of the index above which a concept is too common to match on.</summary>
    private const double CommonShare = 0.04;

    /// <summary>Below this many documents nothing counts as common: shares mean little in a small index (a new region, tests).</summary>
    private const int MinCommonDocuments = 1000;

    private const int MaxSynonyms = 4;

    /// <summary>Words too common in résumés and adverts to say anything about fit.</summary>
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "负责", "工作", "相关", "能力", "具有", "具备", "熟悉", "掌握", "良好", "以上", "经验", "公司", "我们", "进行", "参与", "完成",
        "协助", "学习", "专业", "优秀", "团队", "沟通", "热爱", "喜欢", "一定", "能够", "了解", "岗位", "要求", "职位", "招聘", "实习",
        "同学", "大学", "学院", "毕业", "本科", "大专", "硕士", "博士", "应届", "应届生", "以及", "或者", "及以上", "优先", "期间", "曾经",
        "项目", "认真", "负责任", "积极", "主动", "踏实", "吃苦耐劳", "较强", "具有较强", "我", "的", "和", "与", "及", "等",
    };

    public Query? Build(IEnumerable<ProfileText> items, Vocabulary.Vocabulary vocabulary, int maxConcepts, IndexReader reader)
    {
        var query = new BooleanQuery();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var common = Math.Max(MinCommonDocuments, CommonShare * reader.NumDocs);
        foreach (var item in items)
        {
            var words = analysis.Segment(item.Text).Where(w => !Filler.Contains(w)).ToList();
            if (item.OnlyDomainWords)
            {
                words = words.Where(w => (w.Length >= 2 && w.All(c => c < 128 && !char.IsDigit(c))) || vocabulary.Expand(w).Count > 0)
                    .Distinct(StringComparer.Ordinal).Take(6).ToList();
            }

            var concepts = item.AsPhrase && words.Count > 1
                ? [words]
                // Single characters say little on their own (学, 员) and match nearly everything.
                : words.Where(w => w.Length >= 2 || w.All(char.IsAsciiLetterOrDigit)).Select(w => (List<string>)[w]).ToList();
            foreach (var concept in concepts)
            {
                if (query.Clauses.Count >= maxConcepts)
                {
                    return query;
                }

                if (seen.Add(string.Join(" ", concept)) && DocFrequency(concept, reader) <= common)
                {
                    query.Add(Concept(concept, item, vocabulary), Occur.SHOULD);
                }
            }
        }

        return query.Clauses.Count > 0 ? query : null;
    }

    private DisjunctionMaxQuery Concept(IReadOnlyList<string> words, ProfileText item, Vocabulary.Vocabulary vocabulary)
    {
        var concept = new DisjunctionMaxQuery(0.1f);
        Add(concept, words, item.Weight, item.Prose);
        var folded = analysis.Fold(item.AsPhrase ? item.Text.Trim() : words[0]);
        foreach (var synonym in vocabulary.Expand(folded).Take(MaxSynonyms))
        {
            var synonymWords = analysis.Segment(synonym);
            if (synonymWords.Count > 0)
            {
                Add(concept, synonymWords, item.Weight * SynonymWeight, prose: false);
            }
        }

        return concept;
    }

    /// <summary>
    /// How many documents a concept can match at most in the short fields: a word's largest field frequency, and for a
    /// phrase that of its rarest word (a phrase cannot occur more often than its rarest word).
    /// </summary>
    private int DocFrequency(IReadOnlyList<string> words, IndexReader reader)
    {
        var phrase = int.MaxValue;
        foreach (var word in words)
        {
            var most = 0;
            foreach (var (field, _) in fields)
            {
                most = Math.Max(most, reader.DocFreq(new Term(field, word)));
            }

            phrase = Math.Min(phrase, most);
        }

        return phrase == int.MaxValue ? 0 : phrase;
    }

    private void Add(DisjunctionMaxQuery concept, IReadOnlyList<string> words, float weight, bool prose)
    {
        foreach (var (field, boost) in words.Count == 1 && prose ? fields.Concat(proseFields) : fields)
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
