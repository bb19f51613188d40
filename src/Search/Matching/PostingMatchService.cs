using Jobs.Core.Common;
using Jobs.Core.Regions;
using Jobs.Core.Resumes;
using Jobs.Search.Analysis;
using Jobs.Search.Postings;
using Jobs.Search.Vocabulary;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Options;
using F = Jobs.Search.Postings.PostingFields;

namespace Jobs.Search.Matching;

/// <summary>
/// "Jobs that fit me": a résumé's postings, ranked by text fit and soft fit, with each score explained. Closed postings
/// are not in the index, expired ones and those asking for a higher degree are never matches; the request's filters
/// narrow the list but never change a posting's score.
/// </summary>
public sealed class PostingMatchService
{
    public const int MaxDepth = PostingSearchService.MaxDepth;

    private static readonly (string Field, float Boost)[] Fields = [(F.Title, 3f), (F.Skills, 2.5f), (F.CategoryText, 0.8f)];

    private static readonly (string Field, float Boost)[] ProseFields = [(F.Description, 1f)];

    private readonly PostingIndex _index;
    private readonly PostingSearchService _search;
    private readonly VocabularyProvider _vocabulary;
    private readonly ProfileQueryBuilder _queries;
    private readonly MatchScoring _scoring;
    private readonly MatchReasons _reasons;
    private readonly TimeProvider _clock;

    public PostingMatchService(PostingIndex index, PostingSearchService search, ChineseTextAnalysis analysis, VocabularyProvider vocabulary,
        CityDirectory cities, IOptions<MatchingOptions> options, TimeProvider clock)
    {
        _index = index;
        _search = search;
        _vocabulary = vocabulary;
        _clock = clock;
        _queries = new ProfileQueryBuilder(analysis, Fields, ProseFields);
        _scoring = new MatchScoring(options.Value, cities, index.ColumnKeys);
        _reasons = new MatchReasons(analysis, cities);
    }

    public async Task<MatchResult<PostingMatch>> MatchAsync(Resume resume, PostingSearchRequest request, CancellationToken cancellationToken)
    {
        var prepared = _search.Prepare(request);
        var now = _clock.GetUtcNow().UtcDateTime;
        var nowSeconds = prepared.Conditions.NowSeconds;
        // The lease is held to the end: the query is built against this reader's term statistics.
        using var lease = _index.Index.Acquire();
        var profile = _queries.Build(ProfileOf(resume), _vocabulary.Current, _scoring.Options.MaxQueryConcepts, lease.Searcher.IndexReader);

        var query = profile ?? new MatchAllDocsQuery();
        var context = new Context(_scoring, resume, prepared.Conditions, now, nowSeconds);
        var collector = new MatchCollector(ctx => new Segment(PostingColumns.For(ctx.AtomicReader, _index.ColumnKeys), context),
            profile is not null, MatchCollector.Admission(prepared.Text.Query, prepared.Filters));
        var columns = new Dictionary<long, (PostingColumns Columns, int Doc)>();
        lease.Searcher.Search(query, collector);
        var (best, next) = collector.Page(_scoring, request.Page, request.PageSize, request.Cursor, MaxDepth);
        var leaves = lease.Searcher.IndexReader.Leaves;
        foreach (var candidate in best)
        {
            var leaf = leaves[ReaderUtil.SubIndex(candidate.Doc, leaves)];
            columns[candidate.Id] = (PostingColumns.For(leaf.AtomicReader, _index.ColumnKeys), candidate.Doc - leaf.DocBase);
        }

        var rows = await _search.LoadPageAsync(best.Select(b => b.Id).ToArray(), cancellationToken);
        var terms = _reasons.HighlightTerms(resume);
        var items = new List<PostingMatch>(best.Count);
        foreach (var candidate in best)
        {
            if (!rows.TryGetValue(candidate.Id, out var row))
            {
                continue;
            }

            var (cols, doc) = columns[candidate.Id];
            var explanation = Explain(context, cols, doc, candidate, row.Posting, profile is not null);
            items.Add(new PostingMatch(_search.ToHit(row, explanation.Score, terms), row.Posting.Experience, explanation));
        }

        return new MatchResult<PostingMatch>(collector.Count, request.Cursor is null ? request.Page : 0, request.PageSize, items, next);
    }

    /// <summary>What of a résumé is matched against postings, strongest evidence first (the concept limit keeps the first).</summary>
    internal static IEnumerable<ProfileText> ProfileOf(Resume r)
    {
        foreach (var skill in r.Skills)
        {
            yield return new ProfileText(skill, 1f, AsPhrase: true, Prose: true);
        }

        foreach (var title in r.DesiredTitles)
        {
            yield return new ProfileText(title, 1.2f, AsPhrase: true, Prose: true);
        }

        yield return new ProfileText(r.Major, 0.8f, AsPhrase: true);
        yield return new ProfileText(MatchReasons.MajorCore(r.Major), 0.6f, AsPhrase: true, Prose: true);
        foreach (var x in r.Experiences)
        {
            yield return new ProfileText(x.Title, 0.5f, AsPhrase: true);
        }

        if (!string.IsNullOrWhiteSpace(r.SelfIntroduction))
        {
            yield return new ProfileText(r.SelfIntroduction, 0.3f, AsPhrase: false, OnlyDomainWords: true);
        }

        foreach (var x in r.Experiences.Where(x => !string.IsNullOrWhiteSpace(x.Description)))
        {
            yield return new ProfileText(x.Description!, 0.3f, AsPhrase: false, OnlyDomainWords: true);
        }
    }

    private MatchExplanation Explain(Context context, PostingColumns c, int doc, MatchCandidate candidate, Jobs.Core.Postings.Posting posting,
        bool textCounts)
    {
        var s = _scoring;
        var resume = context.Resume;
        var city = c.City[doc];
        var cityFit = city >= 0 ? context.CityFits[city] : 0;
        var educationFit = MatchScoring.EducationFit(resume.Degree, posting.Education);
        var salaryFit = MatchScoring.SalaryFit(context.ExpectedMin, context.ExpectedMax, c.SalaryMin[doc], c.SalaryMax[doc]);
        var experienceFit = MatchScoring.ExperienceFit(context.Held, (ExperienceLevel)c.Experience[doc]);
        var freshness = s.FreshnessFit(context.NowSeconds - c.Posted[doc], resume: false);
        var cohortFit = MatchScoring.CohortFit((Jobs.Core.Postings.PostingType)c.Type[doc], c.Cohort[doc], resume.GraduationYear, context.Now.Year);

        MatchPart Part(MatchPartKind kind, string label, double fit, string? reason) => new(kind, label, s.Weight(kind), Math.Round(fit, 4),
            s.Points(kind, fit), reason);

        var parts = new[]
        {
            Part(MatchPartKind.Text, "技能与职位", candidate.TextFit, textCounts ? _reasons.PostingText(resume, posting) : "简历未填写技能、意向职位或专业"),
            Part(MatchPartKind.City, "城市", cityFit, _reasons.City(context.Preferred, city, s, posting.CityCode)),
            Part(MatchPartKind.Education, "学历", educationFit, MatchReasons.Education(resume.Degree, posting.Education)),
            Part(MatchPartKind.Salary, "薪资", salaryFit, MatchReasons.Salary(context.ExpectedMin, context.ExpectedMax, posting.SalaryMin, posting.SalaryMax)),
            Part(MatchPartKind.Experience, "经验", experienceFit, MatchReasons.Experience(context.Held, posting.Experience, experienceFit)),
            Part(MatchPartKind.Freshness, "发布时间", freshness, MatchReasons.Age("发布于", context.Now - posting.PostedAt)),
            Part(MatchPartKind.Cohort, "校招与届别", cohortFit, MatchScoring.CohortReason(posting.Type, posting.Cohort ?? 0, cohortFit)),
        };
        return MatchReasons.Explanation(parts);
    }

    private sealed class Context
    {
        public Context(MatchScoring scoring, Resume resume, PostingConditions conditions, DateTime now, long nowSeconds)
        {
            Scoring = scoring;
            Resume = resume;
            Conditions = conditions;
            Now = now;
            NowSeconds = nowSeconds;
            Preferred = scoring.CityIndexes(resume.PreferredCities);
            CityFits = scoring.CityFits(Preferred);
            HeldRank = resume.Degree.Rank();
            Held = MatchScoring.HeldExperience(resume.GraduationYear, now);
            ExpectedMin = resume.ExpectedSalaryMin ?? resume.ExpectedSalaryMax ?? -1;
            ExpectedMax = resume.ExpectedSalaryMax ?? resume.ExpectedSalaryMin ?? -1;

            // Every part but salary and freshness depends on one small column value, so its points are looked up.
            CityPoints = CityFits.Select(f => scoring.Points(MatchPartKind.City, f)).ToArray();
            var levels = Enum.GetValues<EducationLevel>();
            EducationPoints = levels.Select(l => scoring.Points(MatchPartKind.Education, MatchScoring.EducationFit(resume.Degree, l))).ToArray();
            EducationAllowed = levels.Select(l => l.Rank() <= HeldRank).ToArray();
            ExperiencePoints = Enum.GetValues<ExperienceLevel>()
                .Select(l => scoring.Points(MatchPartKind.Experience, MatchScoring.ExperienceFit(Held, l))).ToArray();
        }

        public MatchScoring Scoring { get; }

        public Resume Resume { get; }

        public PostingConditions Conditions { get; }

        public DateTime Now { get; }

        public long NowSeconds { get; }

        public short[] Preferred { get; }

        public double[] CityFits { get; }

        public double[] CityPoints { get; }

        public double[] EducationPoints { get; }

        public bool[] EducationAllowed { get; }

        public double[] ExperiencePoints { get; }

        public int HeldRank { get; }

        public ExperienceLevel Held { get; }

        public int ExpectedMin { get; }

        public int ExpectedMax { get; }
    }

    private sealed class Segment(PostingColumns c, Context x) : IMatchSegment
    {
        public bool Eligible(int doc) => c.Expires[doc] > x.NowSeconds && x.EducationAllowed[c.Education[doc]];

        public bool Admitted(int doc) => x.Conditions.Admits(c, doc) && x.Conditions.Failures(c, doc, out _) == 0;

        public long Id(int doc) => c.Id[doc];

        public double OtherPoints(int doc)
        {
            var s = x.Scoring;
            var city = c.City[doc];
            return (city >= 0 ? x.CityPoints[city] : 0)
                + x.EducationPoints[c.Education[doc]]
                + s.Points(MatchPartKind.Salary, MatchScoring.SalaryFit(x.ExpectedMin, x.ExpectedMax, c.SalaryMin[doc], c.SalaryMax[doc]))
                + x.ExperiencePoints[c.Experience[doc]]
                + s.FreshnessPoints(x.NowSeconds - c.Posted[doc], resume: false)
                + s.Points(MatchPartKind.Cohort,
                    MatchScoring.CohortFit((Jobs.Core.Postings.PostingType)c.Type[doc], c.Cohort[doc], x.Resume.GraduationYear, x.Now.Year));
        }
    }
}
