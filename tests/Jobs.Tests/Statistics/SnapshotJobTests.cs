using Jobs.Core.Statistics;
using Jobs.Core.Storage;
using Jobs.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jobs.Tests.Statistics;

public sealed class SnapshotJobTests
{
    [Fact]
    public async Task Execute_Twice_WritesTheSameRows()
    {
        using var factory = new JobsApiFactory();
        await StatisticsWorld.SeedAsync(factory);

        var periods = await StatisticsWorld.SnapshotAsync(factory);
        var first = await CellsAsync(factory);
        await StatisticsWorld.SnapshotAsync(factory);
        var second = await CellsAsync(factory);

        // The backfill wrote every month and quarter from the oldest record (R9's 2026-01-05) to now.
        Assert.Contains("2026-01", periods);
        Assert.Contains("2026Q1", periods);
        Assert.Contains("2026Q3", periods);
        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Execute_AfterHistoryChanges_KeepsEndedPeriodsAndRecountsTheRunningOne()
    {
        using var factory = new JobsApiFactory();
        await StatisticsWorld.SeedAsync(factory);
        await StatisticsWorld.SnapshotAsync(factory);
        var before = await CellsAsync(factory, "2026Q3");

        // R1 updates the résumé today and P2 closes today: the record of Q3 loses R1's September update and P2's openness.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            await db.Resumes.ExecuteUpdateAsync(r => r.SetProperty(x => x.UpdatedAt, now));
            await db.Postings.Where(p => p.Headcount == 5).ExecuteUpdateAsync(p => p.SetProperty(x => x.ClosedAt, now.AddSeconds(-1)));
        }

        await StatisticsWorld.SnapshotAsync(factory);

        // Q3 ended, so it was final and is kept as it was computed.
        Assert.Equal(before, await CellsAsync(factory, "2026Q3"));
        // The running quarter was recomputed: now every résumé wanting a city of the circle is active in it.
        var current = StatPeriod.QuarterOf(DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime.AddHours(8)));
        using var s = factory.Services.CreateScope();
        var service = s.ServiceProvider.GetRequiredService<StatisticsService>();
        var sd = await service.SupplyDemandAsync(new StatQuery(current, StatScope.Circle(service.Cities)), default);
        // R1–R10, R12–R20 want a city of the circle = 19 (R11 wants none).
        Assert.Equal(19, sd.Seekers.Value);
    }

    private static async Task<List<string>> CellsAsync(JobsApiFactory factory, string? period = null)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JobsDbContext>();
        var cells = await db.StatCells.AsNoTracking().Where(c => period == null || c.Period == period).ToListAsync();
        return cells.Select(c => $"{c.Period}|{c.Metric}|{c.Scope}|{c.Target}|{c.Function}|{c.Industry}|{c.Education}|{c.PostingType}|{c.Bucket}|{c.Value}|{c.Seekers}")
            .Order(StringComparer.Ordinal).ToList();
    }
}
