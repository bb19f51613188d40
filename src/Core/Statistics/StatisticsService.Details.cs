using System.Globalization;
using System.Linq.Expressions;
using Jobs.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace Jobs.Core.Statistics;

public sealed partial class StatisticsService
{
    // Named in full (not by prefix) so the query is an IN list the (Period, Metric, Scope) index serves.
    private static readonly string[] FairMetrics =
        [StatMetrics.FairRegistrations, StatMetrics.FairCheckIns, StatMetrics.FairBooths, StatMetrics.FairOtherCityBooths];

    private static readonly string[] FeedMetrics = [StatMetrics.FeedRuns, StatMetrics.FeedRows, StatMetrics.FeedRejected, StatMetrics.FeedLastSuccess];

    /// <summary>Applications submitted in the period and what became of them, as a whole (key "") and by city, function or education.</summary>
    public async Task<IReadOnlyList<FunnelRow>> FunnelAsync(StatQuery q, StatDimension by, CancellationToken ct)
    {
        var function = q.Function ?? StatAny.Function;
        var education = q.Education is { } e ? (int)e : StatAny.Education;
        var query = db.StatCells.AsNoTracking().Where(c => c.Period == q.Period.Key);
        query = by switch
        {
            StatDimension.City => query.Where(c => q.Scope.Cities.Contains(c.Scope) && c.Function == function && c.Education == education),
            StatDimension.Function => query.Where(c => c.Scope == q.Scope.SeekerScope && c.Function != StatAny.Function && c.Education == education),
            _ => query.Where(c => c.Scope == q.Scope.SeekerScope && c.Function == function && c.Education != StatAny.Education),
        };
        Expression<Func<StatCell, string>> key = by switch
        {
            StatDimension.City => c => c.Scope,
            StatDimension.Function => c => c.Function,
            _ => c => c.Education.ToString(),
        };
        var total = db.StatCells.AsNoTracking().Where(c => c.Period == q.Period.Key && c.Scope == q.Scope.SeekerScope && c.Function == function && c.Education == education);

        string[] metrics = [StatMetrics.Applications, StatMetrics.Interviews, StatMetrics.Offers, StatMetrics.Responded, StatMetrics.ResponseHours];
        var parts = new Dictionary<string, Dictionary<string, Agg>>();
        var totals = new Dictionary<string, Agg>();
        foreach (var metric in metrics)
        {
            parts[metric] = await GroupAsync(query.Where(c => c.Metric == metric), key, ct);
            totals[metric] = (await GroupAsync(total.Where(c => c.Metric == metric), c => c.Metric, ct)).GetValueOrDefault(metric);
        }

        var keys = by switch
        {
            StatDimension.City => q.Scope.Cities.ToList(),
            StatDimension.Education => EducationLevels.InOrder.Select(l => ((int)l).ToString(CultureInfo.InvariantCulture))
                .Where(k => parts[StatMetrics.Applications].ContainsKey(k)).ToList(),
            _ => parts[StatMetrics.Applications].Keys.OrderBy(k => k == "" ? 1 : 0).ThenBy(k => k, StringComparer.Ordinal).ToList(),
        };

        // Each column adds up to the total row, so each is complemented on its own.
        var columns = metrics.ToDictionary(m => m, m =>
        {
            var seekers = keys.Select(k => parts[m].GetValueOrDefault(k).Seekers).ToArray();
            return KAnonymity.Suppress(seekers.Select(s => (int)s).ToArray(), K, totalShown: true);
        });

        Shown Cell(string metric, int i, string k) => columns[metric][i] ? Shown.Hidden : Shown.Of(parts[metric].GetValueOrDefault(k).Value);
        var rows = new List<FunnelRow> { Row("", "合计", m => KAnonymity.IsSmall((int)totals[m].Seekers, K) ? Shown.Hidden : Shown.Of(totals[m].Value)) };
        rows.AddRange(keys.Select((k, i) => Row(k, by switch
        {
            StatDimension.City => cities.GetByCode(k).Name,
            StatDimension.Function => FunctionLabel(k),
            _ => ((EducationLevel)int.Parse(k, CultureInfo.InvariantCulture)).Label(),
        }, m => Cell(m, i, k))));
        return rows;

        static FunnelRow Row(string key, string label, Func<string, Shown> get)
        {
            var responded = get(StatMetrics.Responded);
            var hours = get(StatMetrics.ResponseHours);
            var days = responded.Withheld || hours.Withheld || responded.Value is not > 0 ? Shown.Hidden : Shown.Of(Math.Round(hours.Value!.Value / responded.Value.Value / 24, 1));
            return new FunnelRow(key, label, get(StatMetrics.Applications), get(StatMetrics.Interviews), get(StatMetrics.Offers), days);
        }
    }

    /// <summary>For each graduation cohort (届别) with résumés by the period's end: how many, and the share with an offer.</summary>
    public async Task<IReadOnlyList<CohortRow>> CohortsAsync(StatQuery q, CancellationToken ct)
    {
        var seekers = await GroupAsync(Supply(q, StatMetrics.CohortSeekers, q.Scope.SeekerScope), c => c.Target, ct);
        var placed = await GroupAsync(Supply(q, StatMetrics.CohortPlaced, q.Scope.SeekerScope), c => c.Target, ct);
        var keys = seekers.Keys.OrderByDescending(k => k, StringComparer.Ordinal).ToList();
        // Cohorts share no total on the page, so only the cells resting on fewer than k are withheld.
        return keys.Select(k =>
        {
            var all = seekers[k];
            var done = placed.GetValueOrDefault(k);
            var hideAll = KAnonymity.IsSmall((int)all.Seekers, K);
            var hidePlaced = hideAll || KAnonymity.IsSmall((int)done.Seekers, K) || KAnonymity.IsSmall((int)(all.Seekers - done.Seekers), K);
            return new CohortRow(int.Parse(k, CultureInfo.InvariantCulture), hideAll ? Shown.Hidden : Shown.Of(all.Value),
                hidePlaced ? Shown.Hidden : Shown.Of(done.Value), hidePlaced ? Shown.Hidden : Shown.Of(Math.Round(done.Value / all.Value, 3)));
        }).ToList();
    }

    /// <summary>The fairs held in the period in the scope's cities.</summary>
    public async Task<IReadOnlyList<FairStat>> FairsAsync(StatQuery q, CancellationToken ct)
    {
        var cells = await db.StatCells.AsNoTracking()
            .Where(c => c.Period == q.Period.Key && FairMetrics.Contains(c.Metric) && q.Scope.Cities.Contains(c.Scope))
            .Select(c => new { c.Metric, c.Target, c.Scope, c.Value, c.Seekers }).ToListAsync(ct);
        var ids = cells.Select(c => long.Parse(c.Target, CultureInfo.InvariantCulture)).Distinct().ToList();
        var fairs = await db.Fairs.AsNoTracking().Where(f => ids.Contains(f.Id))
            .Select(f => new { f.Id, f.Title, f.SeasonId, f.StartsAt }).ToDictionaryAsync(f => f.Id, ct);
        var seasonIds = fairs.Values.Where(f => f.SeasonId != null).Select(f => f.SeasonId!.Value).Distinct().ToList();
        var seasons = await db.FairSeasons.AsNoTracking().Where(s => seasonIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return cells.GroupBy(c => c.Target).Select(g =>
        {
            var id = long.Parse(g.Key, CultureInfo.InvariantCulture);
            var fair = fairs.GetValueOrDefault(id);
            double V(string m) => g.Where(c => c.Metric == m).Sum(c => c.Value);
            Shown People(string m) => KAnonymity.IsSmall(g.Where(c => c.Metric == m).Sum(c => c.Seekers), K) ? Shown.Hidden : Shown.Of(V(m));
            return (Starts: fair?.StartsAt ?? DateTime.MinValue, Stat: new FairStat(id, fair?.Title ?? $"#{id}", cities.FindByCode(g.First().Scope)?.Name ?? g.First().Scope,
                fair?.SeasonId is { } s ? seasons.GetValueOrDefault(s) : null, V(StatMetrics.FairBooths), V(StatMetrics.FairOtherCityBooths),
                People(StatMetrics.FairRegistrations), People(StatMetrics.FairCheckIns)));
        }).OrderBy(f => f.Starts).Select(f => f.Stat).ToList();
    }

    /// <summary>The city feeds' runs in the period: rows read, share rejected, last successful import.</summary>
    public async Task<IReadOnlyList<FeedStat>> FeedsAsync(StatQuery q, CancellationToken ct)
    {
        var cells = await db.StatCells.AsNoTracking()
            .Where(c => c.Period == q.Period.Key && FeedMetrics.Contains(c.Metric) && q.Scope.Cities.Contains(c.Scope))
            .Select(c => new { c.Metric, c.Scope, c.Value }).ToListAsync(ct);
        return cells.GroupBy(c => c.Scope).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            double V(string m) => g.Where(c => c.Metric == m).Sum(c => c.Value);
            var last = V(StatMetrics.FeedLastSuccess);
            return new FeedStat(g.Key, cities.FindByCode(g.Key)?.Name ?? g.Key, V(StatMetrics.FeedRuns), V(StatMetrics.FeedRows), V(StatMetrics.FeedRejected),
                last > 0 ? DateTimeOffset.FromUnixTimeSeconds((long)last).UtcDateTime : null);
        }).ToList();
    }

    /// <summary>The <paramref name="count"/> periods up to the query's, oldest first: demand headcount, seekers and their ratio.</summary>
    public async Task<IReadOnlyList<TrendPoint>> TrendAsync(StatQuery q, int count, CancellationToken ct)
    {
        var points = new List<TrendPoint>(count);
        for (var i = count - 1; i >= 0; i--)
        {
            var at = q.At(q.Period.Shift(-i));
            var headcount = await SumAsync(Demand(at, StatMetrics.OpenHeadcount), ct);
            var seekers = (int)await SumAsync(Supply(at, StatMetrics.Seekers, at.Scope.SeekerScope), ct);
            var shown = KAnonymity.IsSmall(seekers, K) ? Shown.Hidden : Shown.Of(seekers);
            points.Add(new TrendPoint(at.Period, headcount, shown, RatioOf(headcount, shown)));
        }

        return points;
    }

    private static readonly string[] DemandMetrics = [StatMetrics.NewPostings, StatMetrics.NewHeadcount, StatMetrics.OpenPostings, StatMetrics.OpenHeadcount];

    private IQueryable<StatCell> Demand(StatQuery q, string metric) =>
        Filtered(q, db.StatCells.AsNoTracking().Where(c => c.Period == q.Period.Key && c.Metric == metric && q.Scope.Cities.Contains(c.Scope)));

    private IQueryable<StatCell> Demand(StatQuery q, string[] metrics) =>
        Filtered(q, db.StatCells.AsNoTracking().Where(c => c.Period == q.Period.Key && metrics.Contains(c.Metric) && q.Scope.Cities.Contains(c.Scope)));

    private static IQueryable<StatCell> Filtered(StatQuery q, IQueryable<StatCell> query)
    {
        if (q.Function is { } f)
        {
            query = query.Where(c => c.Function == f);
        }

        if (q.Industry is { } i)
        {
            query = query.Where(c => c.Industry == i);
        }

        if (q.Education is { } e)
        {
            query = query.Where(c => c.Education == (int)e);
        }

        if (q.Type is { } t)
        {
            query = query.Where(c => c.PostingType == (int)t);
        }

        return query;
    }

    private IQueryable<StatCell> Supply(StatQuery q, string metric, params string[] scopes)
    {
        var query = db.StatCells.AsNoTracking().Where(c => c.Period == q.Period.Key && c.Metric == metric);
        query = scopes.Length == 1 ? query.Where(c => c.Scope == scopes[0]) : query.Where(c => scopes.Contains(c.Scope));
        if (q.Function is { } f)
        {
            query = query.Where(c => c.Function == f);
        }

        if (q.Education is { } e)
        {
            query = query.Where(c => c.Education == (int)e);
        }

        return query;
    }

    private static async Task<double> SumAsync(IQueryable<StatCell> query, CancellationToken ct) =>
        await query.SumAsync(c => (double?)c.Value, ct) ?? 0;

    private static async Task<Dictionary<int, double>> HistogramAsync(IQueryable<StatCell> query, CancellationToken ct) =>
        await query.GroupBy(c => c.Bucket).Select(g => new { g.Key, Value = g.Sum(c => c.Value) }).ToDictionaryAsync(g => g.Key, g => g.Value, ct);

    private static async Task<Dictionary<TKey, Agg>> GroupAsync<TKey>(IQueryable<StatCell> query, Expression<Func<StatCell, TKey>> key, CancellationToken ct)
        where TKey : notnull =>
        await query.GroupBy(key).Select(g => new { g.Key, Value = g.Sum(c => c.Value), Seekers = g.Sum(c => c.Seekers) })
            .ToDictionaryAsync(g => g.Key, g => new Agg(g.Value, g.Seekers), ct);

    private static async Task<Dictionary<(string, string), Agg>> GroupAsync(IQueryable<StatCell> query, Expression<Func<StatCell, string>> first,
        Expression<Func<StatCell, string>> second, CancellationToken ct)
    {
        // Two keys as one composite expression: EF groups by an anonymous type, which needs the two members spelled out.
        var p = Expression.Parameter(typeof(StatCell), "c");
        var a = new ExpressionReplacer(first.Parameters[0], p).Visit(first.Body);
        var b = new ExpressionReplacer(second.Parameters[0], p).Visit(second.Body);
        var ctor = typeof(KeyPair).GetConstructors()[0];
        var pair = Expression.Lambda<Func<StatCell, KeyPair>>(Expression.MemberInit(Expression.New(typeof(KeyPair)),
            Expression.Bind(typeof(KeyPair).GetProperty(nameof(KeyPair.A))!, a), Expression.Bind(typeof(KeyPair).GetProperty(nameof(KeyPair.B))!, b)), p);
        _ = ctor;
        var rows = await query.GroupBy(pair).Select(g => new { g.Key.A, g.Key.B, Value = g.Sum(c => c.Value), Seekers = g.Sum(c => c.Seekers) }).ToListAsync(ct);
        return rows.ToDictionary(r => (r.A, r.B), r => new Agg(r.Value, r.Seekers));
    }

    /// <summary>Summed value, and summed seekers (exact where the grouped cells hold distinct seekers, as the snapshot stores them).</summary>
    private readonly record struct Agg(double Value, double Seekers);

    private sealed class KeyPair
    {
        public string A { get; set; } = "";

        public string B { get; set; } = "";
    }

    private sealed class ExpressionReplacer(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
