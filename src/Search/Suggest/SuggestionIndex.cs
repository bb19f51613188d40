namespace Jobs.Search.Suggest;

/// <summary>
/// Prefix lookup over every suggestion's keys (its folded text, its pinyin run together, its initials) in one sorted
/// array. A prefix is a contiguous range; a short range is scanned, and for every prefix whose range is longer than
/// <see cref="ScanLimit"/> keys (软, r, rj …) the best <see cref="MaxLimit"/> entries were chosen at build time, so a
/// lookup costs two binary searches plus at most <see cref="ScanLimit"/> steps whatever the size. Immutable.
/// </summary>
public sealed class SuggestionIndex
{
    public const int MaxLimit = 20;

    /// <summary>Ranges up to this many keys are scanned per request; longer ones read a precomputed list.</summary>
    public const int ScanLimit = 256;

    // Entries sorted best first (most open postings), so an entry's position is its rank and smaller is better.
    private readonly Suggestion[] _entries;
    private readonly string[] _keys;
    private readonly int[] _rankOfKey;
    private readonly Dictionary<string, int[]> _top;

    private SuggestionIndex(Suggestion[] entries, string[] keys, int[] rankOfKey, Dictionary<string, int[]> top)
    {
        _entries = entries;
        _keys = keys;
        _rankOfKey = rankOfKey;
        _top = top;
    }

    public static SuggestionIndex Empty { get; } = new([], [], [], []);

    public int EntryCount => _entries.Length;

    public int KeyCount => _keys.Length;

    public int PrecomputedPrefixCount => _top.Count;

    /// <param name="entries">One per distinct text.</param>
    /// <param name="keysOf">The lower-case, space-free keys an entry is found by.</param>
    public static SuggestionIndex Build(IEnumerable<Suggestion> entries, Func<Suggestion, IEnumerable<string>> keysOf)
    {
        var sorted = entries.OrderByDescending(e => e.Count).ThenBy(e => e.Text.Length).ThenBy(e => e.Text, StringComparer.Ordinal).ToArray();
        var pairs = new List<(string Key, int Rank)>(sorted.Length * 3);
        for (var rank = 0; rank < sorted.Length; rank++)
        {
            foreach (var key in keysOf(sorted[rank]).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal))
            {
                pairs.Add((key, rank));
            }
        }

        pairs.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key) is var c and not 0 ? c : a.Rank.CompareTo(b.Rank));
        var keys = pairs.Select(p => p.Key).ToArray();
        var ranks = pairs.Select(p => p.Rank).ToArray();
        return new SuggestionIndex(sorted, keys, ranks, Precompute(keys, ranks));
    }

    /// <summary>The best entries whose keys start with <paramref name="prefix"/> (already folded, lower case, no spaces).</summary>
    public IReadOnlyList<Suggestion> Lookup(string prefix, int limit)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        limit = Math.Clamp(limit, 1, MaxLimit);
        if (prefix.Length == 0 || _keys.Length == 0)
        {
            return [];
        }

        var lo = Bound(prefix, upper: false);
        var hi = Bound(prefix, upper: true);
        if (hi - lo > ScanLimit && _top.TryGetValue(prefix, out var top))
        {
            return top.Take(limit).Select(r => _entries[r]).ToArray();
        }

        var best = new List<int>(limit + 1);
        for (var i = lo; i < hi; i++)
        {
            var rank = _rankOfKey[i];
            if ((best.Count == limit && rank >= best[^1]) || best.Contains(rank))
            {
                continue;
            }

            var at = best.BinarySearch(rank);
            best.Insert(~at, rank);
            if (best.Count > limit)
            {
                best.RemoveAt(best.Count - 1);
            }
        }

        return best.Select(r => _entries[r]).ToArray();
    }

    /// <summary>First key at or after the range of <paramref name="prefix"/> (lower) or first key past it (upper).</summary>
    private int Bound(string prefix, bool upper)
    {
        int lo = 0, hi = _keys.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = ComparePrefix(_keys[mid], prefix);
            if (c < 0 || (upper && c == 0))
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private static int ComparePrefix(string key, string prefix) =>
        key.AsSpan(0, Math.Min(key.Length, prefix.Length)).SequenceCompareTo(prefix.AsSpan()) is var c and not 0
            ? c
            : key.Length >= prefix.Length ? 0 : -1;

    /// <summary>For each prefix length, walks the sorted keys in runs sharing that prefix and keeps the best of each long run.</summary>
    private static Dictionary<string, int[]> Precompute(string[] keys, int[] ranks)
    {
        var top = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var chosen = new PriorityQueue<int, int>();
        var members = new HashSet<int>();
        for (var length = 1; ; length++)
        {
            var anyLong = false;
            var i = 0;
            while (i < keys.Length)
            {
                if (keys[i].Length < length)
                {
                    i++;
                    continue;
                }

                var start = i;
                var prefix = keys[i].AsSpan(0, length);
                while (i < keys.Length && keys[i].Length >= length && keys[i].AsSpan(0, length).SequenceEqual(prefix))
                {
                    i++;
                }

                if (i - start <= ScanLimit)
                {
                    continue;
                }

                anyLong = true;
                chosen.Clear();
                members.Clear();
                // A max-heap (priority = -rank) of the best MaxLimit distinct ranks seen so far.
                for (var k = start; k < i; k++)
                {
                    var rank = ranks[k];
                    if (chosen.Count == MaxLimit && (rank >= -chosen.TryPeekPriority() || members.Contains(rank)))
                    {
                        continue;
                    }

                    if (!members.Add(rank))
                    {
                        continue;
                    }

                    chosen.Enqueue(rank, -rank);
                    if (chosen.Count > MaxLimit)
                    {
                        members.Remove(chosen.Dequeue());
                    }
                }

                top[keys[start][..length]] = members.Order().ToArray();
            }

            if (!anyLong)
            {
                return top;
            }
        }
    }
}

internal static class PriorityQueueExtensions
{
    public static int TryPeekPriority(this PriorityQueue<int, int> queue) => queue.TryPeek(out _, out var priority) ? priority : int.MinValue;
}
