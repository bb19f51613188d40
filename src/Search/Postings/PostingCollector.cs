using System.Runtime.InteropServices;
using Jobs.Core.Common;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Jobs.Search.Postings;

/// <summary>What the collector checks per document, from the columns: the dimension filters and the plain ones.</summary>
public sealed class PostingConditions
{
    public long NowSeconds { get; init; }

    public long? PostedSince { get; init; }

    /// <summary>Allowed city indexes; null when the city dimension is not filtered.</summary>
    public bool[]? Cities { get; init; }

    public short? Category { get; init; }

    /// <summary>Allowed function indexes (function and function-group filters); null when not filtered.</summary>
    public bool[]? Functions { get; init; }

    /// <summary>Highest education rank a posting may require; null when not filtered.</summary>
    public int? MaxEducationRank { get; init; }

    public (int Min, int Max)? Salary { get; init; }

    /// <summary>The <see cref="Jobs.Core.Postings.PostingType"/> number; a facet dimension.</summary>
    public int? Type { get; init; }

    public int? Cohort { get; init; }

    /// <summary>Only postings that say beginners are welcome.</summary>
    public bool BeginnersOnly { get; init; }

    /// <summary>Benefit tag bits a posting must all have; 0 when not filtered.</summary>
    public long BenefitMask { get; init; }

    public long? IdAfter { get; init; }

    public long? IdAtMost { get; init; }

    /// <summary>Checked per document rather than as a query so a fair may bring more postings than a boolean query holds clauses.</summary>
    public HashSet<long>? OnlyIds { get; init; }

    public const int CityDimension = 0;
    public const int CategoryDimension = 1;
    public const int EducationDimension = 2;
    public const int SalaryDimension = 3;
    public const int TypeDimension = 4;
    public const int FunctionDimension = 5;

    private static readonly int[] EducationRank = Enum.GetValues<EducationLevel>().Select(l => l.Rank()).ToArray();

    /// <summary>How many of the four facet-dimension filters a document fails, and the last one it failed.</summary>
    public int Failures(PostingColumns c, int doc, out int failed)
    {
        failed = -1;
        var failures = 0;
        if (Cities is { } cities)
        {
            var city = c.City[doc];
            if (city < 0 || !cities[city])
            {
                failed = CityDimension;
                failures++;
            }
        }

        if (Category is { } category && c.Category[doc] != category)
        {
            failed = CategoryDimension;
            failures++;
        }

        if (MaxEducationRank is { } maxRank && EducationRank[c.Education[doc]] > maxRank)
        {
            failed = EducationDimension;
            failures++;
        }

        if (Salary is { } salary && (c.SalaryMax[doc] < 0 || c.SalaryMax[doc] < salary.Min || c.SalaryMin[doc] > salary.Max))
        {
            failed = SalaryDimension;
            failures++;
        }

        if (Type is { } type && c.Type[doc] != type)
        {
            failed = TypeDimension;
            failures++;
        }

        if (Functions is { } functions && (c.Function[doc] < 0 || !functions[c.Function[doc]]))
        {
            failed = FunctionDimension;
            failures++;
        }

        return failures;
    }

    /// <summary>The conditions outside the facet dimensions that the collectors check: still open, and the id and date limits.</summary>
    public bool Admits(PostingColumns c, int doc)
    {
        if (c.Expires[doc] <= NowSeconds)
        {
            return false;
        }

        // Every column read is a likely cache miss over a million postings: the common search reads only the expiry.
        if (!HasRareConditions)
        {
            return true;
        }

        if ((PostedSince is { } since && c.Posted[doc] < since) || (BeginnersOnly && !c.Beginners[doc])
            || (Cohort is { } cohort && c.Cohort[doc] != cohort) || (c.Benefits[doc] & BenefitMask) != BenefitMask)
        {
            return false;
        }

        if (IdAfter is null && IdAtMost is null && OnlyIds is null)
        {
            return true;
        }

        var id = c.Id[doc];
        return (IdAfter is not { } after || id > after) && (IdAtMost is not { } most || id <= most) && (OnlyIds is null || OnlyIds.Contains(id));
    }

    /// <summary>Whether the city and education filters are the only ones: <see cref="PostingCollector.TallyByBits"/> can count.</summary>
    internal bool OnlyCityAndEducation => !HasRareConditions && Category is null && Functions is null && Salary is null && Type is null;

    private bool? _hasRare;

    /// <summary>Whether any condition beyond the expiry is set; init-only properties make it fixed once read.</summary>
    private bool HasRareConditions => _hasRare ??= PostedSince is not null || BeginnersOnly || Cohort is not null || BenefitMask != 0
        || IdAfter is not null || IdAtMost is not null || OnlyIds is not null;
}

/// <summary>
/// One pass that does what drill-sideways faceting needs: a document failing no dimension filter is a hit (ranked and
/// counted in every facet); one failing exactly one dimension counts only in that dimension's facet, which is therefore
/// counted as if its own filter were off. Everything is read from <see cref="PostingColumns"/>.
/// </summary>
public sealed class PostingCollector : ICollector
{
    private const int CityDim = PostingConditions.CityDimension;
    private const int CategoryDim = PostingConditions.CategoryDimension;
    private const int EducationDim = PostingConditions.EducationDimension;
    private const int SalaryDim = PostingConditions.SalaryDimension;
    private const int TypeDim = PostingConditions.TypeDimension;
    private const int FunctionDim = PostingConditions.FunctionDimension;

    private readonly PostingColumnKeys _keys;
    private readonly PostingConditions _when;
    private readonly Func<PostingColumns, int, float, double> _rank;
    private readonly int _size;
    private readonly (double Key, long Id)? _after;
    private readonly PriorityQueue<Querying.RankingCollector.Candidate, Querying.RankingCollector.Candidate> _queue;
    private PostingColumns _columns = null!;
    private Scorer? _scorer;
    private int _docBase;

    public PostingCollector(PostingColumnKeys keys, PostingConditions when, Func<PostingColumns, int, float, double> rank, int size,
        (double Key, long Id)? after)
    {
        _keys = keys;
        _when = when;
        _rank = rank;
        _size = size;
        _after = after;
        _queue = new(size + 1, Querying.RankingCollector.Candidate.WorstFirst);
        CityCounts = new int[keys.Cities.Count];
        CategoryCounts = new int[keys.CategoryIndex.Count];
        EducationCounts = new int[Enum.GetValues<EducationLevel>().Length];
        BandCounts = new int[keys.BandIndex.Count];
        TypeCounts = new int[Enum.GetValues<Jobs.Core.Postings.PostingType>().Length];
        BenefitCounts = new int[Jobs.Core.Postings.BenefitTags.All.Count];
        FunctionCounts = new int[keys.FunctionIndex.Count];
    }

    /// <summary>
    /// When set, the rank key of a hit is at most its score times this (plus rounding): once the window is full, a hit whose
    /// bound falls below the worst kept key is dropped before its columns are read. Most hits of a common word end there.
    /// </summary>
    public double? ScoreBound { get; init; }

    /// <summary>Added to the rank key by index document: relaxation ranks each tier below the one before it.</summary>
    public Func<int, double>? Offset { get; init; }

    /// <summary>Hits per function index, drill-sideways: counted as if the function filters were off.</summary>
    public int[] FunctionCounts { get; }

    public int[] TypeCounts { get; }

    /// <summary>Hits per cohort year (postings without a cohort are not counted).</summary>
    public Dictionary<int, int> CohortCounts { get; } = [];

    /// <summary>Hits per benefit tag index.</summary>
    public int[] BenefitCounts { get; }

    public int TotalHits { get; private set; }

    public int[] CityCounts { get; }

    public int[] CategoryCounts { get; }

    public int[] EducationCounts { get; }

    public int[] BandCounts { get; }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _docBase = context.DocBase;
        _columns = PostingColumns.For(context.AtomicReader, _keys);
    }

    public void Collect(int doc)
    {
        if (Tally(doc))
        {
            Offer(doc, _scorer?.GetScore() ?? 0f);
        }
    }

    /// <summary>The columns of the current segment.</summary>
    internal PostingColumns Columns => _columns;

    internal int CityCount => CityCounts.Length;

    /// <summary>Whether the collector ranks hits at all (a page size above zero).</summary>
    public bool Ranks => _size > 0;

    /// <summary>Counts every matched document of the current segment in the facets; returns the hits (those failing no filter).</summary>
    internal FixedBitSet Tally(FixedBitSet matched, Querying.BitSetScratch scratch)
    {
        var hits = scratch.New(matched.Length);
        var words = matched.GetBits();
        for (var w = 0; w < words.Length; w++)
        {
            for (var bits = words[w]; bits != 0; bits &= bits - 1)
            {
                var doc = (w << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                if (Tally(doc))
                {
                    hits.Set(doc);
                }
            }
        }

        return hits;
    }

    /// <summary>Counts one matched document in the facets; true when it is a hit, to be ranked with <see cref="Offer"/>.</summary>
    public bool Tally(int doc)
    {
        var c = _columns;
        if (!_when.Admits(c, doc))
        {
            return false;
        }

        var failures = _when.Failures(c, doc, out var failed);
        if (failures > 1)
        {
            return false;
        }

        if (failures == 1)
        {
            Count(failed, c, doc);
            return false;
        }

        CountHit(c, doc, cityAndEducation: true);
        return true;
    }

    /// <summary>Counts a hit in every facet (but city and education when the bit sets counted those).</summary>
    private void CountHit(PostingColumns c, int doc, bool cityAndEducation)
    {
        TotalHits++;
        if (cityAndEducation)
        {
            Count(CityDim, c, doc);
            Count(EducationDim, c, doc);
        }

        Count(CategoryDim, c, doc);
        Count(SalaryDim, c, doc);
        Count(TypeDim, c, doc);
        Count(FunctionDim, c, doc);
        if (c.Cohort[doc] > 0)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(CohortCounts, c.Cohort[doc], out _)++;
        }

        for (var bits = c.Benefits[doc]; bits != 0; bits &= bits - 1)
        {
            BenefitCounts[System.Numerics.BitOperations.TrailingZeroCount(bits)]++;
        }
    }

    /// <summary>
    /// <see cref="Tally(FixedBitSet, Querying.BitSetScratch)"/> for the common search whose only filters are city and education: those two facets
    /// come from bit set intersections, and only the hits are read document by document. Null when other filters are set.
    /// </summary>
    internal FixedBitSet? TallyByBits(FixedBitSet matched, PostingFacetBits bits, Querying.BitSetScratch scratch)
    {
        if (!_when.OnlyCityAndEducation)
        {
            return null;
        }

        var open = matched;
        open.And(bits.OpenAt(_when.NowSeconds));
        // Both sets are only read below, so a single city's cached set serves as it is.
        FixedBitSet? inCity = null;
        if (_when.Cities is { } cities)
        {
            var chosen = Enumerable.Range(0, Math.Min(cities.Length, bits.City.Length)).Where(i => cities[i]).ToList();
            if (chosen.Count == 1)
            {
                inCity = bits.City[chosen[0]];
            }
            else
            {
                inCity = scratch.New(open.Length);
                foreach (var i in chosen)
                {
                    inCity.Or(bits.City[i]);
                }
            }
        }

        var educated = _when.MaxEducationRank is { } maxRank ? bits.EducationAtMost(maxRank, EducationRanks) : null;

        // Drill-sideways: each of the two facets counts the matches passing the other filter.
        var cityBase = And(open, educated, scratch);
        for (var i = 0; i < CityCounts.Length && i < bits.City.Length; i++)
        {
            CityCounts[i] += (int)FixedBitSet.IntersectionCount(cityBase, bits.City[i]);
        }

        var educationBase = And(open, inCity, scratch);
        for (var v = 0; v < EducationCounts.Length && v < bits.Education.Length; v++)
        {
            EducationCounts[v] += (int)FixedBitSet.IntersectionCount(educationBase, bits.Education[v]);
        }

        var hits = And(cityBase, inCity, scratch);
        var c = _columns;
        for (var doc = hits.NextSetBit(0); doc >= 0; doc = doc + 1 < hits.Length ? hits.NextSetBit(doc + 1) : -1)
        {
            CountHit(c, doc, cityAndEducation: false);
        }

        return hits;
    }

    private static readonly int[] EducationRanks = Enum.GetValues<EducationLevel>().OrderBy(l => (int)l).Select(l => l.Rank()).ToArray();

    private static FixedBitSet And(FixedBitSet a, FixedBitSet? b, Querying.BitSetScratch scratch)
    {
        if (b is null)
        {
            return a;
        }

        var both = scratch.Copy(a);
        both.And(b);
        return both;
    }

    /// <summary>Ranks a hit of the current segment by its score.</summary>
    public void Offer(int doc, float score)
    {
        if (_size == 0)
        {
            return;
        }

        if (ScoreBound is { } bound && Offset is null && score >= 0 && _queue.Count == _size
            && score * bound < _queue.Peek().Key - RoundingSlack)
        {
            return;
        }

        var c = _columns;
        var key = _rank(c, doc, score) + (Offset?.Invoke(_docBase + doc) ?? 0);
        var id = c.Id[doc];
        if (_after is { } a && (key > a.Key || (key == a.Key && id >= a.Id)))
        {
            return;
        }

        Keep(new Querying.RankingCollector.Candidate(key, id, _docBase + doc));
    }

    private void Keep(Querying.RankingCollector.Candidate candidate)
    {
        if (_queue.Count < _size)
        {
            _queue.Enqueue(candidate, candidate);
        }
        else if (Querying.RankingCollector.Candidate.WorstFirst.Compare(candidate, _queue.Peek()) > 0)
        {
            _queue.DequeueEnqueue(candidate, candidate);
        }
    }

    /// <summary>An empty collector with the same conditions, ranking and window, for one segment searched on its own thread.</summary>
    internal PostingCollector Fork() => new(_keys, _when, _rank, _size, _after) { Offset = Offset, ScoreBound = ScoreBound };

    /// <summary>Adds what a <see cref="Fork"/> collected: its counts, and its best hits into this window.</summary>
    internal void Absorb(PostingCollector part)
    {
        TotalHits += part.TotalHits;
        Add(CityCounts, part.CityCounts);
        Add(CategoryCounts, part.CategoryCounts);
        Add(EducationCounts, part.EducationCounts);
        Add(BandCounts, part.BandCounts);
        Add(TypeCounts, part.TypeCounts);
        Add(BenefitCounts, part.BenefitCounts);
        Add(FunctionCounts, part.FunctionCounts);
        foreach (var (cohort, count) in part.CohortCounts)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(CohortCounts, cohort, out _) += count;
        }

        foreach (var (candidate, _) in part._queue.UnorderedItems)
        {
            Keep(candidate);
        }

        static void Add(int[] into, int[] from)
        {
            for (var i = 0; i < into.Length; i++)
            {
                into[i] += from[i];
            }
        }
    }

    /// <summary>More than a rank key's rounding (six decimals) can add.</summary>
    private const double RoundingSlack = 1e-6;

    public IReadOnlyList<Querying.RankingCollector.Candidate> Best()
    {
        var list = _queue.UnorderedItems.Select(x => x.Element).ToList();
        list.Sort((x, y) => Querying.RankingCollector.Candidate.WorstFirst.Compare(y, x));
        return list;
    }

    private void Count(int dimension, PostingColumns c, int doc)
    {
        switch (dimension)
        {
            case CityDim:
                if (c.City[doc] >= 0)
                {
                    CityCounts[c.City[doc]]++;
                }

                break;
            case CategoryDim:
                if (c.Category[doc] >= 0)
                {
                    CategoryCounts[c.Category[doc]]++;
                }

                break;
            case EducationDim:
                EducationCounts[c.Education[doc]]++;
                break;
            case TypeDim:
                TypeCounts[c.Type[doc]]++;
                break;
            case FunctionDim:
                if (c.Function[doc] >= 0)
                {
                    FunctionCounts[c.Function[doc]]++;
                }

                break;
            default:
                if (c.SalaryBand[doc] >= 0)
                {
                    BandCounts[c.SalaryBand[doc]]++;
                }

                break;
        }
    }
}
