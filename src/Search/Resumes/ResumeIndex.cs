using System.Diagnostics;
using System.Globalization;
using Jobs.Core.Common;
using Jobs.Core.Resumes;
using Jobs.Core.Storage;
using Jobs.Search.Analysis;
using Jobs.Search.Indexing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using R = Jobs.Search.Resumes.ResumeFields;

namespace Jobs.Search.Resumes;

/// <summary>
/// The résumés index, derived from the database. Hidden résumés are not indexed at all; contact data never is.
/// </summary>
public sealed class ResumeIndex : IResumeChangeObserver, IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly SearchOptions _options;
    private readonly ILogger<ResumeIndex> _logger;

    public ResumeIndex(IServiceScopeFactory scopes, ChineseTextAnalysis analysis, Jobs.Core.Regions.CityDirectory cities, DataPaths paths,
        IOptions<SearchOptions> options, TimeProvider clock, ILogger<ResumeIndex> logger)
    {
        _scopes = scopes;
        CityKeys = new Postings.PostingColumnKeys(cities);
        _options = options.Value;
        _logger = logger;
        var path = Path.Combine(paths.DataDirectory, _options.IndexDirectory, "resumes");
        var analyzer = new PerFieldAnalyzerWrapper(analysis.WordAnalyzer, new Dictionary<string, Analyzer>
        {
            [R.AllBigram] = analysis.BigramIndexAnalyzer,
            [R.AllPinyin] = analysis.PinyinIndexAnalyzer,
        });
        Index = new LuceneIndex("resumes", path, analyzer, R.SchemaVersion, _options, clock, logger,
            warmSegment: segment => ResumeColumns.For(segment));
    }

    public LuceneIndex Index { get; }

    /// <summary>City indexes shared with the postings index, so a résumé's preferences compare with a posting's city directly.</summary>
    public Postings.PostingColumnKeys CityKeys { get; }

    public Document Build(Resume r)
    {
        var doc = new Document
        {
            new StringField(R.Id, r.Id.ToString(CultureInfo.InvariantCulture), Field.Store.YES),
            new NumericDocValuesField(R.IdValue, r.Id),
            new TextField(R.Major, r.Major, Field.Store.YES),
            new TextField(R.School, r.School, Field.Store.YES),
            new Int32Field(R.Degree, r.Degree.Rank(), Field.Store.NO),
            new NumericDocValuesField(R.DegreeValue, (long)r.Degree),
            new Int32Field(R.GraduationYear, r.GraduationYear, Field.Store.NO),
            new Int32Field(R.Visibility, (int)r.Visibility, Field.Store.NO),
            new NumericDocValuesField(R.UpdatedAt, new DateTimeOffset(r.UpdatedAt).ToUnixTimeSeconds()),
            new NumericDocValuesField(R.PreferredCitiesPacked, ResumeColumns.PackCities(r.PreferredCities, CityKeys)),
            new NumericDocValuesField(R.ExpectedSalaryMin, r.ExpectedSalaryMin ?? r.ExpectedSalaryMax ?? -1),
            new NumericDocValuesField(R.ExpectedSalaryMax, r.ExpectedSalaryMax ?? r.ExpectedSalaryMin ?? -1),
            new NumericDocValuesField(R.GraduationYearValue, r.GraduationYear),
        };
        if (r.DesiredTitles.Count > 0)
        {
            doc.Add(new TextField(R.DesiredTitles, string.Join(" ; ", r.DesiredTitles), Field.Store.NO));
        }

        if (r.Skills.Count > 0)
        {
            doc.Add(new TextField(R.Skills, string.Join(" ; ", r.Skills), Field.Store.YES));
            foreach (var skill in r.Skills)
            {
                doc.Add(new StringField(R.SkillExact, skill.Trim().ToLowerInvariant(), Field.Store.NO));
            }
        }

        foreach (var city in r.PreferredCities)
        {
            doc.Add(new StringField(R.PreferredCity, city, Field.Store.NO));
        }

        var experience = string.Join("\n", r.Experiences.Select(x => $"{x.Organisation} {x.Title} {x.Description}"));
        if (experience.Length > 0)
        {
            doc.Add(new TextField(R.Experience, experience, Field.Store.YES));
        }

        if (!string.IsNullOrEmpty(r.SelfIntroduction))
        {
            doc.Add(new TextField(R.Introduction, r.SelfIntroduction, Field.Store.YES));
        }

        var all = string.Join("\n", new[] { string.Join(" ", r.Skills), string.Join(" ", r.DesiredTitles), r.Major, r.School, experience, r.SelfIntroduction ?? "" });
        doc.Add(new TextField(R.AllBigram, all, Field.Store.NO));
        doc.Add(new TextField(R.AllPinyin, $"{r.Major} {r.School}", Field.Store.NO));
        return doc;
    }

    public async Task ResumesChangedAsync(IReadOnlyCollection<long> resumeIds, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
        var ids = resumeIds.ToArray();
        var rows = await db.Resumes.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        foreach (var id in ids)
        {
            var key = id.ToString(CultureInfo.InvariantCulture);
            if (rows.TryGetValue(id, out var resume) && resume.Visibility != ResumeVisibility.Hidden)
            {
                Index.Upsert(key, Build(resume));
            }
            else
            {
                Index.Delete(key);
            }
        }
    }

    /// <summary>On start: rebuild a missing, corrupt or older-schema index; otherwise replay changes since the last commit.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (Index.State != IndexState.Current)
        {
            await RebuildAsync(cancellationToken);
            return;
        }

        await Index.ReplayChangesSinceLastCommitAsync(
            async (since, ct) =>
            {
                await using var scope = _scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
                return await db.Resumes.AsNoTracking().Where(r => r.UpdatedAt >= since).Select(r => r.Id).ToListAsync(ct);
            },
            ResumesChangedAsync,
            cancellationToken);
    }

    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
        var total = await db.Resumes.CountAsync(r => r.Visibility != ResumeVisibility.Hidden, cancellationToken);
        _logger.LogInformation("Rebuilding search index resumes from the database: {Total} résumés", total);
        using var paused = Index.PauseRefresh();
        Index.BeginRebuild();
        var done = 0;
        var lastId = 0L;
        while (true)
        {
            var batch = await db.Resumes.AsNoTracking().Where(r => r.Id > lastId)
                .OrderBy(r => r.Id).Take(_options.RebuildBatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            lastId = batch[^1].Id;
            var visible = batch.Where(r => r.Visibility != ResumeVisibility.Hidden).ToList();
            Parallel.ForEach(visible, new ParallelOptions { CancellationToken = cancellationToken }, r => Index.Add(Build(r)));
            done += visible.Count;
            _logger.LogInformation("Rebuilding search index resumes: {Done}/{Total}", done, total);
        }

        Index.CompleteRebuild();
        Index.Refresh();
        _logger.LogInformation("Rebuilt search index resumes: {Count} in {Seconds:F1} s", done, watch.Elapsed.TotalSeconds);
        return done;
    }

    public void Dispose() => Index.Dispose();
}
