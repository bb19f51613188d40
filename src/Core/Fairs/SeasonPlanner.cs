using System.Globalization;

namespace Jobs.Core.Fairs;

/// <summary>
/// What a season should look like: the season's first and last date (inclusive), how many fairs, the host cities in
/// rotation order (city codes, distinct), dates to avoid (public holidays, exam days…), and optionally the city that
/// hosted the last fair of the previous season.
/// </summary>
public sealed record SeasonRequest(
    DateOnly From,
    DateOnly To,
    int Count,
    IReadOnlyList<string> HostCities,
    IReadOnlyCollection<DateOnly> AvoidDates,
    string? PreviousHost = null);

/// <summary>One fair of a season. <see cref="Number"/> is 1-based; slots are in date order.</summary>
public sealed record SeasonSlot(int Number, DateOnly Date, string HostCityCode);

/// <summary>
/// A proposed season: either the slots (and no problems) or the problems (and no slots), never both.
/// </summary>
public sealed record SeasonPlan(IReadOnlyList<SeasonSlot> Slots, IReadOnlyList<string> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Proposes the dates and hosts of a season of regional graduate recruitment fairs that the member cities take turns
/// to host. The result depends only on the request: the same request always gives the same plan.
/// <para>
/// <b>1. Hosts.</b> The cities take turns in the given order. The first host is the city after
/// <see cref="SeasonRequest.PreviousHost"/> in that order (after the last city comes the first again), or the first
/// city when there is no previous host or it is not one of the host cities (codes are compared exactly, case
/// included). Fair <c>i</c> (counted from 0 in date order) is hosted by <c>HostCities[(start + i) % n]</c>, where
/// <c>n</c> is the number of host cities. Hence every city hosts once before any city hosts again, the number of
/// fairs per city differs by at most one, and, whenever there are at least two cities, no city hosts two fairs in a
/// row, also across seasons when the previous host is given.
/// </para>
/// <para>
/// <b>2. Dates.</b> The candidate dates are all dates from <see cref="SeasonRequest.From"/> to
/// <see cref="SeasonRequest.To"/> inclusive that are not in <see cref="SeasonRequest.AvoidDates"/>. The whole range,
/// avoided dates included, is <c>L</c> days long; it is split into <c>Count</c> segments of (almost) equal length:
/// segment <c>i</c> runs from day <c>floor(i·L/Count)</c> to day <c>floor((i+1)·L/Count) − 1</c>, counting
/// <see cref="SeasonRequest.From"/> as day 0. The ideal date of fair <c>i</c> is the middle day of its segment,
/// <c>floor((first + last) / 2)</c>. Going through the fairs in order, each fair takes the candidate date nearest
/// its ideal date that is later than the previous fair's date (so no date is used twice); when two candidates are
/// equally near, the earlier one is taken.
/// </para>
/// <para>
/// When that pass cannot place a fair, because no candidate date is left after the previous fair's date (this
/// happens when the avoided dates are bunched towards the end of the season), its result is dropped and the
/// dates are instead spread evenly over the candidates themselves: with the <c>m</c> candidate dates in order and
/// numbered from 0, fair <c>i</c> takes candidate number <c>round(i·(m−1)/(Count−1))</c>, halves rounded up (a
/// single fair takes the first candidate). This always succeeds when there are at least as many candidate dates as
/// fairs, and it uses the first and the last candidate.
/// </para>
/// <para>
/// <b>3. Problems.</b> A request that cannot be planned gives no slots and one message per problem (in Chinese, for
/// the organisers), never an exception: the number of fairs is not between 1 and <see cref="MaxFairs"/>; the season
/// ends before it starts; there is no host city; a host city is listed twice; there are fewer candidate dates than
/// fairs (checked only when the season's dates are in order and at least one fair is asked for); there is only one
/// host city but more than one fair, so that city would host twice in a row.
/// </para>
/// </summary>
public static class SeasonPlanner
{
    public const int MaxFairs = 200;

    public static SeasonPlan Propose(SeasonRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Requests usually come from deserialised organiser input, where "not nullable" is a wish rather than a fact.
        var cities = request.HostCities ?? [];
        var avoid = request.AvoidDates ?? [];

        var problems = new List<string>();
        if (request.Count < 1 || request.Count > MaxFairs)
        {
            problems.Add("场次数须在 1 到 200 之间");
        }

        var rangeIsValid = request.To >= request.From;
        if (!rangeIsValid)
        {
            problems.Add("结束日期不能早于开始日期");
        }

        if (cities.Count == 0)
        {
            problems.Add("至少需要一个举办城市");
        }
        else if (cities.Distinct(StringComparer.Ordinal).Count() != cities.Count)
        {
            problems.Add("举办城市不能重复");
        }

        // Counted rather than listed so that an absurdly long range costs nothing before it is known to be plannable.
        var avoided = avoid.Where(d => d >= request.From && d <= request.To).ToHashSet();
        if (rangeIsValid && request.Count >= 1)
        {
            var candidateCount = DayCount(request.From, request.To) - avoided.Count;
            if (candidateCount < request.Count)
            {
                problems.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"可用日期只有 {candidateCount} 天，少于场次数 {request.Count}"));
            }
        }

        if (cities.Count == 1 && request.Count > 1)
        {
            problems.Add("只有一个举办城市时无法避免同一城市连续举办");
        }

        if (problems.Count > 0)
        {
            return new SeasonPlan([], problems);
        }

        var candidates = CandidateOffsets(request.From, request.To, avoided);
        var chosen = PlaceGreedily(candidates, DayCount(request.From, request.To), request.Count)
            ?? SpreadOverCandidates(candidates, request.Count);

        var start = FirstHostIndex(cities, request.PreviousHost);
        var slots = new SeasonSlot[request.Count];
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = new SeasonSlot(
                i + 1,
                request.From.AddDays(candidates[chosen[i]]),
                cities[(start + i) % cities.Count]);
        }

        return new SeasonPlan(slots, []);
    }

    private static int DayCount(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber + 1;

    private static int FirstHostIndex(IReadOnlyList<string> cities, string? previousHost)
    {
        if (previousHost is null)
        {
            return 0;
        }

        for (var i = 0; i < cities.Count; i++)
        {
            if (string.Equals(cities[i], previousHost, StringComparison.Ordinal))
            {
                return (i + 1) % cities.Count;
            }
        }

        return 0;
    }

    /// <summary>Day offsets from the season's first date, ascending.</summary>
    private static List<int> CandidateOffsets(DateOnly from, DateOnly to, HashSet<DateOnly> avoided)
    {
        var length = DayCount(from, to);
        var offsets = new List<int>(length - avoided.Count);
        for (var offset = 0; offset < length; offset++)
        {
            if (!avoided.Contains(from.AddDays(offset)))
            {
                offsets.Add(offset);
            }
        }

        return offsets;
    }

    /// <summary>Indexes into <paramref name="candidates"/>, or null when some fair finds no candidate left.</summary>
    private static int[]? PlaceGreedily(List<int> candidates, int length, int count)
    {
        var chosen = new int[count];
        var firstFree = 0;
        for (var i = 0; i < count; i++)
        {
            if (firstFree >= candidates.Count)
            {
                return null;
            }

            // No overflow: at most MaxFairs × the ~3.65 million days DateOnly can span, well inside int.
            var segmentFirst = i * length / count;
            var segmentLast = ((i + 1) * length / count) - 1;
            var ideal = (segmentFirst + segmentLast) / 2;

            var after = LowerBound(candidates, firstFree, ideal);
            int pick;
            if (after == firstFree)
            {
                pick = firstFree;
            }
            else if (after == candidates.Count)
            {
                pick = after - 1;
            }
            else
            {
                // <= sends a tie to the earlier date, as the rule promises.
                pick = ideal - candidates[after - 1] <= candidates[after] - ideal ? after - 1 : after;
            }

            chosen[i] = pick;
            firstFree = pick + 1;
        }

        return chosen;
    }

    private static int[] SpreadOverCandidates(List<int> candidates, int count)
    {
        var chosen = new int[count];
        if (count == 1)
        {
            return chosen;
        }

        long span = candidates.Count - 1;
        long steps = count - 1;
        for (var i = 0; i < count; i++)
        {
            // Integer form of round-half-up of i·span/steps, so no floating-point rounding can make two fairs collide.
            chosen[i] = (int)(((2 * i * span) + steps) / (2 * steps));
        }

        return chosen;
    }

    /// <summary>First index at or after <paramref name="from"/> whose offset is at least <paramref name="value"/>.</summary>
    private static int LowerBound(List<int> sorted, int from, int value)
    {
        int low = from, high = sorted.Count;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (sorted[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
