using Microsoft.Extensions.Logging;

namespace Jobs.Search.Vocabulary;

/// <summary>
/// Holds the current vocabulary and reloads it when the file changes, so editing synonyms needs no code change or restart.
/// A file with bad lines still loads; the bad lines are logged with their numbers.
/// </summary>
public sealed class VocabularyProvider : IDisposable
{
    public const string FileName = "vocabulary.txt";

    private readonly Func<string, string> _fold;
    private readonly ILogger<VocabularyProvider> _logger;
    private readonly FileSystemWatcher? _watcher;
    private readonly Timer _debounce;
    private volatile Vocabulary _current = Vocabulary.Empty;

    public VocabularyProvider(string path, Func<string, string> fold, ILogger<VocabularyProvider> logger)
    {
        Path = path;
        _fold = fold;
        _logger = logger;
        _debounce = new Timer(_ => Reload(), null, Timeout.Infinite, Timeout.Infinite);
        Reload();
        var directory = System.IO.Path.GetDirectoryName(path);
        if (directory is not null && System.IO.Directory.Exists(directory))
        {
            _watcher = new FileSystemWatcher(directory, System.IO.Path.GetFileName(path))
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName,
            };
            // Editors write in several steps; wait for the file to settle before reading it.
            _watcher.Changed += (_, _) => _debounce.Change(300, Timeout.Infinite);
            _watcher.Created += (_, _) => _debounce.Change(300, Timeout.Infinite);
            _watcher.Renamed += (_, _) => _debounce.Change(300, Timeout.Infinite);
            _watcher.EnableRaisingEvents = true;
        }
    }

    public string Path { get; }

    public Vocabulary Current => _current;

    public Vocabulary Reload()
    {
        try
        {
            var vocabulary = File.Exists(Path) ? Vocabulary.Parse(File.ReadAllLines(Path), _fold) : Vocabulary.Empty;
            foreach (var problem in vocabulary.Problems)
            {
                _logger.LogWarning("Vocabulary {Path}: {Problem}", Path, problem);
            }

            _current = vocabulary;
            _logger.LogInformation("Loaded vocabulary {Path}: {Groups} groups, {Terms} terms", Path, vocabulary.GroupCount, vocabulary.TermCount);
        }
        catch (IOException e)
        {
            // Keep serving the previous vocabulary; the next change event tries again.
            _logger.LogWarning(e, "Could not read vocabulary {Path}; keeping the previous one", Path);
        }

        return _current;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce.Dispose();
    }
}
