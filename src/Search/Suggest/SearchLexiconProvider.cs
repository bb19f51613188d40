using System.Diagnostics;
using Jobs.Core.Postings;
using Jobs.Core.Regions;
using Jobs.Core.Storage;
using Jobs.Search.Analysis;
using Jobs.Search.Postings;
using Jobs.Search.Vocabulary;
using Lucene.Net.Index;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Jobs.Search.Suggest;

/// <summary>
/// Holds the current <see cref="SearchLexicon"/> and rebuilds it from the database in the background: every
/// <see cref="SuggestOptions.RefreshSeconds"/> it checks whether the postings index has changed (a reader version, no
/// I/O) or the vocabulary was reloaded, and only then reads the open postings' titles, skills, functions, employers and
/// cities again. Until the first build finishes, the dictionary and vocabulary already serve pinyin expansion.
/// </summary>
public sealed class SearchLexiconProvider : IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly ChineseTextAnalysis _analysis;
    private readonly VocabularyProvider _vocabulary;
    private readonly CityDirectory _cities;
    private readonly PostingIndex _index;
    private readonly TimeProvider _clock;
    private readonly ILogger<SearchLexiconProvider> _logger;
    private readonly IReadOnlyList<string> _dictionaryWords;
    private readonly SemaphoreSlim _building = new(1, 1);
    private readonly Timer _timer;
    private volatile SearchLexicon _current;
    private long _builtFromVersion = -1;
    private volatile bool _disposed;
    private Vocabulary.Vocabulary? _builtFromVocabulary;

    public SearchLexiconProvider(IServiceScopeFactory scopes, ChineseTextAnalysis analysis, VocabularyProvider vocabulary, CityDirectory cities,
        PostingIndex index, IOptions<SuggestOptions> options, TimeProvider clock, ILogger<SearchLexiconProvider> logger, string dictionaryPath)
    {
        _scopes = scopes;
        _analysis = analysis;
        _vocabulary = vocabulary;
        _cities = cities;
        _index = index;
        _clock = clock;
        _logger = logger;
        _dictionaryWords = File.Exists(dictionaryPath)
            ? AnalysisDataFile.ReadEntries(dictionaryPath).Select(e => e.Text).Where(t => !t.StartsWith('-')).ToList()
            : [];
        _current = SearchLexicon.Build(LexiconCounts.None, KnownWords(vocabulary.Current), analysis, clock.GetUtcNow().UtcDateTime);
        var every = TimeSpan.FromSeconds(options.Value.RefreshSeconds);
        _timer = new Timer(_ => _ = RefreshIfChangedAsync(), null, TimeSpan.FromSeconds(1), every);
    }

    public SearchLexicon Current => _current;

    /// <summary>Rebuilds now from the database, whatever changed; concurrent calls share one build.</summary>
    public async Task<SearchLexicon> RefreshAsync(CancellationToken cancellationToken)
    {
        await _building.WaitAsync(cancellationToken);
        try
        {
            await BuildAsync(ReaderVersion(), cancellationToken);
            return _current;
        }
        finally
        {
            _building.Release();
        }
    }

    private async Task RefreshIfChangedAsync()
    {
        // A tick already queued when the host stops must not touch the disposed semaphore.
        if (_disposed || !await _building.WaitAsync(0))
        {
            return;
        }

        try
        {
            var version = ReaderVersion();
            if (version != _builtFromVersion || !ReferenceEquals(_vocabulary.Current, _builtFromVocabulary))
            {
                await BuildAsync(version, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The previous lexicon keeps serving; the next tick tries again.
            _logger.LogWarning(e, "Rebuilding the suggestion lexicon failed");
        }
        finally
        {
            _building.Release();
        }
    }

    private async Task BuildAsync(long version, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var vocabulary = _vocabulary.Current;
        var counts = await CountAsync(cancellationToken);
        _current = SearchLexicon.Build(counts, KnownWords(vocabulary), _analysis, _clock.GetUtcNow().UtcDateTime);
        _builtFromVersion = version;
        _builtFromVocabulary = vocabulary;
        _logger.LogInformation("Suggestion lexicon rebuilt: {Entries} entries, {Keys} keys, {Readings} pinyin readings in {Ms} ms",
            _current.Suggestions.EntryCount, _current.Suggestions.KeyCount, _current.Pinyin.ReadingCount, watch.ElapsedMilliseconds);
    }

    private long ReaderVersion()
    {
        using var lease = _index.Index.Acquire();
        return lease.Searcher.IndexReader is DirectoryReader reader ? reader.Version : -1;
    }

    /// <summary>One streamed pass over the open postings; only the few columns counted are read.</summary>
    private async Task<LexiconCounts> CountAsync(CancellationToken cancellationToken)
    {
        var titles = new Dictionary<string, int>(StringComparer.Ordinal);
        var skills = new Dictionary<string, int>(StringComparer.Ordinal);
        var functions = new Dictionary<string, int>(StringComparer.Ordinal);
        var employerCounts = new Dictionary<long, int>();
        var cityCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var now = _clock.GetUtcNow().UtcDateTime;
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
        var open = db.Postings.AsNoTracking()
            .Where(p => p.Status == PostingStatus.Open && p.Holds == PostingHolds.None && (p.ExpiresAt == null || p.ExpiresAt > now))
            .Select(p => new { p.Title, p.Skills, p.FunctionCode, p.EmployerId, p.CityCode });
        await foreach (var p in open.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            Increment(titles, p.Title);
            foreach (var skill in p.Skills.Distinct(StringComparer.Ordinal))
            {
                Increment(skills, skill);
            }

            // 普工/操作工 is two names people type separately.
            if (Jobs.Core.Taxonomy.JobFunctions.ByCode(p.FunctionCode) is { } function)
            {
                foreach (var name in function.Name.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    Increment(functions, name);
                }
            }

            employerCounts[p.EmployerId] = employerCounts.GetValueOrDefault(p.EmployerId) + 1;
            cityCounts[p.CityCode] = cityCounts.GetValueOrDefault(p.CityCode) + 1;
        }

        var names = await db.Employers.AsNoTracking().Select(e => new { e.Id, e.Name }).ToListAsync(cancellationToken);
        var employers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in names.Where(e => employerCounts.ContainsKey(e.Id)))
        {
            employers[e.Name] = employers.GetValueOrDefault(e.Name) + employerCounts[e.Id];
        }

        var cities = cityCounts.Select(c => (Name: _cities.FindByCode(c.Key)?.Name, Count: c.Value)).Where(c => c.Name is not null)
            .ToDictionary(c => c.Name!, c => c.Count, StringComparer.Ordinal);
        return new LexiconCounts(titles, skills, functions, employers, cities);

        static void Increment(Dictionary<string, int> counts, string text)
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                counts[text] = counts.GetValueOrDefault(text) + 1;
            }
        }
    }

    private IEnumerable<string> KnownWords(Vocabulary.Vocabulary vocabulary) =>
        _dictionaryWords.Concat(vocabulary.Words).Concat(_cities.Cities.Select(c => c.Name));

    public void Dispose()
    {
        _disposed = true;
        _timer.Dispose();
        _building.Dispose();
    }
}
