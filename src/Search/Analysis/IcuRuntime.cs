using System.Text;
using Icu;

namespace Jobs.Search.Analysis;

/// <summary>
/// The native ICU the analysis leans on: the Chinese word break for what the domain dictionary does not cover, and
/// two transliterators run once at startup to fill lookup tables. ICU objects are not thread-safe, so each thread
/// gets its own break iterator, created once and reused through SetText.
/// </summary>
internal static class IcuRuntime
{
    private static readonly Lazy<bool> Loaded = new(() =>
    {
        try
        {
            // Init once per process before any thread uses ICU.
            Wrapper.Init();
            using var probe = new RuleBasedBreakIterator(BreakIterator.UBreakIteratorType.WORD, new Locale("zh"));
            probe.SetText("中文");
            return true;
        }
        catch (Exception)
        {
            // icu.net reports a missing native library with several exception types (DllNotFoundException,
            // FileLoadException, ...). Analysis still works without ICU, only coarser; the facade reports it.
            return false;
        }
    });

    [ThreadStatic]
    private static RuleBasedBreakIterator? t_wordBreaker;

    [ThreadStatic]
    private static GapCache? t_cache;

    public static bool IsAvailable => Loaded.Value;

    /// <summary>Benchmarks switch the per-thread memo off to measure text that never repeats; always on otherwise.</summary>
    internal static bool GapMemoEnabled { get; set; } = true;

    /// <summary>
    /// Appends the word ends ICU finds in <paramref name="text"/> (offsets relative to its start, the last one equal
    /// to its length). Callers pass short runs of ideographs the dictionary left uncovered.
    /// </summary>
    public static void BreakWords(ReadOnlySpan<char> text, List<int> ends)
    {
        // icu.net computes every boundary eagerly in SetText and allocates per boundary, and posting text repeats
        // the same short gaps (的, 负责, 相关, 优先...) endlessly, so a small per-thread memo saves most ICU calls.
        var cache = t_cache ??= new GapCache();
        if (!GapMemoEnabled || !cache.TryGet(text, out var cached))
        {
            var key = new string(text);
            var breaker = t_wordBreaker ??= new RuleBasedBreakIterator(BreakIterator.UBreakIteratorType.WORD, new Locale("zh"));
            breaker.SetText(key);
            var found = new List<int>(text.Length);
            breaker.MoveFirst();
            for (var end = breaker.MoveNext(); end != BreakIterator.DONE; end = breaker.MoveNext())
            {
                found.Add(end);
            }

            cached = found.Count > 0 && found[^1] == text.Length ? found.ToArray() : [text.Length];
            if (GapMemoEnabled)
            {
                cache.Add(key, cached);
            }
        }

        ends.AddRange(cached);
    }

    /// <summary>
    /// Runs a transliterator over many single characters in few native calls: each character on its own line, so
    /// rules cannot see neighbours. Returns one result per input character.
    /// </summary>
    public static string[] TransliterateEach(string transliteratorId, IReadOnlyList<char> characters)
    {
        const int ChunkSize = 512;
        var results = new string[characters.Count];
        var chunks = (characters.Count + ChunkSize - 1) / ChunkSize;

        // Han-Latin is slow (about a second for all ideographs); chunks run in parallel, one transliterator per worker.
        Parallel.For(0, chunks, () => Transliterator.CreateInstance(transliteratorId), (chunk, _, transliterator) =>
        {
            var from = chunk * ChunkSize;
            var to = Math.Min(characters.Count, from + ChunkSize);
            var input = new StringBuilder((to - from) * 2);
            for (var i = from; i < to; i++)
            {
                input.Append(characters[i]).Append('\n');
            }

            // The second argument is a capacity multiplier: a syllable with tone mark is at most 7 chars per 2 input chars.
            var lines = transliterator.Transliterate(input.ToString(), 5).Split('\n');
            for (var i = from; i < to; i++)
            {
                // A rule that swallowed a separator would misalign everything after it; fall back to one call per char.
                results[i] = lines.Length == to - from + 1
                    ? lines[i - from]
                    : transliterator.Transliterate(characters[i].ToString(), 8);
            }

            return transliterator;
        }, transliterator => transliterator.Dispose());

        return results;
    }

    private sealed class GapCache
    {
        private const int Capacity = 16_384;
        private readonly Dictionary<string, int[]> _entries = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public GapCache() => _lookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();

        public bool TryGet(ReadOnlySpan<char> text, out int[] ends) => _lookup.TryGetValue(text, out ends!);

        public void Add(string text, int[] ends)
        {
            // Wholesale clearing keeps memory bounded without LRU bookkeeping; a full cache refills within a few postings.
            if (_entries.Count >= Capacity)
            {
                _entries.Clear();
            }

            _entries[text] = ends;
        }
    }
}
