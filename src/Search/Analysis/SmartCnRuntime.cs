using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Cn.Smart.Hhmm;

namespace Jobs.Search.Analysis;

/// <summary>
/// Lucene's SmartCn HMM segmenter, called on runs of ideographs the caller has already folded to Simplified (SmartCn's
/// dictionary is Simplified only: unfolded Traditional text falls apart into single characters). The segmenter keeps
/// no state between calls; its dictionaries load once per process (about a second).
/// </summary>
internal static class SmartCnRuntime
{
    private static readonly Lazy<HHMMSegmenter> Segmenter = new(() => new HHMMSegmenter());

    [ThreadStatic]
    private static Dictionary<string, int[]>? t_memo;

    private const int MemoCapacity = 16_384;

    /// <summary>Appends the word ends SmartCn finds in <paramref name="text"/> (relative offsets; the last equals its length).</summary>
    public static void BreakWords(ReadOnlySpan<char> text, List<int> ends)
    {
        // The same per-thread memo as the ICU gaps get, so the two are compared on equal terms.
        var memo = t_memo ??= new Dictionary<string, int[]>(StringComparer.Ordinal);
        var lookup = memo.GetAlternateLookup<ReadOnlySpan<char>>();
        if (!IcuRuntime.GapMemoEnabled || !lookup.TryGetValue(text, out var cached))
        {
            var key = new string(text);
            cached = Segment(key);
            if (IcuRuntime.GapMemoEnabled)
            {
                if (memo.Count >= MemoCapacity)
                {
                    memo.Clear();
                }

                memo[key] = cached;
            }
        }

        ends.AddRange(cached);
    }

    private static int[] Segment(string text)
    {
        var found = new List<int>(text.Length);
        foreach (var token in Segmenter.Value.Process(text))
        {
            if (token.WordType is WordType.SENTENCE_BEGIN or WordType.SENTENCE_END || token.EndOffset <= token.StartOffset)
            {
                continue;
            }

            found.Add(Math.Min(token.EndOffset, text.Length));
        }

        // Ends must rise to the run's length; anything else (never seen) falls back to the run as one word.
        for (var i = 1; i < found.Count; i++)
        {
            if (found[i] <= found[i - 1])
            {
                return [text.Length];
            }
        }

        return found.Count > 0 && found[^1] == text.Length ? found.ToArray() : [text.Length];
    }
}
