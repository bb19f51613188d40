using Jobs.Api.Auth;
using Jobs.Api.Infrastructure;
using Jobs.Api.Postings;
using Jobs.Core.Common;
using Jobs.Core.Regions;
using Jobs.Core.Resumes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobs.Api.Resumes;

public static class ResumeEndpoints
{
    public static RouteGroupBuilder MapResumeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/resumes").WithTags("Resumes");
        group.MapGet("/", ListAsync).ProducesValidationProblem()
            .WithSummary("Résumés the caller may read (public ones for everyone; employers and organisers also see employers-only ones); never contact data");
        group.MapGet("/{id:long}", GetAsync).ProducesProblems(404).WithSummary("One résumé; contact data only for its owner, admins and entitled employers, and every showing to someone else is recorded");
        group.MapPost("/", CreateAsync).RequireAuthorization().ProducesProblems(400, 401, 403, 409)
            .WithSummary("Create the signed-in graduate's résumé (one per account)");
        group.MapPut("/{id:long}", UpdateAsync).RequireAuthorization().ProducesProblems(400, 401, 403, 404, 409)
            .WithSummary("Replace a résumé (its graduate or admin)");

        app.MapGet("/api/me/resume", GetMineAsync).WithTags("Resumes").RequireAuthorization().ProducesProblems(401, 404)
            .WithSummary("The signed-in graduate's résumé, with contact data");
        return group;
    }

    internal static async Task<Results<Ok<PagedResponse<ResumeResponse>>, ValidationProblem>> ListAsync(
        int? page, int? pageSize, string? city, string? degree, HttpContext http, ResumeService resumes, CityDirectory cities,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var paging = PageRequest.Create(page, pageSize, errors);
        string? cityCode = null;
        if (city is not null)
        {
            cityCode = cities.Resolve(city)?.Code;
            if (cityCode is null)
            {
                errors.Add("city", cities.UnknownCityMessage(city));
            }
        }

        EducationLevel? degreeFilter = null;
        if (degree is not null)
        {
            if (EducationLevels.TryParse(degree, out var parsed))
            {
                degreeFilter = parsed;
            }
            else
            {
                errors.Add("degree", $"未知学历。可选：{string.Join("、", EducationLevels.AllLabels.Skip(1))}");
            }
        }

        if (!errors.IsEmpty)
        {
            return ServiceResults.Validation(errors);
        }

        var result = await resumes.ListAsync(http.User.ToActor(), new ResumeListQuery(cityCode, degreeFilter), paging, cancellationToken);
        return TypedResults.Ok(PagedResponse<ResumeResponse>.From(result, v => ResumeResponse.From(v, cities)));
    }

    internal static async Task<Results<Ok<ResumeResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        long id, HttpContext http, ResumeService resumes, CityDirectory cities, CancellationToken cancellationToken)
    {
        var result = await resumes.OpenAsync(http.User.ToActor(), id, http.Request.Path.Value ?? "/api/resumes", cancellationToken);
        return result.ToOk(v => ResumeResponse.From(v, cities));
    }

    internal static async Task<Results<Ok<ResumeResponse>, ProblemHttpResult>> GetMineAsync(
        HttpContext http, ResumeService resumes, CityDirectory cities, CancellationToken cancellationToken)
    {
        var view = await resumes.GetMineAsync(http.User.ToActor(), cancellationToken);
        return view is null ? ServiceResults.NotFound("还没有创建简历") : TypedResults.Ok(ResumeResponse.From(view, cities));
    }

    internal static async Task<Results<Created<ResumeResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ResumeRequest request, HttpContext http, ResumeService resumes, CityDirectory cities, CancellationToken cancellationToken)
    {
        var result = await resumes.CreateAsync(http.User.ToActor(), request.ToDraft(), cancellationToken);
        return result.ToCreated(v => ResumeResponse.From(v, cities), r => $"/api/resumes/{r.Id}");
    }

    internal static async Task<Results<Ok<ResumeResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        long id, ResumeRequest request, HttpContext http, ResumeService resumes, CityDirectory cities, CancellationToken cancellationToken)
    {
        var result = await resumes.UpdateAsync(http.User.ToActor(), id, request.ToDraft(), cancellationToken);
        return result.ToOk(v => ResumeResponse.From(v, cities));
    }
}
