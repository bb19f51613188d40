using Jobs.Api.Infrastructure;
using Jobs.Core.Accounts;
using Jobs.Core.Common;
using Jobs.Core.Statistics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Jobs.Api.Statistics;

/// <summary>Query string of every statistics endpoint; see <see cref="StatRequest"/> for the period and filter rules.</summary>
public sealed record StatsParameters(
    string? Period,
    string? Quarter,
    string? From,
    string? To,
    string? City,
    string? Region,
    string? Function,
    string? Industry,
    string? Education,
    string? Type,
    string? By,
    string? Kind)
{
    public StatRequest ToRequest() => new(Period, Quarter, From, To, City, Region, Function, Industry, Education, Type);
}

public sealed record PeriodFigures(
    string Period, string Label, double NewPostings, double NewHeadcount, double OpenPostings, double OpenHeadcount, Shown Seekers, Shown Ratio,
    SalaryRange Offered, SalaryRange Expected)
{
    public static PeriodFigures From(SupplyDemand s) => new(s.Query.Period.Key, s.Query.Period.Label, s.NewPostings, s.NewHeadcount, s.OpenPostings,
        s.OpenHeadcount, s.Seekers, s.Ratio, s.Offered, s.Expected);
}

public sealed record SupplyDemandResponse(string Scope, string ScopeLabel, PeriodFigures Current, PeriodFigures Previous);

public sealed record TableResponse<T>(string Period, string Scope, IReadOnlyList<T> Rows);

public sealed record MatrixResponse(string Period, string Scope, IReadOnlyList<StatLabel> Rows, IReadOnlyList<StatLabel> Columns, IReadOnlyList<IReadOnlyList<Shown>> Cells);

public sealed record ReportResponse(string Period, string Scope, IReadOnlyList<string> Sentences, PeriodFigures Current, PeriodFigures Previous,
    IReadOnlyList<RatioRow> ByCity, IReadOnlyList<RatioRow>? ByEducation, IReadOnlyList<RatioRow>? ByFunction, IReadOnlyList<TrendPoint> Trend);

/// <summary>
/// <c>/api/stats/…</c>: the statistics from the snapshot. Circle- and city-level figures are public; breakdowns by function,
/// industry, education and posting type, the funnel, cohorts and feeds are for organisers and admins. Figures resting on
/// fewer than five job seekers come back as <c>{"value": null, "withheld": true}</c>.
/// </summary>
public static class StatisticsEndpoints
{
    public static RouteGroupBuilder MapStatisticsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/stats").WithTags("Statistics");
        group.MapGet("/supply-demand", SupplyDemandAsync).ProducesProblems(400, 403).WithSummary("Demand, job seekers, 求人倍率 and pay, with the previous period");
        group.MapGet("/ratio", RatioAsync).ProducesProblems(400, 403).WithSummary("求人倍率 by city (public), by function or education (organisers, admins)");
        group.MapGet("/trend", TrendAsync).ProducesProblems(400, 403).WithSummary("The last six periods of demand, job seekers and 求人倍率");
        group.MapGet("/flows", FlowsAsync).ProducesProblems(400, 403).WithSummary("School city → preferred (kind=preference) or applied-to (kind=applications) city");
        group.MapGet("/fairs", FairsAsync).ProducesProblems(400, 403).WithSummary("Fairs held in the period: registrations, check-ins, booths, other-city share");
        group.MapGet("/report", ReportAsync).ProducesProblems(400, 403).WithSummary("The quarterly supply-and-demand analysis of a city or the circle");

        var detail = group.MapGroup("").RequireAuthorization(p => p.RequireRole(Roles.Organiser, Roles.Admin));
        detail.MapGet("/ratio-matrix", RatioMatrixAsync).ProducesProblems(400, 401, 403).WithSummary("求人倍率 by city × function or city × education");
        detail.MapGet("/funnel", FunnelAsync).ProducesProblems(400, 401, 403).WithSummary("Applications, interviews, offers and days to first response");
        detail.MapGet("/cohorts", CohortsAsync).ProducesProblems(400, 401, 403).WithSummary("Share of each graduation cohort (届别) with an offer");
        detail.MapGet("/feeds", FeedsAsync).ProducesProblems(400, 401, 403).WithSummary("City feeds: runs, rows, rejection rate, last success");
        return group;
    }

    private static async Task<Results<Ok<T>, ValidationProblem, ProblemHttpResult>> RunAsync<T>(StatsParameters p, HttpContext http, StatisticsService stats,
        TimeProvider clock, Func<StatQuery, bool, Task<Results<Ok<T>, ValidationProblem, ProblemHttpResult>>> body, CancellationToken ct)
    {
        var request = p.ToRequest();
        var details = StatRequest.MaySeeDetails(http.User.ToActor());
        if (request.HasDetailFilters && !details)
        {
            return Forbidden();
        }

        var query = request.TryParse(stats.Cities, await stats.DefaultQuarterAsync(clock, ct), out var errors);
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors, detail: "统计请求中有参数无法识别", title: "One or more validation errors occurred.");
        }

        return await body(query, details);
    }

    private static ProblemHttpResult Forbidden() =>
        TypedResults.Problem("按职能、行业、学历和职位类型的细分统计仅向组织方和管理员开放", statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, detail: "统计请求中有参数无法识别",
            title: "One or more validation errors occurred.");

    private static bool TryDimension(string? by, StatDimension fallback, out StatDimension dimension)
    {
        dimension = fallback;
        return string.IsNullOrWhiteSpace(by) || Enum.TryParse(by.Trim(), ignoreCase: true, out dimension) && Enum.IsDefined(dimension) && !int.TryParse(by, System.Globalization.CultureInfo.InvariantCulture, out int _);
    }

    private const string DimensionError = "by 只能是 city、function 或 education";

    internal static Task<Results<Ok<SupplyDemandResponse>, ValidationProblem, ProblemHttpResult>> SupplyDemandAsync(
        [AsParameters] StatsParameters p, HttpContext http, StatisticsService stats, TimeProvider clock, CancellationToken ct) =>
        RunAsync<SupplyDemandResponse>(p, http, stats, clock, async (q, _) =>
        {
            var current = await stats.SupplyDemandAsync(q, ct);
            var previous = await stats.SupplyDemandAsync(q.At(q.Period.Previous), ct);
            return TypedResults.Ok(new SupplyDemandResponse(q.Scope.Code, q.Scope.Label, PeriodFigures.From(current), PeriodFigures.From(previous)));
        }, ct);

    internal static Task<Results<Ok<TableResponse<RatioRow>>, ValidationProblem, ProblemHttpResult>> RatioAsync(
        [AsParameters] StatsParameters p, HttpContext http, StatisticsService stats, TimeProvider clock, CancellationToken ct) =>
        RunAsync<TableResponse<RatioRow>>(p, http, stats, clock, async (q, details) =>
        {
            if (!TryDimension(p.By, StatDimension.City, out var by))
            {
                return Invalid("by", DimensionError);
            }

            if (by != StatDimension.City && !details)
            {
                return Forbidden();
            }

            return TypedResults.Ok(new TableResponse<RatioRow>(q.Period.Key, q.Scope.Code, await stats.RatioByAsync(q, by, ct)));
        }, ct);

    internal static Task<Results<Ok<TableResponse<TrendPoint>>, ValidationProblem, ProblemHttpResult>> TrendAsync(
        [AsParameters] StatsParameters p, HttpContext http, StatisticsService stats, TimeProvider clock, CancellationToken ct) =>
        RunAsync<TableResponse<TrendPoint>>(p, http, stats, clock,
            async (q, _) => TypedResults.Ok(new TableResponse<TrendPoint>(q.Period.Key, q.Scope.Code, await stats.TrendAsync(q, 6, ct))), ct);

    internal static Task<Results<Ok<MatrixResponse>, ValidationProblem, ProblemHttpResult>> FlowsAsync(
        [AsParameters] StatsParameters p, HttpContext http, StatisticsService stats, TimeProvider clock, CancellationToken ct) =>
        RunAsync<MatrixResponse>(p, http, stats, clock, async (q, _) =>
        {
            FlowKind kind;
            if (string.IsNullOrWhiteSpace(p.Kind))
            {
                kind = FlowKind.Preference;
            }
            else if (!Enum.TryParse(p.Kind.Trim(), ignoreCase: true, out kind) || !Enum.IsDefined(kind) || int.TryParse(p.Kind, System.Globalization.CultureInfo.InvariantCulture, out int _))
            {
                return Invalid("kind", "kind 只能是 preference（意向城市）或 applications（投递城市）");
            }

            var m = await stats.FlowsAsync(q, kind, ct);
            return TypedResults.Ok(new MatrixResponse(q.Period.Key, q.Scope.Code, m.Rows, m.Columns, m.Cells));
        }, ct);

    internal static Task<Results<Ok<TableResponse<FairStat>>, ValidationProblem, ProblemHttpResult>> FairsAsync(
        [AsParameters] StatsParameters p, HttpContext http, StatisticsService stats, TimeProvider clock, CancellationToken ct) =>
        RunAsync<TableResponse<FairStat>>(p, http, stats, clock,
            async (q, _) => TypedResults.Ok(new TableResponse<FairStat>(q.Period.Key, q.Scope.Code, await stats.FairsAsync(q, ct))), ct);

    internal static Task<Results<Ok<ReportResponse>, ValidationProblem, ProblemHttpResult>> ReportAsync(
        [AsParameters] StatsParameters p, HttpContext http, StatisticsService stats, TimeProvider clock, CancellationToken ct) =>
        RunAsync<ReportResponse>(p, http, stats, clock, async (q, details) =>
        {
            var r = await QuarterlyReport.BuildAsync(stats, q, details, ct);
            return TypedResults.Ok(new ReportResponse(q.Period.Key, q.Scope.Code, r.Sentences, PeriodFigures.From(r.Current), PeriodFigures.From(r.Previous),
                r.ByCity, r.ByEducation, r.ByFunction, r.Trend));
        }, ct);

    internal static Task<Results<Ok<MatrixResponse>, ValidationProblem, ProblemHttpResult>> RatioMatrixAsync(
        [AsParameters] StatsParameters p, HttpContext http, StatisticsService stats, TimeProvider clock, CancellationToken ct) =>
        RunAsync<MatrixResponse>(p, http, stats, clock, async (q, _) =>
        {
            if (!TryDimension(p.By, StatDimension.Education, out var by) || by == StatDimension.City)
            {
                return Invalid("by", "by 只能是 function 或 education");
            }

            var m = await stats.RatioMatrixAsync(q, by, ct);
            return TypedResults.Ok(new MatrixResponse(q.Period.Key, q.Scope.Code, m.Rows, m.Columns, m.Cells));
        }, ct);

    internal static Task<Results<Ok<TableResponse<FunnelRow>>, ValidationProblem, ProblemHttpResult>> FunnelAsync(
        [AsParameters] StatsParameters p, HttpContext http, StatisticsService stats, TimeProvider clock, CancellationToken ct) =>
        RunAsync<TableResponse<FunnelRow>>(p, http, stats, clock, async (q, _) => TryDimension(p.By, StatDimension.City, out var by)
            ? TypedResults.Ok(new TableResponse<FunnelRow>(q.Period.Key, q.Scope.Code, await stats.FunnelAsync(q, by, ct)))
            : Invalid("by", DimensionError), ct);

    internal static Task<Results<Ok<TableResponse<CohortRow>>, ValidationProblem, ProblemHttpResult>> CohortsAsync(
        [AsParameters] StatsParameters p, HttpContext http, StatisticsService stats, TimeProvider clock, CancellationToken ct) =>
        RunAsync<TableResponse<CohortRow>>(p, http, stats, clock,
            async (q, _) => TypedResults.Ok(new TableResponse<CohortRow>(q.Period.Key, q.Scope.Code, await stats.CohortsAsync(q, ct))), ct);

    internal static Task<Results<Ok<TableResponse<FeedStat>>, ValidationProblem, ProblemHttpResult>> FeedsAsync(
        [AsParameters] StatsParameters p, HttpContext http, StatisticsService stats, TimeProvider clock, CancellationToken ct) =>
        RunAsync<TableResponse<FeedStat>>(p, http, stats, clock,
            async (q, _) => TypedResults.Ok(new TableResponse<FeedStat>(q.Period.Key, q.Scope.Code, await stats.FeedsAsync(q, ct))), ct);
}
