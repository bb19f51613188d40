using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Jobs.Search.Postings;

/// <summary>
/// Per segment, the postings of each city and each education level as bit sets, and the ones still open: the common
/// search (city and education filters) counts those two facets by intersecting bit sets with its matches, 16,000 words
/// at a million postings, instead of reading three columns for every matched posting. Segments never change, so the sets
/// live as long as the segment core; the open set is kept until the next posting in the segment expires.
/// </summary>
internal sealed class PostingFacetBits
{
    private static readonly ConditionalWeakTable<object, PostingFacetBits> Cache = new();
    private static readonly int EducationValues = Enum.GetValues<Jobs.Core.Common.EducationLevel>().Max(l => (int)l) + 1;

    private readonly PostingColumns _columns;
    private readonly int _bits;
    private readonly int _cities;
    private FixedBitSet[]? _city;
    private FixedBitSet[]? _education;
    private OpenSet? _open;

    private PostingFacetBits(PostingColumns columns, int maxDoc, int cities)
    {
        _columns = columns;
        _bits = Math.Max(1, maxDoc);
        _cities = cities;
    }

    private sealed record OpenSet(FixedBitSet Bits, long From, long Until);

    public static PostingFacetBits For(AtomicReader reader, PostingColumns columns, int cities) =>
        Cache.GetValue(reader.CoreCacheKey, _ => new PostingFacetBits(columns, reader.MaxDoc, cities));

    /// <summary>Postings per city index (<see cref="PostingColumns.City"/>).</summary>
    public FixedBitSet[] City => _city ??= Split(_cities, doc => _columns.City[doc]);

    /// <summary>Postings per <see cref="Jobs.Core.Common.EducationLevel"/> value.</summary>
    public FixedBitSet[] Education => _education ??= Split(EducationValues, doc => _columns.Education[doc]);

    /// <summary>Postings asking for at most the education rank <paramref name="maxRank"/>, one union per rank, kept.</summary>
    /// <param name="ranks">The rank of each <see cref="Jobs.Core.Common.EducationLevel"/> value.</param>
    public FixedBitSet EducationAtMost(int maxRank, int[] ranks) => _atMost.GetOrAdd(maxRank, rank =>
    {
        var union = new FixedBitSet(_bits);
        for (var v = 0; v < Education.Length && v < ranks.Length; v++)
        {
            if (ranks[v] <= rank)
            {
                union.Or(Education[v]);
            }
        }

        return union;
    });

    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, FixedBitSet> _atMost = new();

    /// <summary>Postings not yet expired at <paramref name="nowSeconds"/>.</summary>
    public FixedBitSet OpenAt(long nowSeconds)
    {
        if (_open is { } open && nowSeconds >= open.From && nowSeconds < open.Until)
        {
            return open.Bits;
        }

        var bits = new FixedBitSet(_bits);
        var until = long.MaxValue;
        var expires = _columns.Expires;
        for (var doc = 0; doc < expires.Length; doc++)
        {
            if (expires[doc] > nowSeconds)
            {
                bits.Set(doc);
                until = Math.Min(until, expires[doc]);
            }
        }

        _open = new OpenSet(bits, nowSeconds, until);
        return bits;
    }

    private FixedBitSet[] Split(int values, Func<int, int> value)
    {
        var sets = Enumerable.Range(0, values).Select(_ => new FixedBitSet(_bits)).ToArray();
        for (var doc = 0; doc < _columns.Expires.Length; doc++)
        {
            var v = value(doc);
            if (v >= 0 && v < values)
            {
                sets[v].Set(doc);
            }
        }

        return sets;
    }
}
