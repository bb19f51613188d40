using Jobs.Api.Auth;
using Jobs.Api.Infrastructure;
using Jobs.Api.Postings;
using Jobs.Api.RateLimiting;
using Jobs.Core.Common;
using Jobs.Core.Fairs;
using Jobs.Core.Regions;
using Jobs.Search.Postings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobs.Api.Fairs;

/// <summary>Fairs and contests, seasons, and the search within a fair. Booths and attendees have their own files.</summary>
public static class FairEndpoints
{
    public static void MapFairEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/fairs").WithTags("Fairs");
        group.MapGet("/", ListAsync).ProducesProblems(400)
            .WithSummary("Published fairs (organisers also see drafts), by start; filters: city, region, from, to (yyyy-MM-dd), theme, kind, state, season");
        group.MapGet("/{id:long}", GetAsync).ProducesProblems(404).WithSummary("One fair with its live counts, and its report once held");
        group.MapPost("/", CreateAsync).RequireAuthorization().ProducesProblems(400, 401, 403).WithSummary("Create a draft fair (organisers of the host city, admins)");
        group.MapPut("/{id:long}", UpdateAsync).RequireAuthorization().ProducesProblems(400, 401, 403, 404, 409)
            .WithSummary("Replace a fair; once it is open only title, description, venue and themes may change");
        group.MapDelete("/{id:long}", DeleteAsync).RequireAuthorization().ProducesProblems(401, 403, 404, 409).WithSummary("Delete an unpublished draft");
        group.MapPost("/{id:long}/publish", PublishAsync).RequireAuthorization().ProducesProblems(401, 403, 404, 409)
            .WithSummary("Publish a draft; it opens for registration when its first window opens");
        group.MapGet("/{id:long}/postings", SearchPostingsAsync).RequireRateLimiting(RateLimitPolicies.Search).ProducesValidationProblem().ProducesProblems(404)
            .WithSummary("Search the postings the fair's exhibitors bring (same parameters and answer as /api/postings/search)");

        var seasons = group.MapGroup("/seasons").RequireAuthorization();
        seasons.MapPost("/proposal", ProposeSeasonAsync).ProducesProblems(400, 401, 403)
            .WithSummary("Propose host cities and dates for a season by the rotation rule; nothing is stored");
        seasons.MapPost("/", CreateSeasonAsync).ProducesProblems(400, 401, 403).WithSummary("Create a season's fairs as drafts from (edited) proposal slots");
        seasons.MapGet("/{id:long}", GetSeasonAsync).ProducesProblems(401, 404).WithSummary("A season and its fairs");

        group.MapBoothEndpoints();
        group.MapAttendeeEndpoints();
        app.MapMyFairEndpoints();
    }

    internal static async Task<Results<Ok<PagedResult<FairResponse>>, ValidationProblem>> ListAsync(
        string? city, string? region, string? from, string? to, string? theme, string? kind, string? state, long? season, int? page, int? pageSize,
        HttpContext http, FairService fairs, CityDirectory cities, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        string? cityCode = null;
        if (!string.IsNullOrWhiteSpace(city))
        {
            cityCode = cities.Resolve(city)?.Code;
            if (cityCode is null)
            {
                errors.Add("city", $"未知城市“{city}”，可选：{cities.ValidNamesText}");
            }
        }

        string? regionCode = null;
        if (!string.IsNullOrWhiteSpace(region))
        {
            regionCode = cities.FindRegion(region.Trim())?.Code;
            if (regionCode is null)
            {
                errors.Add("region", $"未知区域“{region}”");
            }
        }

        var fromDate = FairRules.ParseDate(from, "from", errors);
        var toDate = FairRules.ParseDate(to, "to", errors);
        if (fromDate > toDate)
        {
            errors.Add("to", "结束日期不能早于开始日期");
        }

        FairKind? kindValue = kind?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "fair" => FairKind.Fair,
            "contest" => FairKind.Contest,
            _ => Invalid<FairKind>(errors, "kind", "kind 应为 fair 或 contest"),
        };
        FairState? stateValue = null;
        if (!string.IsNullOrWhiteSpace(state))
        {
            if (Enum.TryParse<FairState>(state.Trim(), ignoreCase: true, out var s) && !int.TryParse(state, out _))
            {
                stateValue = s;
            }
            else
            {
                errors.Add("state", "state 应为 draft、open、closed、held 或 archived");
            }
        }

        var paging = PageRequest.Create(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return ServiceResults.Validation(errors);
        }

        var result = await fairs.ListAsync(http.User.ToActor(), new FairListQuery(cityCode, regionCode, fromDate, toDate,
            string.IsNullOrWhiteSpace(theme) ? null : theme.Trim(), kindValue, stateValue, season), paging, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(new PagedResult<FairResponse>(result.Total, result.Page, result.PageSize,
            result.Items.Select(f => FairResponse.From(f, cities, now)).ToArray()));
    }

    internal static async Task<Results<Ok<FairResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(long id, HttpContext http, FairService fairs,
        CityDirectory cities, TimeProvider clock, CancellationToken cancellationToken) =>
        (await fairs.GetAsync(http.User.ToActor(), id, cancellationToken)).ToOk(v => FairResponse.From(v.Fair, cities, clock.GetUtcNow().UtcDateTime, v.Counts));

    internal static async Task<Results<Created<FairResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(FairRequest request, HttpContext http,
        FairService fairs, CityDirectory cities, TimeProvider clock, CancellationToken cancellationToken) =>
        (await fairs.CreateAsync(http.User.ToActor(), request.ToDraft(), cancellationToken))
        .ToCreated(v => FairResponse.From(v.Fair, cities, clock.GetUtcNow().UtcDateTime, v.Counts), f => $"/api/fairs/{f.Id}");

    internal static async Task<Results<Ok<FairResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(long id, FairRequest request, HttpContext http,
        FairService fairs, CityDirectory cities, TimeProvider clock, CancellationToken cancellationToken) =>
        (await fairs.UpdateAsync(http.User.ToActor(), id, request.ToDraft(), cancellationToken))
        .ToOk(v => FairResponse.From(v.Fair, cities, clock.GetUtcNow().UtcDateTime, v.Counts));

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, HttpContext http, FairService fairs, CancellationToken cancellationToken)
    {
        var result = await fairs.DeleteAsync(http.User.ToActor(), id, cancellationToken);
        return result.Status == ServiceStatus.Ok ? TypedResults.NoContent() : ServiceResults.Problem(result.Status, result.Message);
    }

    internal static async Task<Results<Ok<FairResponse>, ValidationProblem, ProblemHttpResult>> PublishAsync(long id, HttpContext http, FairService fairs,
        CityDirectory cities, TimeProvider clock, CancellationToken cancellationToken) =>
        (await fairs.PublishAsync(http.User.ToActor(), id, cancellationToken))
        .ToOk(v => FairResponse.From(v.Fair, cities, clock.GetUtcNow().UtcDateTime, v.Counts));

    internal static async Task<Results<Ok<PostingSearchResponse>, ValidationProblem, ProblemHttpResult>> SearchPostingsAsync(long id,
        string? q, string[]? city, string? district, string? category, string? education, int? salaryMin, int? salaryMax,
        string? experience, int? postedWithinDays, long? employerId, string? sort, int? page, int? pageSize, string? cursor,
        HttpContext http, FairService fairs, BoothService booths, PostingSearchService search, CityDirectory cities, CancellationToken cancellationToken)
    {
        var fair = await fairs.GetAsync(http.User.ToActor(), id, cancellationToken);
        if (fair.Status != ServiceStatus.Ok)
        {
            return ServiceResults.Problem(fair.Status, fair.Message);
        }

        var errors = new ValidationErrors();
        var paging = SearchParameters.Paging(page, pageSize, cursor, sort, errors, out var sortValue);
        var filters = PostingSearchFilters.ParseFilters(q, city, district, category, education, salaryMin, salaryMax, experience, postedWithinDays,
            employerId, cities, errors);
        if (!errors.IsEmpty)
        {
            return ServiceResults.Validation(errors);
        }

        var exhibited = await booths.ExhibitedPostingIdsAsync(id, cancellationToken);
        var result = await search.SearchAsync(filters with
        {
            OnlyIds = exhibited,
            Page = paging.Page,
            PageSize = paging.PageSize,
            Cursor = paging.Cursor,
            Sort = sortValue,
        }, cancellationToken);
        return TypedResults.Ok(PostingSearchEndpoints.ToResponse(result, cities));
    }

    internal static async Task<Results<Ok<SeasonProposalResponse>, ValidationProblem, ProblemHttpResult>> ProposeSeasonAsync(SeasonProposalRequest request,
        HttpContext http, SeasonService seasons, CityDirectory cities, CancellationToken cancellationToken)
    {
        var result = await seasons.ProposeAsync(http.User.ToActor(),
            new SeasonProposalDraft(request.Region, request.Kind, request.From, request.To, request.Count, request.AvoidDates, request.HostCities,
                request.PreviousHost), cancellationToken);
        return result.ToOk(p => new SeasonProposalResponse(
            p.Region.Code,
            p.Kind.Wire(),
            p.Request.From,
            p.Request.To,
            p.Request.Count,
            p.Request.HostCities,
            p.Request.PreviousHost,
            p.Plan.Slots.Select(s => new SeasonSlotResponse(s.Number, s.Date, s.HostCityCode, cities.FindByCode(s.HostCityCode)?.Name ?? s.HostCityCode)).ToArray(),
            p.Request.HostCities.Select(c => new HostCountResponse(c, cities.FindByCode(c)?.Name ?? c, p.Plan.Slots.Count(s => s.HostCityCode == c))).ToArray(),
            RotationRule));
    }

    internal static async Task<Results<Created<SeasonResponse>, ValidationProblem, ProblemHttpResult>> CreateSeasonAsync(SeasonRequest request,
        HttpContext http, SeasonService seasons, CityDirectory cities, TimeProvider clock, CancellationToken cancellationToken)
    {
        var result = await seasons.CreateAsync(http.User.ToActor(), new SeasonDraft(request.Name, request.Region, request.Kind, request.From, request.To,
            request.BoothCapacity, request.AttendeeCapacity, request.Themes,
            request.Slots?.Select(s => new SeasonSlotDraft(s.Date, s.HostCity, s.Title, s.Venue)).ToArray()), cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return result.ToCreated(v => ToResponse(v, cities, now), s => $"/api/fairs/seasons/{s.Id}");
    }

    internal static async Task<Results<Ok<SeasonResponse>, ValidationProblem, ProblemHttpResult>> GetSeasonAsync(long id, HttpContext http,
        SeasonService seasons, CityDirectory cities, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return (await seasons.GetAsync(http.User.ToActor(), id, cancellationToken)).ToOk(v => ToResponse(v, cities, now));
    }

    /// <summary>The rule as organisers are told it with every proposal.</summary>
    public const string RotationRule =
        "举办城市按成员城市顺序轮流：从上一季最后一站的下一个城市开始，每个城市轮到一次后才开始下一轮，因此各城市场次最多相差 1，且同一城市不会连续举办。" +
        "日期：把整个日期范围平均分成与场次数相同的若干段，每场取最接近该段中间一天、且不在避开日期内、晚于上一场的日期（距离相同取较早的一天）；" +
        "若这样排不下，则在全部可用日期中按序号均匀挑选。";

    private static SeasonResponse ToResponse(SeasonView v, CityDirectory cities, DateTime now) => new(
        v.Season.Id, v.Season.Name, v.Season.RegionCode, v.Season.Kind.Wire(), v.Season.From, v.Season.To, v.Season.CreatedAt,
        v.Fairs.Select(f => FairResponse.From(f, cities, now)).ToArray());

    private static T? Invalid<T>(ValidationErrors errors, string field, string message)
        where T : struct
    {
        errors.Add(field, message);
        return null;
    }
}
