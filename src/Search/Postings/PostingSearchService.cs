using System.Globalization;
using Jobs.Core.Common;
using Jobs.Core.Postings;
using Jobs.Core.Regions;
using Jobs.Core.Storage;
using Jobs.Search.Analysis;
using Jobs.Search.Highlighting;
using Jobs.Search.Querying;
using Jobs.Search.Vocabulary;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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
        // Descriptions are searched by words only: a bigram phrase over a million descriptions walks the positions of the
        // most common bigrams (工程, 程师) in nearly every document, which cost more than all other clauses together.
        Bigrams: [(F.TitleBigram, 2f), (F.EmployerBigram, 1f)],
        Pinyin: [(F.TitlePinyin, 2f), (F.EmployerPinyin, 1f), (F.PlacePinyin, 1.5f)]);

    private readonly PostingIndex _index;
    private readonly CityDirectory _cities;
    private readonly VocabularyProvider _vocabulary;
    private readonly TextQueryBuilder _text;
    private readonly QueryUnderstanding _understanding;
    private readonly Highlighter _highlighter;
    private readonly SearchOptions _options;
    private readonly TimeProvider _clock;
    private readonly IServiceScopeFactory _scopes;
    private readonly PostingColumnKeys _keys;

    public PostingSearchService(PostingIndex index, ChineseTextAnalysis analysis, CityDirectory cities, VocabularyProvider vocabulary,
        IOptions<SearchOptions> options, TimeProvider clock, IServiceScopeFactory scopes, Suggest.SearchLexiconProvider lexicon)
    {
        _scopes = scopes;
        _keys = index.ColumnKeys;
        _index = index;
        _cities = cities;
        _vocabulary = vocabulary;
        _options = options.Value;
        _clock = clock;
        _text = new TextQueryBuilder(analysis, Fields) { PinyinWords = word => lexicon.Current.Pinyin.Expand(word) };
        _understanding = new QueryUnderstanding(cities);
        _highlighter = new Highlighter(analysis.Fold);
    }

    public async Task<PostingSearchResult> SearchAsync(PostingSearchRequest request, CancellationToken cancellationToken)
    {
        var prepared = Prepare(request);
        var text = prepared.Text;
        var nowSeconds = prepared.Conditions.NowSeconds;

        // Only filters outside the four facet dimensions go into the query; the collector applies the dimension filters so
        // one pass yields both the hits and drill-sideways counts.
        var query = new BooleanQuery { { text.Query ?? new MatchAllDocsQuery(), Occur.MUST } };
        foreach (var filter in prepared.Filters)
        {
            query.Add(filter, Occur.MUST);
        }

        var sortName = request.Sort.ToString().ToLowerInvariant();
        var after = request.Cursor is { } cursor ? ((double Key, long Id)?)(cursor.Key, cursor.Id) : null;
        var skip = request.Cursor is null ? (request.Page - 1) * request.PageSize : 0;
        var size = Math.Min(skip + request.PageSize, MaxDepth);

        var collector = new PostingCollector(_keys, prepared.Conditions, CreateRank(request.Sort, nowSeconds), size, after);
        using (var lease = _index.Index.Acquire())
        {
            lease.Searcher.Search(query, collector);
        }

        var best = collector.Best().Skip(skip).Take(request.PageSize).ToList();
        // The page's postings come from the database by primary key: Lucene.Net's stored fields cost ~0.5 ms a document.
        var rows = await LoadPageAsync(best.Select(c => c.Id).ToArray(), cancellationToken);
        var items = best.Where(c => rows.ContainsKey(c.Id)).Select(c => ToHit(rows[c.Id], c.Key, text.HighlightTerms)).ToList();
        string? next = null;
        if (best.Count == request.PageSize && best.Count > 0 && (request.Cursor is not null || skip + best.Count < collector.TotalHits))
        {
            var last = best[^1];
            next = new SearchCursor(sortName, last.Key, last.Id).Encode();
        }

        var facets = new PostingFacets(
            Counts(collector.CityCounts, i => _cities.FindByCode(_keys.Cities[i])?.Name ?? _keys.Cities[i]),
            Counts(collector.CategoryCounts, i => PostingCategories.All[i]),
            Counts(collector.EducationCounts, i => ((EducationLevel)i).Label()),
            Counts(collector.BandCounts, i => SalaryBands.Labels[i]))
        {
            Type = Counts(collector.TypeCounts, i => ((PostingType)i).Label()),
            Cohort = collector.CohortCounts.OrderByDescending(x => x.Value).ThenBy(x => x.Key)
                .Select(x => new FacetValue($"{x.Key}届", x.Value)).ToList(),
            Benefit = Counts(collector.BenefitCounts, i => BenefitTags.All[i].Name),
            Function = Counts(collector.FunctionCounts, i => Jobs.Core.Taxonomy.JobFunctions.All[i].Name),
            FunctionGroup = collector.FunctionCounts.Select((n, i) => (Group: Jobs.Core.Taxonomy.JobFunctions.All[i].Group.Name, n))
                .GroupBy(x => x.Group).Select(g => new FacetValue(g.Key, g.Sum(x => x.n))).Where(f => f.Count > 0)
                .OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal).ToList(),
        };

        return new PostingSearchResult(collector.TotalHits, request.Cursor is null ? request.Page : 0, request.PageSize, items, facets,
            Report(prepared), next);
    }

    /// <summary>
    /// Everything a request asks for except ranking: the free-text query, the filters outside the facet dimensions (as
    /// zero-scoring query clauses) and the per-document conditions the collectors check. Matching shares it with search so
    /// both take the same filters.
    /// </summary>
    internal PreparedPostingRequest Prepare(PostingSearchRequest request)
    {
        var parsed = UserQuery.Parse(request.Query);
        var understood = _understanding.Understand(parsed.Text);

        // Filters from the text join the explicit ones; an explicit parameter wins where both set the same thing.
        var cities = request.CityCodes.Concat(understood.Cities.Select(c => c.Code)).Distinct(StringComparer.Ordinal).ToList();
        var education = request.Education ?? understood.Education?.Level;
        var experience = request.Experience ?? (understood.FreshGraduateText is not null ? ExperienceLevel.FreshGraduate : null);
        var salaryMin = request.SalaryMin ?? understood.Salary?.Min;
        var salaryMax = request.SalaryMax ?? understood.Salary?.Max;

        var text = _text.Build(understood.RemainingText, parsed.Phrases, parsed.Excluded, _vocabulary.Current);
        var now = _clock.GetUtcNow().UtcDateTime;
        var nowSeconds = PostingDocumentBuilder.ToUnixSeconds(now);
        bool[]? cityMask = null;
        if (cities.Count > 0)
        {
            cityMask = new bool[_keys.Cities.Count];
            foreach (var code in cities)
            {
                if (_keys.CityIndex.TryGetValue(code, out var i))
                {
                    cityMask[i] = true;
                }
            }
        }

        short? categoryIndex = null;
        if (request.Category is { } category)
        {
            // An unknown category matches nothing rather than everything.
            categoryIndex = _keys.CategoryIndex.TryGetValue(category, out var i) ? i : short.MinValue;
        }

        bool[]? functionMask = null;
        if (request.Functions.Count > 0 || request.FunctionGroups.Count > 0)
        {
            // Unknown codes simply allow nothing: a filter never widens to everything.
            var all = Jobs.Core.Taxonomy.JobFunctions.All;
            functionMask = new bool[all.Count];
            for (var i = 0; i < all.Count; i++)
            {
                functionMask[i] = (request.Functions.Count == 0 || request.Functions.Contains(all[i].Code))
                    && (request.FunctionGroups.Count == 0 || request.FunctionGroups.Contains(all[i].Group.Code));
            }
        }

        var conditions = new PostingConditions
        {
            Functions = functionMask,
            NowSeconds = nowSeconds,
            PostedSince = request.PostedWithinDays is { } days ? PostingDocumentBuilder.ToUnixSeconds(now.AddDays(-days)) : null,
            Cities = cityMask,
            Category = categoryIndex,
            MaxEducationRank = education?.Rank(),
            // Overlap of [posting min, posting max] with [salaryMin, salaryMax]; negotiable postings have no range and drop out.
            Salary = salaryMin is not null || salaryMax is not null ? (salaryMin ?? 0, salaryMax ?? int.MaxValue) : null,
            IdAfter = request.IdAfter,
            IdAtMost = request.IdAtMost,
            OnlyIds = request.OnlyIds is { } only ? only.ToHashSet() : null,
            Type = request.Type is { } type ? (int)type : null,
            Cohort = request.Cohort,
            BeginnersOnly = request.Beginners == true,
            BenefitMask = BenefitTags.Mask(request.Benefits),
        };

        var filters = new List<Query>();
        void Filter(Query q) => filters.Add(new ConstantScoreQuery(q) { Boost = 0f });
        if (request.District is { } district)
        {
            Filter(new TermQuery(new Term(F.District, district)));
        }

        if (experience is { } exp)
        {
            var allowed = new BooleanQuery();
            foreach (var level in Enum.GetValues<ExperienceLevel>().Where(l => Accepts(exp, l)))
            {
                allowed.Add(NumericRangeQuery.NewInt32Range(F.Experience, (int)level, (int)level, true, true), Occur.SHOULD);
            }

            Filter(allowed);
        }

        if (request.EmployerId is { } employerId)
        {
            Filter(NumericRangeQuery.NewInt64Range(F.EmployerId, employerId, employerId, true, true));
        }

        return new PreparedPostingRequest(parsed, understood, text, filters, conditions);
    }

    internal QueryReport Report(PreparedPostingRequest prepared) => new(prepared.Understood.RemainingText, prepared.Understood.Cities,
        prepared.Understood.Education, prepared.Understood.FreshGraduateText, prepared.Understood.Salary, prepared.Parsed.Phrases,
        prepared.Parsed.Excluded, prepared.Text.Synonyms, prepared.Parsed.Truncated || prepared.Text.Truncated);

    /// <summary>A posting asking for <paramref name="asked"/> suits someone with <paramref name="held"/> experience.</summary>
    private static bool Accepts(ExperienceLevel held, ExperienceLevel asked) => held == ExperienceLevel.Any || asked.Step() <= held.Step();


    private Func<PostingColumns, int, float, double> CreateRank(PostingSort sort, long nowSeconds)
    {
        switch (sort)
        {
            case PostingSort.Newest:
                return (c, doc, _) => c.Posted[doc];
            case PostingSort.Salary:
                return (c, doc, _) => c.SalaryMax[doc];
            default:
                // BM25 × (1 + freshness + quality): equally matching postings rank newer and more complete ones first.
                var decay = Math.Log(2) / (_options.FreshnessHalfLifeDays * 86400.0);
                var freshnessWeight = _options.FreshnessWeight;
                var qualityWeight = _options.QualityWeight / 100.0;
                return (c, doc, score) =>
                {
                    var age = Math.Max(0, nowSeconds - c.Posted[doc]);
                    return Math.Round(score * (1 + (freshnessWeight * Math.Exp(-decay * age)) + (qualityWeight * c.Quality[doc])), 6);
                };
        }
    }

    private static List<FacetValue> Counts(int[] counts, Func<int, string> label) =>
        counts.Select((count, i) => (count, i)).Where(x => x.count > 0)
            .OrderByDescending(x => x.count).ThenBy(x => x.i)
            .Select(x => new FacetValue(label(x.i), x.count)).ToList();

    internal async Task<Dictionary<long, PageRow>> LoadPageAsync(long[] ids, CancellationToken cancellationToken)
    {
        if (ids.Length == 0)
        {
            return [];
        }

        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
        var rows = await (from p in db.Postings.AsNoTracking()
                          where ids.Contains(p.Id)
                          join e in db.Employers.AsNoTracking() on p.EmployerId equals e.Id
                          select new PageRow(p, e.Name)).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Posting.Id);
    }

    internal PostingHit ToHit(PageRow row, double score, IReadOnlyCollection<string> terms)
    {
        var p = row.Posting;
        return new PostingHit(p.Id, p.Title, row.EmployerName, p.EmployerId, p.CityCode, p.District, p.SalaryMin, p.SalaryMax, p.SalaryMonths,
            p.Education, p.PostedAt, Math.Round(score, 4), _highlighter.Highlight(p.Title, terms), _highlighter.Snippet(p.Description, terms))
        {
            Type = p.Type,
            Cohort = p.Cohort,
            AcceptsBeginners = p.AcceptsBeginners,
            Benefits = p.Benefits.Select(b => BenefitTags.NameOf(b.Tag)).ToList(),
            SalaryText = SalaryDisplay.Format(p),
            FunctionCode = p.FunctionCode,
        };
    }
}

internal sealed record PageRow(Jobs.Core.Postings.Posting Posting, string EmployerName);

internal sealed record PreparedPostingRequest(
    UserQuery Parsed, Understanding Understood, TextQuery Text, IReadOnlyList<Query> Filters, PostingConditions Conditions);
