using Jobs.Core.Statistics;
using Jobs.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Jobs.Tests.Statistics;

/// <summary>The host over <see cref="StatisticsWorld"/>, snapshotted once.</summary>
public sealed class StatisticsFixture : JobsApiFactory, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await StatisticsWorld.SeedAsync(this);
        await StatisticsWorld.SnapshotAsync(this);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    public async Task<T> WithServiceAsync<T>(Func<StatisticsService, Task<T>> read)
    {
        using var scope = Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<StatisticsService>());
    }
}

public sealed class StatisticsServiceTests(StatisticsFixture world) : IClassFixture<StatisticsFixture>
{
    private StatQuery Q(string period, string? city = null) => StatisticsWorld.Query(world, period, city);

    [Fact]
    public async Task SupplyDemand_NanjingQuarter_CountsDemandSupplyAndRatio()
    {
        var sd = await world.WithServiceAsync(s => s.SupplyDemandAsync(Q("2026Q3", "nanjing"), default));

        // New in Q3 (Beijing time): P2 (09-10) and P3 (08-31 17:00 UTC = 09-01 01:00) → 2 postings, 5 + 2 = 7 people.
        Assert.Equal(2, sd.NewPostings);
        Assert.Equal(7, sd.NewHeadcount);
        // Open at some time in Q3: P1 (closed 07-10), P2, P3 → 3 postings, 3 + 5 + 2 = 10 people.
        Assert.Equal(3, sd.OpenPostings);
        Assert.Equal(10, sd.OpenHeadcount);
        // Active in Q3 and wanting Nanjing: R1–R6 (updated 09-05), R7–R8 (created 07-20), R18–R20 (updated 08-05) = 11.
        Assert.Equal(11, sd.Seekers.Value);
        // 10 ÷ 11 = 0.909… → 0.91.
        Assert.Equal(0.91, sd.Ratio.Value);
        // Offered: P1 → bucket 10, P2 → 7583 → bucket 7; histogram {7: 1, 10: 1}, interpolated inside the bucket:
        // p25 at rank 0.5 → 7 + 0.5/1 = 7.5 → 7500; median at rank 1 → 8000; p75 at rank 1.5 → 10 + 0.5/1 → 10500.
        Assert.Equal([7500, 8000, 10500], new[] { sd.Offered.P25.Value, sd.Offered.Median.Value, sd.Offered.P75.Value });
        // Expected: R1–R6 7000 → bucket 7 (6), R7–R8 9000 → bucket 9 (2); p25 rank 2 → 7 + 2/6 → 7333; median rank 4 → 7 + 4/6 → 7667;
        // p75 rank 6 → 7 + 6/6 → 8000.
        Assert.Equal([7333, 7667, 8000], new[] { sd.Expected.P25.Value, sd.Expected.Median.Value, sd.Expected.P75.Value });
    }

    [Fact]
    public async Task SupplyDemand_CircleQuarter_CountsEachSeekerOnce()
    {
        var sd = await world.WithServiceAsync(s => s.SupplyDemandAsync(Q("2026Q3"), default));

        // Open in Q3: P1 3 + P2 5 + P3 2 + P4 4 + P7 7 = 21 (P5 held, P6 posted in Q4).
        Assert.Equal(21, sd.OpenHeadcount);
        // New: P2, P3, P4, P7 → 5 + 2 + 4 + 7 = 18.
        Assert.Equal(18, sd.NewHeadcount);
        // R1–R9, R13–R20 = 17 (R7 and R8 want two cities of the circle and count once; R11 wants none).
        Assert.Equal(17, sd.Seekers.Value);
        // 21 ÷ 17 = 1.235… → 1.24.
        Assert.Equal(1.24, sd.Ratio.Value);
    }

    [Fact]
    public async Task SupplyDemand_MonthsFollowBeijingTime()
    {
        var september = await world.WithServiceAsync(s => s.SupplyDemandAsync(Q("2026-09", "nanjing"), default));
        var august = await world.WithServiceAsync(s => s.SupplyDemandAsync(Q("2026-08", "nanjing"), default));

        // September: P2 and P3 (09-01 01:00 in Beijing) are new and open → 7 people; R1–R6 updated 09-05 → 6; 7 ÷ 6 = 1.17.
        Assert.Equal((2, 7.0, 6.0, 1.17), (september.NewPostings, september.OpenHeadcount, september.Seekers.Value!.Value, september.Ratio.Value!.Value));
        // August: nothing open in Nanjing (P1 closed 07-10, P3 not yet posted there); seekers R18–R20 only → 3, withheld.
        Assert.Equal(0, august.OpenHeadcount);
        Assert.True(august.Seekers.Withheld);
        Assert.True(august.Ratio.Withheld);
        // None of R18–R20 states an expected salary: there is nothing to show (not withheld, empty).
        Assert.Null(august.Expected.Median.Value);
    }

    [Fact]
    public async Task RatioByCity_SmallCity_IsWithheldWithAComplement()
    {
        var rows = await world.WithServiceAsync(s => s.RatioByAsync(Q("2026Q3"), StatDimension.City, default));
        var byCity = rows.ToDictionary(r => r.Key);

        // Nanjing 11 shown: 10 ÷ 11 = 0.91.
        Assert.Equal((11.0, 0.91), (byCity["nanjing"].Seekers.Value!.Value, byCity["nanjing"].Ratio.Value!.Value));
        // Zhenjiang rests on R7, R8, R9 = 3 < 5: withheld. Yangzhou has R13–R17 = 5, but it is the smallest other non-empty cell,
        // so it is withheld too: with only Zhenjiang hidden it would be the circle's total minus the shown cities.
        Assert.True(byCity["zhenjiang"].Seekers.Withheld);
        Assert.True(byCity["zhenjiang"].Ratio.Withheld);
        Assert.True(byCity["yangzhou"].Seekers.Withheld);
        Assert.Equal(7, byCity["yangzhou"].Headcount);
        // Cities without any seeker show 0 (nobody to protect).
        Assert.Equal(0, byCity["wuhu"].Seekers.Value);
    }

    [Fact]
    public async Task RatioByEducation_NanjingQuarter_SplitsDemandAndSupply()
    {
        var rows = await world.WithServiceAsync(s => s.RatioByAsync(Q("2026Q3", "nanjing"), StatDimension.Education, default));
        var bachelor = rows.Single(r => r.Label == "本科");

        // 本科: P1 3 + P2 5 = 8 people; seekers R1–R8, R18–R20 = 11 → 8 ÷ 11 = 0.727… → 0.73. 大专: P3 2 people, no seekers.
        Assert.Equal((8.0, 11.0, 0.73), (bachelor.Headcount, bachelor.Seekers.Value!.Value, bachelor.Ratio.Value!.Value));
        Assert.Equal(2, rows.Single(r => r.Label == "大专").Headcount);
    }

    [Fact]
    public async Task Flows_PreferenceQuarter_CountsSeekersBySchoolCity()
    {
        var m = await world.WithServiceAsync(s => s.FlowsAsync(Q("2026Q3"), FlowKind.Preference, default));
        Shown Cell(string from, string to) => m.Cells[m.Rows.ToList().FindIndex(r => r.Key == from)][m.Columns.ToList().FindIndex(c => c.Key == to)];

        // Into Nanjing: from Nanjing's schools R1–R6 = 6, from Zhenjiang's R7, R8, R18–R20 = 5.
        Assert.Equal(6, Cell("nanjing", "nanjing").Value);
        Assert.Equal(5, Cell("zhenjiang", "nanjing").Value);
        // Into Zhenjiang: R7, R8 from Zhenjiang (2) and R9 from an unlisted school (1): both withheld.
        Assert.True(Cell("zhenjiang", "zhenjiang").Withheld);
        Assert.True(Cell("", "zhenjiang").Withheld);
        Assert.Equal("未知", m.Rows[^1].Label);
    }

    [Fact]
    public async Task Funnel_Quarter_CountsWhatBecameOfApplications()
    {
        var byFunction = await world.WithServiceAsync(s => s.FunnelAsync(Q("2026Q3"), StatDimension.Function, default));
        var byCity = await world.WithServiceAsync(s => s.FunnelAsync(Q("2026Q3"), StatDimension.City, default));

        // All Q3 applications: R1–R5 to P2 and R7 to P4 = 6 from 6 seekers; one interview and one offer (R1): withheld.
        var total = byFunction[0];
        Assert.Equal(6, total.Applications.Value);
        Assert.True(total.Interviews.Withheld);
        Assert.True(total.Offers.Withheld);
        // Responded: R1 after 24 h, R2–R5 after 48 h → (24 + 4 × 48) / 5 = 43.2 h = 1.8 days; 5 seekers.
        Assert.Equal(1.8, total.ResponseDays.Value);
        Assert.Equal(6, byFunction.Single(r => r.Key == "backend").Applications.Value);
        // By city: Nanjing 5 from 5 seekers, Zhenjiang 1 → withheld, and Nanjing with it (6 − 5 would give Zhenjiang away).
        Assert.True(byCity.Single(r => r.Key == "zhenjiang").Applications.Withheld);
        Assert.True(byCity.Single(r => r.Key == "nanjing").Applications.Withheld);
    }

    [Fact]
    public async Task FairsAndFeeds_Quarter_CountRegistrationsBoothsAndRuns()
    {
        var fairs = await world.WithServiceAsync(s => s.FairsAsync(Q("2026Q3"), default));
        var feeds = await world.WithServiceAsync(s => s.FeedsAsync(Q("2026-09"), default));

        var fair = Assert.Single(fairs);
        // 6 registered (the cancelled one not), 4 checked in → fewer than 5 people: withheld; 3 booths allocated, 1 from Zhenjiang.
        Assert.Equal(6, fair.Registrations.Value);
        Assert.True(fair.CheckIns.Withheld);
        Assert.Equal((3.0, 1.0 / 3), (fair.Booths, fair.OtherCityShare!.Value));
        var feed = Assert.Single(feeds);
        // Two runs, 100 + 0 rows, 5 rejected → 5 %; last success 09-01 02:05 UTC.
        Assert.Equal((2.0, 100.0, 0.05), (feed.Runs, feed.Rows, feed.RejectionRate!.Value));
        Assert.Equal(StatisticsWorld.At(9, 1, 2).AddMinutes(5), feed.LastSuccess);
    }

    [Fact]
    public async Task Trend_NanjingQuarters_ComparesWithThePreviousQuarter()
    {
        var trend = await world.WithServiceAsync(s => s.TrendAsync(Q("2026Q3", "nanjing"), 2, default));

        // Q2: P1 open (3 people); seekers R1–R6 (created 04-10) and R10 (updated 05-10) = 7; 3 ÷ 7 = 0.43. Q3: 0.91 as above.
        Assert.Equal(["2026Q2", "2026Q3"], trend.Select(t => t.Period.Key));
        Assert.Equal((3.0, 7.0, 0.43), (trend[0].OpenHeadcount, trend[0].Seekers.Value!.Value, trend[0].Ratio.Value!.Value));
        Assert.Equal(0.91, trend[1].Ratio.Value);
    }
}
