using Jobs.Core.Common;
using Jobs.Core.Postings;
using Jobs.Core.Regions;
using Jobs.Core.Resumes;
using Jobs.Core.Storage;
using Jobs.Search.Analysis;
using Jobs.Search.Resumes;
using Jobs.Search.Vocabulary;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using R = Jobs.Search.Resumes.ResumeFields;

namespace Jobs.Search.Matching;

/// <summary>
/// "Graduates who fit this posting": résumés ranked by the same parts as <see cref="PostingMatchService"/>, seen from the
/// posting. Hidden résumés are never indexed; a degree below the requirement never matches. Returns ids and explanations
/// only: the caller reads the résumés through the one masking rule.
/// </summary>
public sealed class CandidateMatchService
{
    public const int MaxDepth = ResumeSearchService.MaxDepth;

    private static readonly (string Field, float Boost)[] Fields = [(R.Skills, 3f), (R.DesiredTitles, 2.5f), (R.Major, 2f)];

    private static readonly (string Field, float Boost)[] ProseFields = [(R.Experience, 1.2f), (R.Introduction, 0.8f)];

    private readonly ResumeIndex _index;
    private readonly ResumeSearchService _search;
    private readonly VocabularyProvider _vocabulary;
    private readonly ProfileQueryBuilder _queries;
    private readonly MatchScoring _scoring;
    private readonly MatchReasons _reasons;
    private readonly TimeProvider _clock;
    private readonly IServiceScopeFactory _scopes;

    public CandidateMatchService(ResumeIndex index, ResumeSearchService search, ChineseTextAnalysis analysis, VocabularyProvider vocabulary,
        CityDirectory cities, IOptions<MatchingOptions> options, TimeProvider clock, IServiceScopeFactory scopes)
    {
        _index = index;
        _search = search;
        _vocabulary = vocabulary;
        _clock = clock;
        _scopes = scopes;
        _queries = new ProfileQueryBuilder(analysis, Fields, ProseFields);
        _scoring = new MatchScoring(options.Value, cities, index.CityKeys);
        _reasons = new MatchReasons(analysis, cities);
    }

    public async Task<MatchResult<CandidateMatch>> MatchAsync(Posting posting, ResumeSearchRequest request, CancellationToken cancellationToken)
    {
        var prepared = _search.Prepare(request);
        var now = _clock.GetUtcNow().UtcDateTime;
        // The lease is held to the end: the query is built against this reader's term statistics.
        using var lease = _index.Index.Acquire();
        var profile = _queries.Build(ProfileOf(posting), _vocabulary.Current, _scoring.Options.MaxQueryConcepts, lease.Searcher.IndexReader);
        var query = profile ?? new MatchAllDocsQuery();
        var context = new Context(_scoring, posting, now);
        var collector = new MatchCollector(ctx => new Segment(ResumeColumns.For(ctx.AtomicReader), context), profile is not null,
            MatchCollector.Admission(prepared.Text.Query, prepared.Filters));
        var columns = new Dictionary<long, (ResumeColumns Columns, int Doc)>();
        lease.Searcher.Search(query, collector);
        var (best, next) = collector.Page(_scoring, request.Page, request.PageSize, request.Cursor, MaxDepth);
        var leaves = lease.Searcher.IndexReader.Leaves;
        foreach (var candidate in best)
        {
            var leaf = leaves[ReaderUtil.SubIndex(candidate.Doc, leaves)];
            columns[candidate.Id] = (ResumeColumns.For(leaf.AtomicReader), candidate.Doc - leaf.DocBase);
        }

        var resumes = await LoadAsync(best.Select(b => b.Id).ToArray(), cancellationToken);
        var items = new List<CandidateMatch>(best.Count);
        foreach (var candidate in best)
        {
            if (resumes.TryGetValue(candidate.Id, out var resume))
            {
                var (cols, doc) = columns[candidate.Id];
                items.Add(new CandidateMatch(candidate.Id, Explain(context, cols, doc, candidate, resume, profile is not null)));
            }
        }

        return new MatchResult<CandidateMatch>(collector.Count, request.Cursor is null ? request.Page : 0, request.PageSize, items, next);
    }

    internal static IEnumerable<ProfileText> ProfileOf(Posting p)
    {
        foreach (var skill in p.Skills)
        {
            yield return new ProfileText(skill, 1f, AsPhrase: true, Prose: true);
        }

        yield return new ProfileText(p.Title, 1.2f, AsPhrase: true, Prose: true);
        if (p.Skills.Count == 0)
        {
            // Adverts without skills (普工, 叉车司机) say what they want in the title's words.
            yield return new ProfileText(p.Title, 0.5f, AsPhrase: false);
        }

        if (p.Category is { } category)
        {
            yield return new ProfileText(category.Replace('/', ' '), 0.3f, AsPhrase: false);
        }

        yield return new ProfileText(p.Description, 0.3f, AsPhrase: false, OnlyDomainWords: true);
    }

    private async Task<Dictionary<long, Resume>> LoadAsync(long[] ids, CancellationToken cancellationToken)
    {
        if (ids.Length == 0)
        {
            return [];
        }

        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
        return await db.Resumes.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
    }

    private MatchExplanation Explain(Context x, ResumeColumns c, int doc, MatchCandidate candidate, Resume resume, bool textCounts)
    {
        var s = _scoring;
        Span<short> preferred = stackalloc short[ResumeColumns.MaxPackedCities];
        var n = ResumeColumns.UnpackCities(c.PreferredCities[doc], preferred);
        var held = MatchScoring.HeldExperience(c.GraduationYear[doc], x.Now);
        var degree = (EducationLevel)c.Degree[doc];
        var cityFit = s.CityFit(preferred[..n], x.City);
        var educationFit = MatchScoring.EducationFit(degree, x.Posting.Education);
        var salaryFit = MatchScoring.SalaryFit(c.SalaryMin[doc], c.SalaryMax[doc], x.PayMin, x.PayMax);
        var experienceFit = MatchScoring.ExperienceFit(held, x.Posting.Experience);
        var freshness = s.FreshnessFit(x.NowSeconds - c.Updated[doc], resume: true);
        var cohortFit = MatchScoring.CohortFit(x.Posting.Type, x.Posting.Cohort ?? 0, c.GraduationYear[doc], x.Now.Year);

        MatchPart Part(MatchPartKind kind, string label, double fit, string? reason) => new(kind, label, s.Weight(kind), Math.Round(fit, 4),
            s.Points(kind, fit), reason);

        var parts = new[]
        {
            Part(MatchPartKind.Text, "技能与职位", candidate.TextFit, textCounts ? _reasons.CandidateText(x.Posting, resume) : "职位未填写技能与名称"),
            Part(MatchPartKind.City, "城市", cityFit, _reasons.City(preferred[..n], x.City, s, x.Posting.CityCode)),
            Part(MatchPartKind.Education, "学历", educationFit, MatchReasons.Education(degree, x.Posting.Education)),
            Part(MatchPartKind.Salary, "薪资", salaryFit, MatchReasons.Salary(c.SalaryMin[doc], c.SalaryMax[doc], x.Posting.SalaryMin, x.Posting.SalaryMax)),
            Part(MatchPartKind.Experience, "经验", experienceFit, MatchReasons.Experience(held, x.Posting.Experience, experienceFit)),
            Part(MatchPartKind.Freshness, "简历更新", freshness, MatchReasons.Age("简历更新于", x.Now - resume.UpdatedAt)),
            Part(MatchPartKind.Cohort, "校招与届别", cohortFit, MatchScoring.CohortReason(x.Posting.Type, x.Posting.Cohort ?? 0, cohortFit)),
        };
        return MatchReasons.Explanation(parts);
    }

    private sealed class Context
    {
        public Context(MatchScoring scoring, Posting posting, DateTime now)
        {
            Scoring = scoring;
            Posting = posting;
            Now = now;
            NowSeconds = new DateTimeOffset(now).ToUnixTimeSeconds();
            City = scoring.Keys.CityIndex.TryGetValue(posting.CityCode, out var city) ? city : (short)-1;
            RequiredRank = posting.Education.Rank();
            PayMin = posting.SalaryMin ?? posting.SalaryMax ?? -1;
            PayMax = posting.SalaryMax ?? posting.SalaryMin ?? -1;
            var levels = Enum.GetValues<EducationLevel>();
            EducationPoints = levels.Select(l => scoring.Points(MatchPartKind.Education, MatchScoring.EducationFit(l, posting.Education))).ToArray();
            DegreeAllowed = levels.Select(l => l.Rank() >= RequiredRank).ToArray();
            // Experience depends only on the graduation year: one lookup per year in range.
            ExperiencePoints = new double[YearSpan];
            for (var i = 0; i < YearSpan; i++)
            {
                var held = MatchScoring.HeldExperience(FirstYear + i, now);
                ExperiencePoints[i] = scoring.Points(MatchPartKind.Experience, MatchScoring.ExperienceFit(held, posting.Experience));
            }
        }

        public const int FirstYear = 1950;
        public const int YearSpan = 200;

        public MatchScoring Scoring { get; }

        public Posting Posting { get; }

        public DateTime Now { get; }

        public long NowSeconds { get; }

        public short City { get; }

        public int RequiredRank { get; }

        public int PayMin { get; }

        public int PayMax { get; }

        public double[] EducationPoints { get; }

        public bool[] DegreeAllowed { get; }

        public double[] ExperiencePoints { get; }
    }

    private sealed class Segment(ResumeColumns c, Context x) : IMatchSegment
    {
        public bool Eligible(int doc) => x.DegreeAllowed[c.Degree[doc]];

        public bool Admitted(int doc) => true;

        public long Id(int doc) => c.Id[doc];

        public double OtherPoints(int doc)
        {
            var s = x.Scoring;
            Span<short> preferred = stackalloc short[ResumeColumns.MaxPackedCities];
            var n = ResumeColumns.UnpackCities(c.PreferredCities[doc], preferred);
            var year = Math.Clamp(c.GraduationYear[doc] - Context.FirstYear, 0, Context.YearSpan - 1);
            return s.Points(MatchPartKind.City, s.CityFit(preferred[..n], x.City))
                + x.EducationPoints[c.Degree[doc]]
                + s.Points(MatchPartKind.Salary, MatchScoring.SalaryFit(c.SalaryMin[doc], c.SalaryMax[doc], x.PayMin, x.PayMax))
                + x.ExperiencePoints[year]
                + s.FreshnessPoints(x.NowSeconds - c.Updated[doc], resume: true)
                + s.Points(MatchPartKind.Cohort, MatchScoring.CohortFit(x.Posting.Type, x.Posting.Cohort ?? 0, c.GraduationYear[doc], x.Now.Year));
        }
    }
}
