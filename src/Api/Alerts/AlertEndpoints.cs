using Jobs.Api.Auth;
using Jobs.Api.Infrastructure;
using Jobs.Api.Postings;
using Jobs.Core.Alerts;
using Jobs.Core.Common;
using Jobs.Core.Regions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobs.Api.Alerts;

/// <summary>
/// A job alert to save. kind: <c>search</c> (the other fields are posting-search filters, as in GET /api/postings/search) or
/// <c>resume</c> (new postings that match the graduate's résumé).
/// </summary>
public sealed record AlertRequest(
    string? Kind, string? Name, string? Q, string[]? City, string? Category, string? Education, int? SalaryMin, int? SalaryMax, string? Experience);

public sealed record AlertCityResponse(string Code, string Name);

public sealed record AlertCriteriaResponse(
    string? Q, IReadOnlyList<AlertCityResponse> Cities, string? Category, string? Education, int? SalaryMin, int? SalaryMax, string? Experience);

public sealed record AlertResponse(long Id, string Kind, string Name, AlertCriteriaResponse? Criteria, long? ResumeId, DateTime CreatedAt, DateTime? LastRunAt)
{
    public static AlertResponse From(AlertSubscription a, CityDirectory cities) => new(
        a.Id,
        a.Kind == AlertKind.ResumeMatches ? "resume" : "search",
        a.Name,
        a.Criteria is { } c
            ? new AlertCriteriaResponse(c.Query, c.CityCodes.Select(code => new AlertCityResponse(code, cities.FindByCode(code)?.Name ?? code)).ToArray(),
                c.Category, c.Education?.Label(), c.SalaryMin, c.SalaryMax, c.Experience?.Label())
            : null,
        a.ResumeId,
        a.CreatedAt,
        a.LastRunAt);
}

public static class AlertEndpoints
{
    public static void MapAlertEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/me/alerts").WithTags("Job alerts").RequireAuthorization();
        group.MapGet("/", ListAsync).ProducesProblems(401).WithSummary("The signed-in graduate's job alerts");
        group.MapGet("/{id:long}", GetAsync).ProducesProblems(401, 404).WithSummary("One of the signed-in graduate's job alerts");
        group.MapPost("/", CreateAsync).ProducesProblems(400, 401, 403, 409)
            .WithSummary("Save a search or subscribe to the résumé's matches; the daily alert run notifies each new posting once");
        group.MapDelete("/{id:long}", DeleteAsync).ProducesProblems(401, 404).WithSummary("Stop a job alert");
    }

    internal static async Task<Ok<AlertResponse[]>> ListAsync(HttpContext http, AlertService alerts, CityDirectory cities, CancellationToken cancellationToken)
    {
        var list = await alerts.ListAsync(http.User.ToActor(), cancellationToken);
        return TypedResults.Ok(list.Select(a => AlertResponse.From(a, cities)).ToArray());
    }

    internal static async Task<Results<Ok<AlertResponse>, ProblemHttpResult>> GetAsync(long id, HttpContext http, AlertService alerts,
        CityDirectory cities, CancellationToken cancellationToken)
    {
        var alert = (await alerts.ListAsync(http.User.ToActor(), cancellationToken)).FirstOrDefault(a => a.Id == id);
        return alert is null ? ServiceResults.NotFound($"职位提醒 {id} 不存在") : TypedResults.Ok(AlertResponse.From(alert, cities));
    }

    internal static async Task<Results<Created<AlertResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(AlertRequest request,
        HttpContext http, AlertService alerts, CityDirectory cities, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        AlertKind kind;
        switch (request.Kind?.Trim().ToLowerInvariant())
        {
            case "search":
                kind = AlertKind.SavedSearch;
                break;
            case "resume":
                kind = AlertKind.ResumeMatches;
                break;
            default:
                errors.Add("kind", "kind 应为 search（保存搜索）或 resume（简历匹配）");
                return ServiceResults.Validation(errors);
        }

        SavedSearchCriteria? criteria = null;
        if (kind == AlertKind.SavedSearch)
        {
            criteria = Jobs.Search.Postings.PostingSearchFilters.ParseSavedSearch(request.Q, request.City, request.Category, request.Education,
                request.SalaryMin, request.SalaryMax, request.Experience, cities, errors);
            if (criteria is null)
            {
                return ServiceResults.Validation(errors);
            }
        }

        var result = await alerts.CreateAsync(http.User.ToActor(), new AlertDraft(kind, request.Name, criteria), cancellationToken);
        return result.ToCreated(a => AlertResponse.From(a, cities), a => $"/api/me/alerts/{a.Id}");
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, HttpContext http, AlertService alerts,
        CancellationToken cancellationToken)
    {
        var result = await alerts.DeleteAsync(http.User.ToActor(), id, cancellationToken);
        return result.Status == ServiceStatus.Ok ? TypedResults.NoContent() : ServiceResults.Problem(result.Status, result.Message);
    }
}
