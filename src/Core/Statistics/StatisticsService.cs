using System.Linq.Expressions;
using Jobs.Core.Common;
using Jobs.Core.Regions;
using Jobs.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Jobs.Core.Statistics;

/// <summary>
/// The statistics readers see, read from the snapshot only (<see cref="StatCell"/>), never from postings or résumés, so a
/// request costs the same at any size. Figures resting on fewer than <see cref="StatisticsOptions.MinSeekers"/> job seekers
/// come back withheld (<see cref="KAnonymity"/>).
/// </summary>
public sealed partial class StatisticsService(JobsDbContext db, CityDirectory cities, IOptions<StatisticsOptions> options)
{
    private int K => options.Value.MinSeekers;

    public CityDirectory Cities => cities;

    /// <summary>A city by code or name, else a region by code, else the circle; null when <paramref name="city"/> or <paramref name="region"/> names nothing known.</summary>
    public StatScope? ResolveScope(string? city, string? region) => new StatisticsScopeResolver(cities).Resolve(city, region);

    /// <summary>The newest quarter the snapshot holds, else the current one: what a request without a period is about.</summary>
    public async Task<StatPeriod> DefaultQuarterAsync(TimeProvider clock, CancellationToken cancellationToken) =>
        await LatestAsync(quarter: true, cancellationToken)
        ?? StatPeriod.QuarterOf(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime,
            TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone))));

    /// <summary>The newest period of the given kind the snapshot holds; null before the first run.</summary>
    public async Task<StatPeriod?> LatestAsync(bool quarter, CancellationToken cancellationToken)
    {
        var keys = await db.StatPeriodRuns.AsNoTracking().Select(r => r.Period).ToListAsync(cancellationToken);
        return keys.Select(k => StatPeriod.TryParse(k, out var p) ? p : (StatPeriod?)null)
            .Where(p => p is { } v && v.IsQuarter == quarter).OrderByDescending(p => p!.Value.FirstDay).FirstOrDefault();
    }

    public async Task<SupplyDemand> SupplyDemandAsync(StatQuery q, CancellationToken ct)
    {
        // The four demand counts in one pass over the period's posting cells.
        var demand = await GroupAsync(Demand(q, DemandMetrics), c => c.Metric, ct);
        var newPostings = demand.GetValueOrDefault(StatMetrics.NewPostings).Value;
        var newHeadcount = demand.GetValueOrDefault(StatMetrics.NewHeadcount).Value;
        var open = demand.GetValueOrDefault(StatMetrics.OpenPostings).Value;
        var headcount = demand.GetValueOrDefault(StatMetrics.OpenHeadcount).Value;
        var seekers = (int)await SumAsync(Supply(q, StatMetrics.Seekers, q.Scope.SeekerScope), ct);
        var shownSeekers = KAnonymity.IsSmall(seekers, K) ? Shown.Hidden : Shown.Of(seekers);
        var offered = await HistogramAsync(Demand(q, StatMetrics.OfferedSalary), ct);
        var expected = await HistogramAsync(Supply(q, StatMetrics.ExpectedSalary, q.Scope.SeekerScope), ct);
        return new SupplyDemand(q, newPostings, newHeadcount, open, headcount, shownSeekers, RatioOf(headcount, shownSeekers),
            Percentiles(offered, hide: false), Percentiles(expected, hide: KAnonymity.IsSmall((int)expected.Values.Sum(), K)));
    }

    /// <summary>求人倍率 by the cities of the scope, by function or by education; the seekers column adds up to the headline, so it is complemented.</summary>
    public async Task<IReadOnlyList<RatioRow>> RatioByAsync(StatQuery q, StatDimension by, CancellationToken ct)
    {
        List<(string Key, string Label, double Headcount, int Seekers)> rows;
        switch (by)
        {
            case StatDimension.City:
            {
                var demand = await GroupAsync(Demand(q, StatMetrics.OpenHeadcount), c => c.Scope, ct);
                var supply = await GroupAsync(Supply(q, StatMetrics.Seekers, q.Scope.Cities.ToArray()), c => c.Scope, ct);
                rows = q.Scope.Cities.Select(code => (code, cities.GetByCode(code).Name, demand.GetValueOrDefault(code).Value,
                    (int)supply.GetValueOrDefault(code).Value)).ToList();
                break;
            }

            case StatDimension.Function:
            {
                var demand = await GroupAsync(Demand(q, StatMetrics.OpenHeadcount), c => c.Function, ct);
                var supply = await GroupAsync(Supply(q, StatMetrics.Seekers, q.Scope.SeekerScope), c => c.Function, ct);
                rows = demand.Keys.Union(supply.Keys).OrderBy(k => k == "" ? 1 : 0).ThenBy(k => k, StringComparer.Ordinal)
                    .Select(k => (k, FunctionLabel(k), demand.GetValueOrDefault(k).Value, (int)supply.GetValueOrDefault(k).Value)).ToList();
                break;
            }

            default:
            {
                var demand = await GroupAsync(Demand(q, StatMetrics.OpenHeadcount), c => c.Education, ct);
                var supply = await GroupAsync(Supply(q, StatMetrics.Seekers, q.Scope.SeekerScope), c => c.Education, ct);
                rows = EducationLevels.InOrder.Select(e => (EducationCode(e), e.Label(), demand.GetValueOrDefault((int)e).Value, (int)supply.GetValueOrDefault((int)e).Value))
                    .Where(r => r.Item3 > 0 || r.Item4 > 0).ToList();
                break;
            }
        }

        var hidden = KAnonymity.Suppress(rows.Select(r => r.Seekers).ToArray(), K, totalShown: true);
        return rows.Select((r, i) =>
        {
            var seekers = hidden[i] ? Shown.Hidden : Shown.Of(r.Seekers);
            return new RatioRow(r.Key, r.Label, r.Headcount, seekers, RatioOf(r.Headcount, seekers));
        }).ToList();
    }

    /// <summary>求人倍率 for each city of the scope (rows) × each function or education (columns).</summary>
    public async Task<StatMatrix> RatioMatrixAsync(StatQuery q, StatDimension columns, CancellationToken ct)
    {
        var byEducation = columns == StatDimension.Education;
        Expression<Func<StatCell, string>> column = byEducation ? c => c.Education.ToString() : c => c.Function;
        var demand = await GroupAsync(Demand(q, StatMetrics.OpenHeadcount), c => c.Scope, column, ct);
        var supply = await GroupAsync(Supply(q, StatMetrics.Seekers, q.Scope.Cities.ToArray()), c => c.Scope, column, ct);
        var columnKeys = byEducation
            ? EducationLevels.InOrder.Select(e => ((int)e).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList()
            : demand.Keys.Select(k => k.Item2).Union(supply.Keys.Select(k => k.Item2)).OrderBy(k => k == "" ? 1 : 0).ThenBy(k => k, StringComparer.Ordinal).ToList();
        var rowKeys = q.Scope.Cities.ToList();
        var counts = new int[rowKeys.Count, columnKeys.Count];
        for (var r = 0; r < rowKeys.Count; r++)
        {
            for (var c = 0; c < columnKeys.Count; c++)
            {
                counts[r, c] = (int)supply.GetValueOrDefault((rowKeys[r], columnKeys[c])).Value;
            }
        }

        var hidden = KAnonymity.Suppress(counts, K, rowTotalsShown: true, columnTotalsShown: true);
        var cells = rowKeys.Select((row, r) => (IReadOnlyList<Shown>)columnKeys.Select((col, c) =>
            RatioOf(demand.GetValueOrDefault((row, col)).Value, hidden[r, c] ? Shown.Hidden : Shown.Of(counts[r, c]))).ToList()).ToList();
        var columnLabels = columnKeys.Select(k => new StatLabel(k, byEducation ? ((EducationLevel)int.Parse(k, System.Globalization.CultureInfo.InvariantCulture)).Label() : FunctionLabel(k)));
        return new StatMatrix(rowKeys.Select(k => new StatLabel(k, cities.GetByCode(k).Name)).ToList(), columnLabels.ToList(), cells);
    }

    /// <summary>School city (rows, 未知 last) → preferred or applied-to city (columns, the scope's cities): numbers of job seekers.</summary>
    public async Task<StatMatrix> FlowsAsync(StatQuery q, FlowKind kind, CancellationToken ct)
    {
        var metric = kind == FlowKind.Preference ? StatMetrics.PreferenceFlow : StatMetrics.ApplicationFlow;
        var query = db.StatCells.AsNoTracking().Where(c => c.Period == q.Period.Key && c.Metric == metric && q.Scope.Cities.Contains(c.Scope));
        if (q.Education is { } e)
        {
            query = query.Where(c => c.Education == (int)e);
        }

        var flows = await GroupAsync(query, c => c.Target, c => c.Scope, ct);
        var columnKeys = q.Scope.Cities.ToList();
        var rowKeys = cities.DefaultRegion.Cities.Select(c => c.Code).Union(flows.Keys.Select(k => k.Item1).Where(k => k != "").OrderBy(k => k, StringComparer.Ordinal))
            .Append("").ToList();
        var counts = new int[rowKeys.Count, columnKeys.Count];
        for (var r = 0; r < rowKeys.Count; r++)
        {
            for (var c = 0; c < columnKeys.Count; c++)
            {
                counts[r, c] = (int)flows.GetValueOrDefault((rowKeys[r], columnKeys[c])).Seekers;
            }
        }

        var hidden = KAnonymity.Suppress(counts, K, rowTotalsShown: false, columnTotalsShown: true);
        var cells = rowKeys.Select((_, r) => (IReadOnlyList<Shown>)columnKeys.Select((_, c) => hidden[r, c] ? Shown.Hidden : Shown.Of(counts[r, c])).ToList()).ToList();
        return new StatMatrix(rowKeys.Select(k => new StatLabel(k, k == "" ? SchoolCities.UnknownLabel : cities.FindByCode(k)?.Name ?? k)).ToList(),
            columnKeys.Select(k => new StatLabel(k, cities.GetByCode(k).Name)).ToList(), cells);
    }

    private static double? Ratio(double headcount, int seekers) => seekers > 0 ? Math.Round(headcount / seekers, 2, MidpointRounding.AwayFromZero) : null;

    private static Shown RatioOf(double headcount, Shown seekers) =>
        seekers.Withheld ? Shown.Hidden : Shown.Of(Ratio(headcount, (int)(seekers.Value ?? 0)));

    private static SalaryRange Percentiles(Dictionary<int, double> histogram, bool hide) => hide
        ? new SalaryRange(Shown.Hidden, Shown.Hidden, Shown.Hidden)
        : new SalaryRange(Shown.Of(Round(SalaryBuckets.Percentile(histogram, 0.25))), Shown.Of(Round(SalaryBuckets.Percentile(histogram, 0.5))),
            Shown.Of(Round(SalaryBuckets.Percentile(histogram, 0.75))));

    private static double? Round(double? value) => value is { } v ? Math.Round(v) : null;

    internal static string FunctionLabel(string code) => code == "" ? "未分类" : Taxonomy.JobFunctions.ByCode(code)?.Name ?? code;

    private static string EducationCode(EducationLevel level) => ((int)level).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
