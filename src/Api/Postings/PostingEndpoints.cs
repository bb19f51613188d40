using Jobs.Api.Auth;
using Jobs.Api.Infrastructure;
using Jobs.Core.Common;
using Jobs.Core.Postings;
using Jobs.Core.Regions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobs.Api.Postings;

public static class PostingEndpoints
{
    public static RouteGroupBuilder MapPostingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/postings").WithTags("Postings");
        group.MapGet("/", ListAsync).ProducesValidationProblem()
            .WithSummary("List postings, newest first (open ones unless status says otherwise)");
        group.MapGet("/{id:long}", GetAsync).ProducesProblems(404).WithSummary("One posting, including closed and expired ones");
        group.MapPost("/", CreateAsync).RequireAuthorization().ProducesProblems(400, 401, 403)
            .WithSummary("Create a posting (employer for itself; organiser for its city or admin with employerId)");
        group.MapPut("/{id:long}", UpdateAsync).RequireAuthorization().ProducesProblems(400, 401, 403, 404, 409)
            .WithSummary("Replace a posting's fields (its employer, its city's organiser, or admin)");
        group.MapPost("/{id:long}/close", CloseAsync).RequireAuthorization().ProducesProblems(401, 403, 404)
            .WithSummary("Close a posting; it is kept and stays readable");
        return group;
    }

    internal static async Task<Results<Ok<PagedResponse<PostingResponse>>, ValidationProblem>> ListAsync(
        int? page, int? pageSize, string[]? city, long? employerId, string? status, HttpContext http,
        PostingService postings, CityDirectory cities, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var paging = PageRequest.Create(page, pageSize, errors);
        var codes = new List<string>();
        foreach (var name in city ?? [])
        {
            var resolved = cities.Resolve(name);
            if (resolved is null)
            {
                errors.Add("city", cities.UnknownCityMessage(name));
            }
            else
            {
                codes.Add(resolved.Code);
            }
        }

        var listStatus = PostingListStatus.Open;
        if (status is not null && !Enum.TryParse(status, ignoreCase: true, out listStatus))
        {
            errors.Add("status", "状态应为 open、closed、expired 或 all");
        }

        if (!errors.IsEmpty)
        {
            return ServiceResults.Validation(errors);
        }

        // An employer's own list (or an admin's) includes what is held back from the public, marked by holds.
        var actor = http.User.ToActor();
        var includeHeld = employerId is { } listed && (actor.IsAdmin || (actor.IsEmployer && actor.EmployerId == listed));
        var result = await postings.ListAsync(new PostingListQuery(codes, employerId, listStatus, includeHeld), paging, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return TypedResults.Ok(PagedResponse<PostingResponse>.From(result, v => PostingResponse.From(v, cities, now)));
    }

    internal static async Task<Results<Ok<PostingResponse>, ProblemHttpResult>> GetAsync(
        long id, HttpContext http, PostingService postings, Jobs.Core.Imports.ImportService imports, CityDirectory cities, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var view = await postings.GetVisibleAsync(http.User.ToActor(), id, cancellationToken);
        if (view is null)
        {
            return ServiceResults.NotFound($"职位 {id} 不存在");
        }

        var sources = await imports.SourcesOfAsync(id, cancellationToken);
        return TypedResults.Ok(PostingResponse.From(view, cities, clock.GetUtcNow().UtcDateTime) with
        {
            Sources = sources.Select(s => new PostingSourceResponse(s.SourceCity, cities.FindByCode(s.SourceCity)?.Name ?? s.SourceCity, s.ExternalId, s.Active))
                .ToArray(),
        });
    }

    internal static async Task<Results<Created<PostingResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        PostingRequest request, HttpContext http, PostingService postings, CityDirectory cities, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var result = await postings.CreateAsync(http.User.ToActor(), request.ToDraft(), cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return result.ToCreated(v => PostingResponse.From(v, cities, now), p => $"/api/postings/{p.Id}");
    }

    internal static async Task<Results<Ok<PostingResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        long id, PostingRequest request, HttpContext http, PostingService postings, CityDirectory cities, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var result = await postings.UpdateAsync(http.User.ToActor(), id, request.ToDraft(), cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return result.ToOk(v => PostingResponse.From(v, cities, now));
    }

    internal static async Task<Results<Ok<PostingResponse>, ValidationProblem, ProblemHttpResult>> CloseAsync(
        long id, HttpContext http, PostingService postings, CityDirectory cities, TimeProvider clock, CancellationToken cancellationToken)
    {
        var result = await postings.CloseAsync(http.User.ToActor(), id, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return result.ToOk(v => PostingResponse.From(v, cities, now));
    }
}
