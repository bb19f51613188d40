using System.Globalization;
using Jobs.Core.Common;
using Jobs.Core.Regions;
using Jobs.Search.Analysis;
using Jobs.Search.Highlighting;
using Jobs.Search.Querying;
using Jobs.Search.Vocabulary;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Options;
using F = Jobs.Search.Postings.PostingFields;

namespace Jobs.Search.Postings;

/// <summary>
/// Posting search: free text with phrases and exclusions, filters, sorting, facets counted drill-sideways, highlights and
/// cursors. Knows nothing of HTTP; the endpoint validates parameters and maps the result.
/// </summary>
public sealed class PostingSearchService
{
    public const int MaxDepth = 1000;

    private static readonly TextFields Fields = new(
        Words: [(F.Title, 3f), (F.Skills, 2.5f), (F.Employer, 1.5f), (F.Place, 1.5f), (F.Description, 1f), (F.CategoryText, 0.8f)],
        Bigrams: [(F.TitleBigram, 2f), (F.EmployerBigram, 1f), (F.DescriptionBigram, 0.6f)],
        Pinyin: [(F.TitlePinyin, 2f), (F.EmployerPinyin, 1f), (F.PlacePinyin, 1.5f)]);

    private readonly PostingIndex _index;
    private readonly CityDirectory _cities;
    private readonly VocabularyProvider _vocabulary;
    private readonly TextQueryBuilder _text;
    private readonly QueryUnderstanding _understanding;
    private readonly Highlighter _highlighter;
    private readonly SearchOptions _options;
    private readonly TimeProvider _clock;

    public PostingSearchService(PostingIndex index, ChineseTextAnalysis analysis, CityDirectory cities, VocabularyProvider vocabulary,
        IOptions<SearchOptions> options, TimeProvider clock)
    {
        _index = index;
        _cities = cities;
        _vocabulary = vocabulary;
        _options = options.Value;
        _clock = clock;
        _text = new TextQueryBuilder(analysis, Fields);
        _understanding = new QueryUnderstanding(cities);
        _highlighter = new Highlighter(analysis.Fold);
    }

    public PostingSearchResult Search(PostingSearchRequest request)
    {
        var parsed = UserQuery.Parse(request.Query);
        var understood = _understanding.Understand(parsed.Text);

        // Filters from the text join the explicit ones; an explicit parameter wins where both set the same thing.
        var cities = request.CityCodes.Concat(understood.Cities.Select(c => c.Code)).Distinct(StringComparer.Ordinal).ToList();
        var education = request.Education ?? understood.Education?.Level;
        var experience = request.Experience ?? (understood.FreshGraduateText is not null ? ExperienceLevel.FreshGraduate : null);
        var salaryMin = request.SalaryMin ?? understood.Salary?.Min;
        var salaryMax = request.SalaryMax ?? understood.Salary?.Max;

        var vocabulary = _vocabulary.Current;
        var text = _text.Build(understood.RemainingText, parsed.Phrases, parsed.Excluded, vocabulary);
        var now = _clock.GetUtcNow().UtcDateTime;

        var filters = new Dictionary<Dimension, Query>();
        var always = new List<Query>();
        var nowSeconds = PostingDocumentBuilder.ToUnixSeconds(now);
        var docFilters = new List<IDocFilter> { new NumericRangeDocFilter(F.Values(F.ExpiresAt), nowSeconds + 1, long.MaxValue) };
        IDocFilter? salaryFilter = null;
        if (cities.Count > 0)
        {
            var any = new BooleanQuery();
            foreach (var code in cities)
            {
                any.Add(new TermQuery(new Term(F.City, code)), Occur.SHOULD);
            }

            filters[Dimension.City] = any;
        }

        if (request.Category is { } category)
        {
            filters[Dimension.Category] = new TermQuery(new Term(F.Category, category));
        }

        if (education is { } edu)
        {
            filters[Dimension.Education] = NumericRangeQuery.NewInt32Range(F.Education, 0, edu.Rank(), true, true);
        }

        if (salaryMin is not null || salaryMax is not null)
        {
            // Overlap of [posting min, posting max] with [salaryMin, salaryMax]; negotiable postings have no range and drop out.
            salaryFilter = new SalaryOverlapFilter(salaryMin ?? 0, salaryMax ?? int.MaxValue);
        }

        if (request.District is { } district)
        {
            always.Add(new TermQuery(new Term(F.District, district)));
        }

        if (experience is { } exp)
        {
            var allowed = new BooleanQuery();
            foreach (var level in Enum.GetValues<ExperienceLevel>().Where(l => Accepts(exp, l)))
            {
                allowed.Add(NumericRangeQuery.NewInt32Range(F.Experience, (int)level, (int)level, true, true), Occur.SHOULD);
            }

            always.Add(allowed);
        }

        if (request.PostedWithinDays is { } days)
        {
            docFilters.Add(new NumericRangeDocFilter(F.Values(F.PostedAt), PostingDocumentBuilder.ToUnixSeconds(now.AddDays(-days)), long.MaxValue));
        }

        if (request.EmployerId is { } employerId)
        {
            always.Add(NumericRangeQuery.NewInt64Range(F.EmployerId, employerId, employerId, true, true));
        }

        if (request.OnlyIds is { } only)
        {
            var ids = new BooleanQuery();
            foreach (var id in only.Take(BooleanQuery.MaxClauseCount))
            {
                ids.Add(new TermQuery(new Term(F.Id, id.ToString(CultureInfo.InvariantCulture))), Occur.SHOULD);
            }

            always.Add(ids);
        }

        var sortName = request.Sort.ToString().ToLowerInvariant();
        var after = request.Cursor is { } cursor ? ((double Key, long Id)?)(cursor.Key, cursor.Id) : null;
        var skip = request.Cursor is null ? (request.Page - 1) * request.PageSize : 0;
        var size = Math.Min(skip + request.PageSize, MaxDepth);

        using var lease = _index.Index.Acquire();
        var searcher = lease.Searcher;

        // Main pass: every filter; counts the dimensions nobody filtered on.
        var filtered = filters.Keys.ToHashSet();
        if (salaryFilter is not null)
        {
            filtered.Add(Dimension.Salary);
        }

        List<IDocFilter> DocFilters(Dimension? except) =>
            salaryFilter is null || except == Dimension.Salary ? docFilters : [.. docFilters, salaryFilter];

        var mainFacets = Enum.GetValues<Dimension>().Where(d => !filtered.Contains(d)).Select(CreateCounter).ToList();
        var collector = new RankingCollector(F.IdValue, CreateRank(request.Sort, now), size, after, mainFacets, DocFilters(null));
        searcher.Search(Compose(text.Query, always, filters, except: null), collector);

        // Drill-sideways: a filtered dimension counts as if its own filter were off, so the other values stay clickable.
        var facetResults = mainFacets.ToDictionary(f => f.Dimension, f => f.Results());
        foreach (var dimension in filtered)
        {
            var counter = CreateCounter(dimension);
            searcher.Search(Compose(text.Query, always, filters, except: dimension),
                new RankingCollector(F.IdValue, NoRank.Instance, 0, null, [counter], DocFilters(dimension)));
            facetResults[counter.Dimension] = counter.Results();
        }

        var best = collector.Best().Skip(skip).Take(request.PageSize).ToList();
        var items = best.Select(c => ToHit(searcher.Doc(c.Doc), c.Key, text.HighlightTerms)).ToList();
        string? next = null;
        if (best.Count == request.PageSize && best.Count > 0 && (request.Cursor is not null || skip + best.Count < collector.TotalHits))
        {
            var last = best[^1];
            next = new SearchCursor(sortName, last.Key, last.Id).Encode();
        }

        var facets = new PostingFacets(
            Facet(facetResults, nameof(Dimension.City), code => _cities.FindByCode(code)?.Name ?? code),
            Facet(facetResults, nameof(Dimension.Category), v => v),
            Facet(facetResults, nameof(Dimension.Education), v => v),
            Facet(facetResults, nameof(Dimension.Salary), v => v));

        var report = new QueryReport(understood.RemainingText, understood.Cities, understood.Education, understood.FreshGraduateText,
            understood.Salary, parsed.Phrases, parsed.Excluded, text.Synonyms, parsed.Truncated || text.Truncated);
        return new PostingSearchResult(collector.TotalHits, request.Cursor is null ? request.Page : 0, request.PageSize, items, facets, report, next);
    }

    /// <summary>A posting asking for <paramref name="asked"/> suits someone with <paramref name="held"/> experience.</summary>
    private static bool Accepts(ExperienceLevel held, ExperienceLevel asked) => held == ExperienceLevel.Any || Rank(asked) <= Rank(held);

    /// <summary>Fresh graduates and under-a-year are one step: postings for either welcome the other.</summary>
    private static int Rank(ExperienceLevel level) => level switch
    {
        ExperienceLevel.Any => 0,
        ExperienceLevel.FreshGraduate or ExperienceLevel.UnderOneYear => 1,
        ExperienceLevel.OneToThreeYears => 2,
        ExperienceLevel.ThreeToFiveYears => 3,
        ExperienceLevel.FiveToTenYears => 4,
        _ => 5,
    };

    private static Query Compose(Query? text, List<Query> always, Dictionary<Dimension, Query> filters, Dimension? except)
    {
        var query = new BooleanQuery();
        query.Add(text ?? new MatchAllDocsQuery(), Occur.MUST);
        foreach (var filter in always.Concat(filters.Where(f => f.Key != except).Select(f => f.Value)))
        {
            // Filters must match but must not change the score.
            query.Add(new ConstantScoreQuery(filter) { Boost = 0f }, Occur.MUST);
        }

        return query;
    }

    private IRankKey CreateRank(PostingSort sort, DateTime now) => sort switch
    {
        PostingSort.Newest => new DocValueRank(F.Values(F.PostedAt)),
        PostingSort.Salary => new DocValueRank(F.Values(F.SalaryMax)),
        _ => new RelevanceRank(PostingDocumentBuilder.ToUnixSeconds(now), _options),
    };

    private static IFacetCounter CreateCounter(Dimension dimension) => dimension switch
    {
        Dimension.City => new SortedFacetCounter(nameof(Dimension.City), F.Values(F.City)),
        Dimension.Category => new SortedFacetCounter(nameof(Dimension.Category), F.Values(F.Category)),
        Dimension.Education => new NumericFacetCounter(nameof(Dimension.Education), F.Values(F.Education), (int)EducationLevel.Doctorate,
            v => ((EducationLevel)v).Label()),
        _ => new SortedFacetCounter(nameof(Dimension.Salary), F.Values(F.SalaryBand)),
    };

    private static IReadOnlyList<FacetValue> Facet(Dictionary<string, IReadOnlyList<(string Value, int Count)>> results, string dimension, Func<string, string> label) =>
        results.TryGetValue(dimension, out var values) ? values.Select(v => new FacetValue(label(v.Value), v.Count)).ToList() : [];

    private PostingHit ToHit(Lucene.Net.Documents.Document doc, double score, IReadOnlyCollection<string> terms)
    {
        var title = doc.Get(F.Title) ?? "";
        var description = doc.Get(F.Description) ?? "";
        return new PostingHit(
            long.Parse(doc.Get(F.Id), CultureInfo.InvariantCulture),
            title,
            doc.Get(F.Employer) ?? "",
            doc.GetField(F.EmployerId)?.GetInt64Value() ?? 0,
            doc.Get(F.City) ?? "",
            doc.Get(F.District),
            doc.GetField(F.SalaryMin)?.GetInt32Value(),
            doc.GetField(F.SalaryMax)?.GetInt32Value(),
            doc.GetField(F.SalaryMonths)?.GetInt32Value() ?? 12,
            (EducationLevel)(doc.GetField(F.Values(F.Education))?.GetInt32Value() ?? 0),
            DateTimeOffset.FromUnixTimeSeconds(doc.GetField(F.PostedAt)?.GetInt64Value() ?? 0).UtcDateTime,
            Math.Round(score, 4),
            _highlighter.Highlight(title, terms),
            _highlighter.Snippet(description, terms));
    }

    private sealed class SalaryOverlapFilter(long min, long max) : IDocFilter
    {
        private NumericDocValues? _low;
        private NumericDocValues? _high;

        public void SetNextReader(AtomicReader reader)
        {
            _low = reader.GetNumericDocValues(F.Values(F.SalaryMin));
            _high = reader.GetNumericDocValues(F.Values(F.SalaryMax));
        }

        public bool Accept(int doc)
        {
            var high = _high?.Get(doc) ?? -1;
            var low = _low?.Get(doc) ?? -1;
            return high >= 0 && low >= 0 && high >= min && low <= max;
        }
    }

    private enum Dimension
    {
        City,
        Category,
        Education,
        Salary,
    }

    /// <summary>BM25 × (1 + freshness + quality): equally matching postings rank newer and more complete ones first.</summary>
    private sealed class RelevanceRank(long nowSeconds, SearchOptions options) : IRankKey
    {
        private NumericDocValues? _posted;
        private NumericDocValues? _quality;

        public void SetNextReader(AtomicReader reader)
        {
            _posted = reader.GetNumericDocValues(F.Values(F.PostedAt));
            _quality = reader.GetNumericDocValues(F.Quality);
        }

        public double Key(int doc, float score)
        {
            var ageDays = Math.Max(0, nowSeconds - (_posted?.Get(doc) ?? 0)) / 86400.0;
            var freshness = Math.Pow(2, -ageDays / options.FreshnessHalfLifeDays);
            var quality = (_quality?.Get(doc) ?? 0) / 100.0;
            return Math.Round(score * (1 + (options.FreshnessWeight * freshness) + (options.QualityWeight * quality)), 6);
        }
    }

    private sealed class DocValueRank(string field) : IRankKey
    {
        private NumericDocValues? _values;

        public void SetNextReader(AtomicReader reader) => _values = reader.GetNumericDocValues(field);

        public double Key(int doc, float score) => _values?.Get(doc) ?? 0;
    }

    private sealed class NoRank : IRankKey
    {
        public static NoRank Instance { get; } = new();

        public void SetNextReader(AtomicReader reader)
        {
        }

        public double Key(int doc, float score) => 0;
    }
}
