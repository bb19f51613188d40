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
using Lucene.Net.Util;
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
    private readonly ChineseTextAnalysis _analysis;
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
        _analysis = analysis;
        _keys = index.ColumnKeys;
        _index = index;
        _cities = cities;
        _vocabulary = vocabulary;
        _options = options.Value;
        _clock = clock;
        _text = new TextQueryBuilder(analysis, Fields, ignoreIntentWords: true) { PinyinWords = word => lexicon.Current.Pinyin.Expand(word) };
        _understanding = new QueryUnderstanding(cities);
        _highlighter = new Highlighter(analysis.Fold);
    }

    public async Task<PostingSearchResult> SearchAsync(PostingSearchRequest request, CancellationToken cancellationToken)
    {
        var phase = SearchPhaseProfile.Start();
        var prepared = Prepare(request);
        phase = SearchPhaseProfile.Stop(SearchPhase.Prepare, phase);
        var text = prepared.Text;
        var nowSeconds = prepared.Conditions.NowSeconds;

        // Only filters outside the four facet dimensions go into the query; the collector applies the dimension filters so
        // one pass yields both the hits and drill-sideways counts.
        Query Filtered(Query? textQuery)
        {
            var query = new BooleanQuery { { textQuery ?? new MatchAllDocsQuery(), Occur.MUST } };
            foreach (var filter in prepared.Filters)
            {
                query.Add(filter, Occur.MUST);
            }

            return query;
        }

        var sortName = request.Sort.ToString().ToLowerInvariant();
        var after = request.Cursor is { } cursor ? ((double Key, long Id)?)(cursor.Key, cursor.Id) : null;
        var skip = request.Cursor is null ? (request.Page - 1) * request.PageSize : 0;
        // Diversity arranges a fixed window, so every page of one search slices the same order; cursors page the plain ranking.
        var diversify = request.Diversify && request.Cursor is null && request.Sort == PostingSort.Relevance && request.PageSize > 0;
        var size = diversify ? MaxDepth : Math.Min(skip + request.PageSize, MaxDepth);

        PostingCollector collector;
        List<ArrangedCandidate> arranged;
        IReadOnlyList<RankingCollector.Candidate> ranked;
        var folded = 0;
        RelaxedSearch? relaxed = null;
        IReadOnlyCollection<string> highlight = text.HighlightTerms;
        IReadOnlyList<FixedBitSet>? tiers = null;
        using (var lease = _index.Index.Acquire())
        {
            var searcher = lease.Searcher;
            PostingCollector Collect(Ladder? ladder)
            {
                var c = new PostingCollector(_keys, prepared.Conditions, CreateRank(request.Sort, nowSeconds, prepared.BenefitBoostMask), size, after)
                {
                    Offset = ladder is null ? null : doc => TierOffset(ladder.Tiers, doc),
                    ScoreBound = RankBound(request.Sort, prepared.BenefitBoostMask),
                };
                PostingPass.Run(searcher, Filtered(ladder?.Query ?? text.Query), c, request.Sort == PostingSort.Relevance);
                return c;
            }

            // The search as typed comes first: only when it finds too few does the ladder count and search again, so the
            // common query costs one pass rather than a count and a search.
            collector = Collect(null);
            phase = SearchPhaseProfile.Stop(SearchPhase.Collect, phase);
            var ladder = request.Relax && collector.TotalHits < _options.RelaxBelowHits ? Relax(searcher, prepared, Filtered) : null;
            if (ladder is not null)
            {
                tiers = ladder.Tiers;
                relaxed = ladder.Report;
                highlight = [.. text.HighlightTerms, .. text.RelaxedHighlightTerms, .. ladder.Report.Kept];
                collector = Collect(ladder);
            }

            phase = SearchPhaseProfile.Stop(SearchPhase.Relax, phase);
            ranked = collector.Best();
            if (diversify)
            {
                var leaves = searcher.IndexReader.Leaves;
                arranged = PostingDiversity.Arrange(ranked, c =>
                {
                    var leaf = leaves[ReaderUtil.SubIndex(c.Doc, leaves)];
                    var columns = PostingColumns.For(leaf.AtomicReader, _keys);
                    var local = c.Doc - leaf.DocBase;
                    return new DiversityFacts(columns.EmployerId[local], columns.City[local], columns.TitleKey[local],
                        tiers is null ? 0 : (int)(TierOffset(tiers, c.Doc) / TierSpan));
                }, request.PageSize, _options.PostingsPerEmployer, out folded);
            }
            else
            {
                arranged = ranked.Select(c => new ArrangedCandidate(c, 0)).ToList();
            }

            phase = SearchPhaseProfile.Stop(SearchPhase.Diversity, phase);
        }

        var page = arranged.Skip(skip).Take(request.PageSize).ToList();
        // The page's postings come from the database by primary key: Lucene.Net's stored fields cost ~0.5 ms a document.
        var rows = await LoadPageAsync(page.Select(c => c.Candidate.Id).ToArray(), cancellationToken);
        phase = SearchPhaseProfile.Stop(SearchPhase.Hydrate, phase);
        var items = page.Where(c => rows.ContainsKey(c.Candidate.Id))
            .Select(c => ToHit(rows[c.Candidate.Id], DisplayScore(c.Candidate, tiers, prepared.BenefitBoostMask != 0 && request.Sort == PostingSort.Relevance), highlight) with { SimilarCount = c.Similar }).ToList();
        phase = SearchPhaseProfile.Stop(SearchPhase.Highlight, phase);
        string? next = null;
        if (diversify)
        {
            // Pages are numbered within the arranged window; past its end the plain ranking continues after its last posting.
            if (page.Count > 0 && skip + page.Count >= arranged.Count && collector.TotalHits > ranked.Count)
            {
                next = new SearchCursor(sortName, ranked[^1].Key, ranked[^1].Id).Encode();
            }
        }
        else if (page.Count == request.PageSize && page.Count > 0 && (request.Cursor is not null || skip + page.Count < collector.TotalHits))
        {
            var last = page[^1].Candidate;
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

        SearchPhaseProfile.Stop(SearchPhase.Facets, phase);
        var understood = prepared.Understood;
        if (collector.TotalHits == 0 && !request.ConditionsAsWords && request.Cursor is null
            && (understood.Type is not null || understood.District is not null || understood.Experience is not null))
        {
            // A filter read from the words must not dead-end a search that the same words as text would answer.
            return await SearchAsync(request with { ConditionsAsWords = true }, cancellationToken);
        }

        // Folded postings are counted once, as the results a reader can page through (exact within the arranged window).
        return new PostingSearchResult(collector.TotalHits - folded, request.Cursor is null ? request.Page : 0, request.PageSize, items, facets,
            Report(prepared), next)
        {
            Relaxed = relaxed,
        };
    }

    /// <summary>Rank keys of one relaxation tier differ by this much, far more than any score, date or salary key.</summary>
    private const double TierSpan = 1e10;

    /// <summary>Holding every benefit the words name adds this much to a relevance key: more than any score, less than a tier.</summary>
    private const double BenefitSpan = 1e6;

    /// <summary>The key without its tier and benefit steps: the score a reader can compare within one list.</summary>
    private static double DisplayScore(RankingCollector.Candidate c, IReadOnlyList<FixedBitSet>? tiers, bool benefitSteps)
    {
        var key = c.Key - (tiers is null ? 0 : TierOffset(tiers, c.Doc));
        return benefitSteps ? key % BenefitSpan : key;
    }

    private static double TierOffset(IReadOnlyList<FixedBitSet> tiers, int doc)
    {
        for (var i = 0; i < tiers.Count; i++)
        {
            if (tiers[i].Get(doc))
            {
                return (tiers.Count - 1 - i) * TierSpan;
            }
        }

        return 0;
    }

    private sealed record Ladder(Query Query, IReadOnlyList<FixedBitSet> Tiers, RelaxedSearch Report);

    /// <summary>
    /// For a search whose words as typed matched fewer than <see cref="SearchOptions.RelaxBelowHits"/> shown postings, walks
    /// <see cref="RelaxationLadder"/> until enough do; each level that adds postings becomes a tier ranked below the ones
    /// before it. Null when the query cannot relax.
    /// </summary>
    private Ladder? Relax(IndexSearcher searcher, PreparedPostingRequest prepared, Func<Query?, Query> filtered)
    {
        var text = prepared.Text;
        var enough = _options.RelaxBelowHits;
        if (enough == 0 || text.Query is null || text.Concepts.Count == 0)
        {
            return null;
        }

        var maxDoc = searcher.IndexReader.MaxDoc;
        MatchSetCollector Match(Query q)
        {
            var set = new MatchSetCollector(_keys, prepared.Conditions, maxDoc);
            searcher.Search(filtered(q), set);
            return set;
        }

        // Called only when the search as typed found too few; its matches are the first tier.
        var strict = Match(text.Query);
        var union = (FixedBitSet)strict.Documents.Clone();
        var tiers = new List<FixedBitSet> { strict.Documents };
        var queries = new List<Query> { text.Query };
        RelaxationRung? deepest = null;
        foreach (var rung in RelaxationLadder.Rungs(text, _text, q => Match(q).Count))
        {
            var found = Match(rung.Query).Documents;
            found.AndNot(union);
            if (found.Cardinality == 0)
            {
                continue;
            }

            union.Or(found);
            tiers.Add(found);
            queries.Add(rung.Query);
            deepest = rung;
            if (union.Cardinality >= enough)
            {
                break;
            }
        }

        if (deepest is null)
        {
            return null;
        }

        var any = new BooleanQuery();
        foreach (var q in queries)
        {
            any.Add(q, Occur.SHOULD);
        }

        // The words as typed (会计 飞行员) read better than their segments (会计, 飞行, 员) when the reader separated them.
        var typed = prepared.Understood.RemainingText.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !IntentWords.IsIntent(w)).Distinct(StringComparer.Ordinal).ToList();
        var words = typed.Count > 1 ? typed : [.. text.Concepts.Select(c => c.Word)];
        return new Ladder(any, tiers, new RelaxedSearch(deepest.Level, words, deepest.Kept, deepest.Dropped, strict.Count));
    }

    /// <summary>
    /// Everything a request asks for except ranking: the free-text query, the filters outside the facet dimensions (as
    /// zero-scoring query clauses) and the per-document conditions the collectors check. Matching shares it with search so
    /// both take the same filters.
    /// </summary>
    internal PreparedPostingRequest Prepare(PostingSearchRequest request)
    {
        var parsed = UserQuery.Parse(request.Query);
        // Understanding reads mainland wording, so 週休二日, 兼差 and 免經驗 are read like 双休, 兼职 and 无经验.
        var understood = _understanding.Understand(_analysis.FoldQuery(parsed.Text), conditions: true);
        if (request.ConditionsAsWords)
        {
            var words = new[] { understood.Type?.Text, understood.District?.Text, understood.Experience?.Text }.OfType<string>();
            understood = understood with
            {
                RemainingText = string.Join(' ', words.Prepend(understood.RemainingText)).Trim(),
                Type = null,
                District = null,
                Experience = null,
            };
        }

        // Filters from the text join the explicit ones; an explicit parameter wins where both set the same thing.
        var cities = request.CityCodes.Concat(understood.Cities.Select(c => c.Code)).Distinct(StringComparer.Ordinal).ToList();
        var education = request.Education ?? understood.Education?.Level;
        var experience = request.Experience ?? understood.Experience?.Level
            ?? (understood.FreshGraduateText is not null ? ExperienceLevel.FreshGraduate : null);
        var district = request.District ?? understood.District?.Name;
        var type = request.Type ?? understood.Type?.Type;
        // Benefits from the words raise the postings that have them; an explicit benefit parameter filters instead.
        var boostMask = BenefitTags.Mask(understood.Benefits.Select(b => b.Code)) & ~BenefitTags.Mask(request.Benefits);
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
            Type = type is { } t ? (int)t : null,
            Cohort = request.Cohort,
            BeginnersOnly = request.Beginners == true,
            BenefitMask = BenefitTags.Mask(request.Benefits),
        };

        var filters = new List<Query>();
        void Filter(Query q) => filters.Add(new ConstantScoreQuery(q) { Boost = 0f });
        if (district is not null)
        {
            Filter(new TermQuery(new Term(F.District, district)));
        }

        if (experience is { } exp)
        {
            var allowed = new BooleanQuery();
            foreach (var level in Enum.GetValues<ExperienceLevel>().Where(l => Accepts(exp, l)))
            {
                allowed.Add(NumericRangeQuery.NewInt32Range(F.Experience, F.ExactStep, (int)level, (int)level, true, true), Occur.SHOULD);
            }

            Filter(allowed);
        }

        if (request.EmployerId is { } employerId)
        {
            Filter(NumericRangeQuery.NewInt64Range(F.EmployerId, F.ExactStep, employerId, employerId, true, true));
        }

        return new PreparedPostingRequest(parsed, understood, text, filters, conditions) { BenefitBoostMask = boostMask };
    }

    internal QueryReport Report(PreparedPostingRequest prepared) => new(prepared.Understood.RemainingText, prepared.Understood.Cities,
        prepared.Understood.Education, prepared.Understood.FreshGraduateText, prepared.Understood.Salary, prepared.Parsed.Phrases,
        prepared.Parsed.Excluded, prepared.Text.Synonyms, prepared.Parsed.Truncated || prepared.Text.Truncated)
    {
        Benefits = prepared.Understood.Benefits,
        Experience = prepared.Understood.Experience,
        Type = prepared.Understood.Type,
        District = prepared.Understood.District,
        Ignored = [.. prepared.Text.Ignored, .. prepared.Understood.Ignored],
    };

    /// <summary>A posting asking for <paramref name="asked"/> suits someone with <paramref name="held"/> experience.</summary>
    private static bool Accepts(ExperienceLevel held, ExperienceLevel asked) => held == ExperienceLevel.Any || asked.Step() <= held.Step();


    /// <summary>
    /// The largest factor <see cref="CreateRank"/>'s relevance key puts on a score (freshness at most 1, quality at most 100);
    /// null where the key is not a multiple of the score (other sorts, benefits named in the words).
    /// </summary>
    private double? RankBound(PostingSort sort, long benefitMask) => sort == PostingSort.Relevance && benefitMask == 0
        ? 1 + Math.Max(0, _options.FreshnessWeight) + Math.Max(0, _options.QualityWeight)
        : null;

    private Func<PostingColumns, int, float, double> CreateRank(PostingSort sort, long nowSeconds, long benefitMask)
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
                var wanted = System.Numerics.BitOperations.PopCount((ulong)benefitMask);
                return (c, doc, score) =>
                {
                    var age = Math.Max(0, nowSeconds - c.Posted[doc]);
                    // Benefits named in the words order the matches by how many of them a posting has, before the score: the
                    // words decide what matches, the benefits what comes first among it (数据分析 双休).
                    var benefits = wanted == 0 ? 0 : BenefitSpan * System.Numerics.BitOperations.PopCount((ulong)(c.Benefits[doc] & benefitMask)) / wanted;
                    return benefits + Math.Round(score * (1 + (freshnessWeight * Math.Exp(-decay * age)) + (qualityWeight * c.Quality[doc])), 6);
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

        var database = Database();
        if (database.IsPostgres)
        {
            // The direct reader speaks SQLite only; PostgreSQL reads the page through EF in one joined query.
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
            var rows = await (from p in db.Postings.AsNoTracking()
                              where ids.Contains(p.Id)
                              join e in db.Employers.AsNoTracking() on p.EmployerId equals e.Id
                              select new PageRow(p, e.Name)).ToListAsync(cancellationToken);
            return rows.ToDictionary(r => r.Posting.Id);
        }

        return await Hydration.PostingPageReader.ReadAsync(database.ConnectionString, ids, cancellationToken);
    }

    private PageDatabase? _database;

    private sealed record PageDatabase(bool IsPostgres, string ConnectionString);

    /// <summary>Which database the pages are read from, looked up once rather than per search (see the reader).</summary>
    private PageDatabase Database()
    {
        if (_database is null)
        {
            using var scope = _scopes.CreateScope();
            var target = scope.ServiceProvider.GetRequiredService<DatabaseTarget>();
            var connection = scope.ServiceProvider.GetRequiredService<JobsDbContext>().Database.GetConnectionString()
                ?? throw new InvalidOperationException("The database context has no connection string.");
            _database = new PageDatabase(target.IsPostgres, connection);
        }

        return _database;
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
    UserQuery Parsed, Understanding Understood, TextQuery Text, IReadOnlyList<Query> Filters, PostingConditions Conditions)
{
    /// <summary>Benefit bits the words asked for, which raise rather than filter.</summary>
    public long BenefitBoostMask { get; init; }
}
