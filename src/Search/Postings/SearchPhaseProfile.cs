using System.Diagnostics;

namespace Jobs.Search.Postings;

/// <summary>The parts of a posting search the phase profile tells apart.</summary>
public enum SearchPhase
{
    Prepare,
    Collect,
    Relax,
    Diversity,
    Hydrate,
    Highlight,
    Facets,
}

/// <summary>
/// Time per phase of <see cref="PostingSearchService.SearchAsync"/>, summed over all searches while enabled: the search
/// harness switches it on to see where a query's milliseconds go. Off, it costs one static read per phase.
/// </summary>
public static class SearchPhaseProfile
{
    private static readonly long[] Ticks = new long[Enum.GetValues<SearchPhase>().Length];

    public static bool Enabled { get; set; }

    internal static long Start() => Enabled ? Stopwatch.GetTimestamp() : 0;

    /// <summary>Adds the time since <paramref name="started"/> to the phase and returns now, the next phase's start.</summary>
    internal static long Stop(SearchPhase phase, long started)
    {
        if (!Enabled)
        {
            return 0;
        }

        var now = Stopwatch.GetTimestamp();
        Interlocked.Add(ref Ticks[(int)phase], now - started);
        return now;
    }

    public static void Reset() => Array.Clear(Ticks);

    /// <summary>Milliseconds per phase, summed since the last reset.</summary>
    public static IReadOnlyList<(SearchPhase Phase, double Milliseconds)> Totals() =>
        Enum.GetValues<SearchPhase>().Select(p => (p, Interlocked.Read(ref Ticks[(int)p]) * 1000.0 / Stopwatch.Frequency)).ToList();
}
