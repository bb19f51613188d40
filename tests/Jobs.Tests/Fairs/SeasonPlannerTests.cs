using Jobs.Core.Fairs;

namespace Jobs.Tests.Fairs;

public class SeasonPlannerTests
{
    private static readonly string[] TenCities =
    [
        "nanjing", "zhenjiang", "yangzhou", "huaian", "wuhu",
        "maanshan", "chuzhou", "xuancheng", "jintan", "liyang",
    ];

    private static readonly DateOnly[] SpringFestival2027 = Days(new DateOnly(2027, 1, 28), new DateOnly(2027, 2, 5));

    private static readonly DateOnly[] LabourDay2027 = Days(new DateOnly(2027, 5, 1), new DateOnly(2027, 5, 5));

    [Fact]
    public void Propose_TenCitiesTenFairs_EachCityHostsOnceInOrder()
    {
        var plan = SeasonPlanner.Propose(Request(new(2027, 3, 1), new(2027, 6, 28), 10));

        Assert.True(plan.IsValid);
        Assert.Equal(TenCities, plan.Slots.Select(s => s.HostCityCode));
        Assert.Equal(Enumerable.Range(1, 10), plan.Slots.Select(s => s.Number));
    }

    [Fact]
    public void Propose_TenCitiesTwentyFairs_EachCityHostsTwice()
    {
        var plan = SeasonPlanner.Propose(Request(new(2027, 3, 1), new(2027, 12, 20), 20));

        Assert.True(plan.IsValid);
        Assert.All(TenCities, city => Assert.Equal(2, plan.Slots.Count(s => s.HostCityCode == city)));
        Assert.Equal(TenCities.Concat(TenCities), plan.Slots.Select(s => s.HostCityCode));
    }

    [Fact]
    public void Propose_TwentyThreeFairsOverTenCities_FirstThreeCitiesHostOnceMore()
    {
        var plan = SeasonPlanner.Propose(Request(new(2027, 3, 1), new(2027, 12, 20), 23));

        Assert.True(plan.IsValid);
        var counts = TenCities.Select(city => plan.Slots.Count(s => s.HostCityCode == city)).ToArray();
        Assert.Equal([3, 3, 3, 2, 2, 2, 2, 2, 2, 2], counts);
        Assert.True(counts.Max() - counts.Min() <= 1);
        for (var i = 1; i < plan.Slots.Count; i++)
        {
            Assert.NotEqual(plan.Slots[i - 1].HostCityCode, plan.Slots[i].HostCityCode);
        }
    }

    [Theory]
    [InlineData("nanjing", "zhenjiang")]
    [InlineData("yangzhou", "huaian")]
    [InlineData("jintan", "liyang")]
    [InlineData("liyang", "nanjing")]
    public void Propose_PreviousHostGiven_ContinuesWithNextCity(string previousHost, string expectedFirstHost)
    {
        var plan = SeasonPlanner.Propose(Request(new(2027, 3, 1), new(2027, 6, 28), 10, previousHost: previousHost));

        Assert.True(plan.IsValid);
        Assert.Equal(expectedFirstHost, plan.Slots[0].HostCityCode);
        Assert.NotEqual(previousHost, plan.Slots[0].HostCityCode);
        // Ten fairs over ten cities: the season closes with the city that closed the previous one.
        Assert.Equal(previousHost, plan.Slots[^1].HostCityCode);
    }

    [Fact]
    public void Propose_PreviousHostYangzhou_RotationWrapsPastLiyang()
    {
        var plan = SeasonPlanner.Propose(Request(new(2027, 3, 1), new(2027, 6, 28), 9, previousHost: "yangzhou"));

        Assert.Equal(
            ["huaian", "wuhu", "maanshan", "chuzhou", "xuancheng", "jintan", "liyang", "nanjing", "zhenjiang"],
            plan.Slots.Select(s => s.HostCityCode));
    }

    [Theory]
    [InlineData("suzhou")]
    [InlineData("Nanjing")]
    [InlineData("")]
    public void Propose_PreviousHostNotAHostCity_StartsWithFirstCity(string previousHost)
    {
        var plan = SeasonPlanner.Propose(Request(new(2027, 3, 1), new(2027, 6, 28), 3, previousHost: previousHost));

        Assert.Equal(["nanjing", "zhenjiang", "yangzhou"], plan.Slots.Select(s => s.HostCityCode));
    }

    [Fact]
    public void Propose_FourFairsMarchToJune_MiddleDaysOfFourEqualSegments()
    {
        // 2027-03-01..06-28 is 31 + 30 + 31 + 28 = 120 days (day 0 = Mar 1); four segments of 30 days:
        // 0..29, 30..59, 60..89, 90..119, middle days floor(29/2) = 14, floor(89/2) = 44, floor(149/2) = 74,
        // floor(209/2) = 104. Day 31 is Apr 1, day 61 is May 1, day 92 is Jun 1, so the dates are
        // Mar 1 + 14 = Mar 15, Apr 1 + 13 = Apr 14, May 1 + 13 = May 14, Jun 1 + 12 = Jun 13.
        // Labour Day (May 1..5) is avoided but is nobody's nearest date, so it changes nothing.
        var plan = SeasonPlanner.Propose(Request(new(2027, 3, 1), new(2027, 6, 28), 4, avoid: LabourDay2027));

        Assert.Equal(
            [new(2027, 3, 15), new(2027, 4, 14), new(2027, 5, 14), new DateOnly(2027, 6, 13)],
            plan.Slots.Select(s => s.Date));
    }

    [Fact]
    public void Propose_IdealDateAvoidedWithCandidatesEquallyNear_TakesEarlierDate()
    {
        // Same season as above with May 14 (the third fair's ideal) avoided: May 13 and May 15 are both one day off.
        var plan = SeasonPlanner.Propose(Request(new(2027, 3, 1), new(2027, 6, 28), 4, avoid: [new(2027, 5, 14)]));

        Assert.Equal(
            [new(2027, 3, 15), new(2027, 4, 14), new(2027, 5, 13), new DateOnly(2027, 6, 13)],
            plan.Slots.Select(s => s.Date));
    }

    [Fact]
    public void Propose_IdealDateInSpringFestival_TakesNearestDateOutsideIt()
    {
        // Jan 22..Feb 10 is 20 days; the one fair's ideal is day floor(19/2) = 9 = Jan 31, inside the holiday.
        // Nearest candidates: Jan 27 (4 days before) and Feb 6 (6 days after).
        var plan = SeasonPlanner.Propose(Request(new(2027, 1, 22), new(2027, 2, 10), 1, avoid: SpringFestival2027));

        Assert.Equal(new DateOnly(2027, 1, 27), Assert.Single(plan.Slots).Date);
    }

    [Fact]
    public void Propose_IdealDateInLabourDayHoliday_TieGoesToEarlierDate()
    {
        // Apr 26..May 10 is 15 days; the ideal is day floor(14/2) = 7 = May 3, exactly mid-holiday:
        // Apr 30 and May 6 are both three days away.
        var plan = SeasonPlanner.Propose(Request(new(2027, 4, 26), new(2027, 5, 10), 1, avoid: LabourDay2027));

        Assert.Equal(new DateOnly(2027, 4, 30), Assert.Single(plan.Slots).Date);
    }

    [Theory]
    [InlineData(6)]
    [InlineData(20)]
    [InlineData(37)]
    [InlineData(120)]
    public void Propose_HalfYearWithHolidays_NeverChoosesAvoidedDate(int count)
    {
        var avoid = SpringFestival2027.Concat(LabourDay2027).ToArray();

        var plan = SeasonPlanner.Propose(Request(new(2027, 1, 4), new(2027, 6, 30), count, avoid: avoid));

        Assert.True(plan.IsValid);
        Assert.Equal(count, plan.Slots.Count);
        Assert.DoesNotContain(plan.Slots, s => avoid.Contains(s.Date));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(23)]
    [InlineData(200)]
    public void Propose_AnyCount_DatesStrictlyIncreasingAndWithinSeason(int count)
    {
        var from = new DateOnly(2027, 1, 4);
        var to = new DateOnly(2027, 12, 17);

        var plan = SeasonPlanner.Propose(
            Request(from, to, count, avoid: SpringFestival2027.Concat(LabourDay2027).ToArray()));

        Assert.True(plan.IsValid);
        Assert.Equal(count, plan.Slots.Count);
        Assert.All(plan.Slots, s => Assert.InRange(s.Date, from, to));
        for (var i = 1; i < plan.Slots.Count; i++)
        {
            Assert.True(plan.Slots[i - 1].Date < plan.Slots[i].Date, $"slot {i} is not after slot {i - 1}");
        }
    }

    [Fact]
    public void Propose_SameRequestTwice_SameSlots()
    {
        // Separate but equal inputs, so a cached or identity-dependent result would not pass unnoticed.
        var first = SeasonPlanner.Propose(Request(
            new(2027, 1, 4), new(2027, 12, 17), 23, avoid: SpringFestival2027.Concat(LabourDay2027).ToArray(),
            previousHost: "wuhu"));
        var second = SeasonPlanner.Propose(Request(
            new(2027, 1, 4), new(2027, 12, 17), 23, avoid: LabourDay2027.Concat(SpringFestival2027).OrderByDescending(d => d).ToArray(),
            previousHost: "wuhu"));

        Assert.Equal(23, first.Slots.Count);
        Assert.Equal(first.Slots, second.Slots);
    }

    [Fact]
    public void Propose_SeasonEndingInSpringFestival_FallsBackToEvenSpreadOverCandidates()
    {
        // Jan 20..Feb 5 is 17 days; only Jan 20..27 (days 0..7, m = 8) are candidates.
        // Segments for 4 fairs: floor(i*17/4) = 0, 4, 8, 12, 17, so ideals are days 1, 5, 9, 14.
        // Greedy: day 1 (Jan 21), day 5 (Jan 25), day 7 (Jan 27, nearest to 9 after day 5), then nothing is left.
        // Fallback: candidate round(i*7/3) = 0, 2 (2.33), 5 (4.67), 7 -> Jan 20, Jan 22, Jan 25, Jan 27.
        var plan = SeasonPlanner.Propose(Request(new(2027, 1, 20), new(2027, 2, 5), 4, avoid: SpringFestival2027));

        Assert.True(plan.IsValid);
        Assert.Equal(
            [new(2027, 1, 20), new(2027, 1, 22), new(2027, 1, 25), new DateOnly(2027, 1, 27)],
            plan.Slots.Select(s => s.Date));
        Assert.Equal(["nanjing", "zhenjiang", "yangzhou", "huaian"], plan.Slots.Select(s => s.HostCityCode));
    }

    [Fact]
    public void Propose_FallbackIndexExactlyHalfway_RoundsHalfUp()
    {
        // Jan 22..Feb 5 is 15 days; candidates Jan 22..27 (days 0..5, m = 6). Ideals for 3 fairs: days 2, 7, 12.
        // Greedy takes day 2, then day 5 (nearest to 7), then has nothing left.
        // Fallback: round(i*5/2) = 0, 3 (2.5 rounds up, where banker's rounding would give 2), 5.
        var plan = SeasonPlanner.Propose(Request(new(2027, 1, 22), new(2027, 2, 5), 3, avoid: SpringFestival2027));

        Assert.Equal(
            [new(2027, 1, 22), new(2027, 1, 25), new DateOnly(2027, 1, 27)],
            plan.Slots.Select(s => s.Date));
    }

    [Theory]
    // Greedy succeeds here (ideals 0, 2, 4, 6, 8 against candidates 5..9).
    [InlineData("2027-05-01", "2027-05-10", 5, new[] { "2027-05-06", "2027-05-07", "2027-05-08", "2027-05-09", "2027-05-10" })]
    // Greedy fails here (ideals 1, 4, 7, 10 against candidates 0..3), so this goes through the fallback.
    [InlineData("2027-01-24", "2027-02-05", 4, new[] { "2027-01-24", "2027-01-25", "2027-01-26", "2027-01-27" })]
    public void Propose_CountEqualsCandidateCount_UsesEveryCandidate(string from, string to, int count, string[] expected)
    {
        var plan = SeasonPlanner.Propose(Request(
            DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture),
            count,
            avoid: SpringFestival2027.Concat(LabourDay2027).ToArray()));

        Assert.True(plan.IsValid);
        Assert.Equal(
            expected.Select(d => DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture)),
            plan.Slots.Select(s => s.Date));
    }

    [Fact]
    public void Propose_AvoidDatesOutsideSeason_DoNotReduceCandidates()
    {
        var plan = SeasonPlanner.Propose(Request(new(2027, 5, 6), new(2027, 5, 8), 3, avoid: LabourDay2027));

        Assert.True(plan.IsValid);
        Assert.Equal([new(2027, 5, 6), new(2027, 5, 7), new DateOnly(2027, 5, 8)], plan.Slots.Select(s => s.Date));
    }

    [Fact]
    public void Propose_MaxFairs_IsAccepted()
    {
        var plan = SeasonPlanner.Propose(Request(new(2027, 1, 1), new(2027, 12, 31), SeasonPlanner.MaxFairs));

        Assert.True(plan.IsValid);
        Assert.Equal(200, plan.Slots.Count);
        Assert.All(TenCities, city => Assert.Equal(20, plan.Slots.Count(s => s.HostCityCode == city)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(201)]
    public void Propose_CountOutOfRange_ReportsCountProblem(int count)
    {
        var plan = SeasonPlanner.Propose(Request(new(2027, 1, 1), new(2027, 12, 31), count));

        Assert.False(plan.IsValid);
        Assert.Empty(plan.Slots);
        Assert.Equal(["场次数须在 1 到 200 之间"], plan.Problems);
    }

    [Fact]
    public void Propose_ToBeforeFrom_ReportsDateOrderProblem()
    {
        var plan = SeasonPlanner.Propose(Request(new(2027, 6, 30), new(2027, 3, 1), 4));

        Assert.Empty(plan.Slots);
        Assert.Equal(["结束日期不能早于开始日期"], plan.Problems);
    }

    [Fact]
    public void Propose_NoHostCities_ReportsMissingCityProblem()
    {
        var plan = SeasonPlanner.Propose(Request(new(2027, 3, 1), new(2027, 6, 28), 4, cities: []));

        Assert.Empty(plan.Slots);
        Assert.Equal(["至少需要一个举办城市"], plan.Problems);
    }

    [Fact]
    public void Propose_DuplicateHostCity_ReportsDuplicateProblem()
    {
        var plan = SeasonPlanner.Propose(
            Request(new(2027, 3, 1), new(2027, 6, 28), 4, cities: ["nanjing", "wuhu", "chuzhou", "wuhu"]));

        Assert.Empty(plan.Slots);
        Assert.Equal(["举办城市不能重复"], plan.Problems);
    }

    [Fact]
    public void Propose_FewerCandidatesThanFairs_ReportsBothNumbers()
    {
        // May 1..10 minus the five Labour Day dates leaves five candidates.
        var plan = SeasonPlanner.Propose(Request(new(2027, 5, 1), new(2027, 5, 10), 6, avoid: LabourDay2027));

        Assert.Empty(plan.Slots);
        Assert.Equal(["可用日期只有 5 天，少于场次数 6"], plan.Problems);
    }

    [Fact]
    public void Propose_WholeSeasonAvoided_ReportsZeroCandidates()
    {
        var plan = SeasonPlanner.Propose(Request(new(2027, 1, 28), new(2027, 2, 5), 1, avoid: SpringFestival2027));

        Assert.Equal(["可用日期只有 0 天，少于场次数 1"], plan.Problems);
    }

    [Fact]
    public void Propose_OneCityManyFairs_ReportsConsecutiveHostProblem()
    {
        var plan = SeasonPlanner.Propose(Request(new(2027, 3, 1), new(2027, 6, 28), 2, cities: ["jintan"]));

        Assert.Empty(plan.Slots);
        Assert.Equal(["只有一个举办城市时无法避免同一城市连续举办"], plan.Problems);
    }

    [Fact]
    public void Propose_OneCityOneFair_IsValid()
    {
        var plan = SeasonPlanner.Propose(Request(new(2027, 3, 1), new(2027, 3, 31), 1, cities: ["liyang"]));

        Assert.Equal([new SeasonSlot(1, new(2027, 3, 16), "liyang")], plan.Slots);
    }

    [Fact]
    public void Propose_SeveralProblems_ReportsAllInRuleOrder()
    {
        var plan = SeasonPlanner.Propose(Request(new(2027, 6, 30), new(2027, 3, 1), 0, cities: []));

        Assert.Empty(plan.Slots);
        Assert.Equal(["场次数须在 1 到 200 之间", "结束日期不能早于开始日期", "至少需要一个举办城市"], plan.Problems);
    }

    [Fact]
    public void Propose_DuplicateOnlyCityAndTooFewDates_ReportsEachProblem()
    {
        // Two days for three fairs, and a host list that is one city twice.
        var plan = SeasonPlanner.Propose(
            Request(new(2027, 3, 1), new(2027, 3, 2), 3, cities: ["huaian", "huaian"]));

        Assert.Equal(["举办城市不能重复", "可用日期只有 2 天，少于场次数 3"], plan.Problems);
    }

    [Fact]
    public void Propose_SingleCityAndTooFewDates_ReportsBoth()
    {
        var plan = SeasonPlanner.Propose(Request(new(2027, 3, 1), new(2027, 3, 2), 3, cities: ["maanshan"]));

        Assert.Equal(["可用日期只有 2 天，少于场次数 3", "只有一个举办城市时无法避免同一城市连续举办"], plan.Problems);
    }

    private static SeasonRequest Request(
        DateOnly from,
        DateOnly to,
        int count,
        string[]? cities = null,
        DateOnly[]? avoid = null,
        string? previousHost = null) =>
        new(from, to, count, cities ?? TenCities, avoid ?? [], previousHost);

    private static DateOnly[] Days(DateOnly first, DateOnly last) =>
        Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays).ToArray();
}
