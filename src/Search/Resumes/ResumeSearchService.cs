using System.Globalization;
using Jobs.Core.Common;
using Jobs.Core.Resumes;
using Jobs.Search.Analysis;
using Jobs.Search.Highlighting;
using Jobs.Search.Querying;
using Jobs.Search.Vocabulary;
using Lucene.Net.Index;
using Lucene.Net.Search;
using R = Jobs.Search.Resumes.ResumeFields;

namespace Jobs.Search.Resumes;

public sealed record ResumeSearchRequest
{
    public string? Query { get; init; }

    /// <summary>Résumés that list this city among their preferred cities.</summary>
    public string? CityCode { get; init; }

    /// <summary>Candidates holding at least this degree.</summary>
    public EducationLevel? Degree { get; init; }

    public string? Major { get; init; }

    public int? GraduationYear { get; init; }

    /// <summary>Every one of these skills must appear.</summary>
    public IReadOnlyList<string> Skills { get; init; } = [];

    /// <summary>Visibilities the reader may see; hidden résumés are never indexed.</summary>
    public IReadOnlyCollection<ResumeVisibility> Visibilities { get; init; } = [ResumeVisibility.Public];

    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;

    public SearchCursor? Cursor { get; init; }
}

public sealed record ResumeHit(long Id, double Score, string MajorHighlight, string SkillsHighlight, string Snippet);

public sealed record ResumeSearchResult(int Total, int Page, int PageSize, IReadOnlyList<ResumeHit> Items, Postings.QueryReport Understood, string? NextCursor);

/// <summary>Résumé search for employers and organisers, in the same query language as posting search.</summary>
public sealed class ResumeSearchService
{
    public const int MaxDepth = 1000;

    private static readonly TextFields Fields = new(
        Words: [(R.Skills, 3f), (R.Major, 2.5f), (R.Experience, 1.5f), (R.Introduction, 1f), (R.School, 1f)],
        Bigrams: [(R.AllBigram, 0.8f)],
        Pinyin: [(R.AllPinyin, 1f)]);

    private readonly ResumeIndex _index;
    private readonly ChineseTextAnalysis _analysis;
    private readonly VocabularyProvider _vocabulary;
    private readonly TextQueryBuilder _text;
    private readonly QueryUnderstanding _understanding;
    private readonly Highlighter _highlighter;

    public ResumeSearchService(ResumeIndex index, ChineseTextAnalysis analysis, Jobs.Core.Regions.CityDirectory cities, VocabularyProvider vocabulary)
    {
        _index = index;
        _analysis = analysis;
        _vocabulary = vocabulary;
        _text = new TextQueryBuilder(analysis, Fields);
        _understanding = new QueryUnderstanding(cities);
        _highlighter = new Highlighter(analysis.Fold);
    }

    public ResumeSearchResult Search(ResumeSearchRequest request)
    {
        var prepared = Prepare(request);
        var query = new BooleanQuery { { prepared.Text.Query ?? new MatchAllDocsQuery(), Occur.MUST } };
        foreach (var filter in prepared.Filters)
        {
            query.Add(filter, Occur.MUST);
        }

        var text = prepared.Text;
        var skip = request.Cursor is null ? (request.Page - 1) * request.PageSize : 0;
        var after = request.Cursor is { } cursor ? ((double Key, long Id)?)(cursor.Key, cursor.Id) : null;
        using var lease = _index.Index.Acquire();
        var collector = new RankingCollector(R.IdValue, new ScoreRank(), Math.Min(skip + request.PageSize, MaxDepth), after);
        lease.Searcher.Search(query, collector);
        var best = collector.Best().Skip(skip).Take(request.PageSize).ToList();
        var items = best.Select(c =>
        {
            var doc = lease.Searcher.Doc(c.Doc);
            var snippetSource = string.Join("\n", new[] { doc.Get(R.Experience), doc.Get(R.Introduction) }.OfType<string>());
            return new ResumeHit(long.Parse(doc.Get(R.Id), CultureInfo.InvariantCulture), Math.Round(c.Key, 4),
                _highlighter.Highlight(doc.Get(R.Major) ?? "", text.HighlightTerms),
                _highlighter.Highlight(doc.Get(R.Skills) ?? "", text.HighlightTerms),
                _highlighter.Snippet(snippetSource, text.HighlightTerms, 100));
        }).ToList();

        string? next = null;
        if (best.Count == request.PageSize && best.Count > 0 && (request.Cursor is not null || skip + best.Count < collector.TotalHits))
        {
            next = new SearchCursor("relevance", best[^1].Key, best[^1].Id).Encode();
        }

        return new ResumeSearchResult(collector.TotalHits, request.Cursor is null ? request.Page : 0, request.PageSize, items, prepared.Report, next);
    }

    /// <summary>The free-text query and the filters (zero-scoring clauses) of a request; candidate matching takes the same filters.</summary>
    internal PreparedResumeRequest Prepare(ResumeSearchRequest request)
    {
        var parsed = UserQuery.Parse(request.Query);
        var understood = _understanding.Understand(parsed.Text);
        var text = _text.Build(understood.RemainingText, parsed.Phrases, parsed.Excluded, _vocabulary.Current);
        var filters = new List<Query>();
        void Filter(Query q) => filters.Add(new ConstantScoreQuery(q) { Boost = 0f });

        var visible = new BooleanQuery();
        foreach (var v in request.Visibilities)
        {
            visible.Add(NumericRangeQuery.NewInt32Range(R.Visibility, (int)v, (int)v, true, true), Occur.SHOULD);
        }

        Filter(visible);
        var cities = new[] { request.CityCode }.Concat(understood.Cities.Select(c => c.Code)).OfType<string>().Distinct().ToList();
        if (cities.Count > 0)
        {
            var any = new BooleanQuery();
            foreach (var city in cities)
            {
                any.Add(new TermQuery(new Term(R.PreferredCity, city)), Occur.SHOULD);
            }

            Filter(any);
        }

        if ((request.Degree ?? understood.Education?.Level) is { } degree)
        {
            Filter(NumericRangeQuery.NewInt32Range(R.Degree, degree.Rank(), null, true, true));
        }

        if (request.GraduationYear is { } year)
        {
            Filter(NumericRangeQuery.NewInt32Range(R.GraduationYear, year, year, true, true));
        }

        if (!string.IsNullOrWhiteSpace(request.Major) && _analysis.Segment(request.Major) is { Count: > 0 } majorWords)
        {
            // Major is matched as text within the major field only.
            var inMajor = new BooleanQuery();
            foreach (var word in majorWords)
            {
                inMajor.Add(new TermQuery(new Term(R.Major, word)), Occur.MUST);
            }

            Filter(inMajor);
        }

        foreach (var skill in request.Skills)
        {
            var either = new BooleanQuery
            {
                { new TermQuery(new Term(R.SkillExact, skill.Trim().ToLowerInvariant())), Occur.SHOULD },
            };
            var words = _analysis.Segment(skill);
            if (words.Count > 0)
            {
                var phrase = new PhraseQuery();
                foreach (var w in words)
                {
                    phrase.Add(new Term(R.Skills, w));
                }

                either.Add(phrase, Occur.SHOULD);
            }

            Filter(either);
        }

        var report = new Postings.QueryReport(understood.RemainingText, understood.Cities, understood.Education, understood.FreshGraduateText,
            understood.Salary, parsed.Phrases, parsed.Excluded, text.Synonyms, parsed.Truncated || text.Truncated);
        return new PreparedResumeRequest(text, filters, report);
    }

    /// <summary>Plain BM25.</summary>
    private sealed class ScoreRank : IRankKey
    {
        public void SetNextReader(AtomicReader reader)
        {
        }

        public double Key(int doc, float score) => Math.Round(score, 6);
    }
}

internal sealed record PreparedResumeRequest(TextQuery Text, IReadOnlyList<Query> Filters, Postings.QueryReport Report);
