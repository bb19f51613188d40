using Jobs.Api.Auth;
using Jobs.Api.Infrastructure;
using Jobs.Api.Postings;
using Jobs.Api.RateLimiting;
using Jobs.Api.Resumes;
using Jobs.Core.Common;
using Jobs.Core.Regions;
using Jobs.Core.Resumes;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobs.Api.Applications;

public sealed record ApplyRequest(string? CoverLetter);

public sealed record ApplicationResponse(long Id, long PostingId, long ResumeId, string? CoverLetter, DateTime CreatedAt)
{
    public static ApplicationResponse From(Application a) => new(a.Id, a.PostingId, a.ResumeId, a.CoverLetter, a.CreatedAt);
}

public sealed record ApplicantResponse(ApplicationResponse Application, ResumeResponse Resume);

public sealed record MyApplicationResponse(ApplicationResponse Application, PostingResponse Posting);

public static class ApplicationEndpoints
{
    public static void MapApplicationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/postings/{postingId:long}/applications").WithTags("Applications").RequireAuthorization();
        group.MapPost("/", ApplyAsync).RequireRateLimiting(RateLimitPolicies.Applications).ProducesProblems(400, 401, 403, 404, 409)
            .WithSummary("Apply to a posting with the signed-in graduate's résumé; the employer then sees the contact data");
        group.MapGet("/", ListApplicantsAsync).ProducesProblems(400, 401, 403, 404)
            .WithSummary("Applicants to a posting (its employer, its city's organisers, admin)");

        app.MapGet("/api/me/applications", ListMineAsync).WithTags("Applications").RequireAuthorization()
            .WithSummary("The signed-in graduate's applications");
    }

    internal static async Task<Results<Created<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> ApplyAsync(
        long postingId, ApplyRequest? request, HttpContext http, ResumeService resumes, CancellationToken cancellationToken)
    {
        var result = await resumes.ApplyAsync(http.User.ToActor(), postingId, request?.CoverLetter, cancellationToken);
        return result.ToCreated(ApplicationResponse.From, a => $"/api/postings/{postingId}/applications/{a.Id}");
    }

    internal static async Task<Results<Ok<PagedResponse<ApplicantResponse>>, ValidationProblem, ProblemHttpResult>> ListApplicantsAsync(
        long postingId, int? page, int? pageSize, HttpContext http, ResumeService resumes, CityDirectory cities, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var paging = PageRequest.Create(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return ServiceResults.Validation(errors);
        }

        var result = await resumes.ListApplicantsAsync(http.User.ToActor(), postingId, paging, cancellationToken);
        return result.ToOk(p => PagedResponse<ApplicantResponse>.From(p,
            x => new ApplicantResponse(ApplicationResponse.From(x.Application), ResumeResponse.From(x.Resume, cities))));
    }

    internal static async Task<Ok<MyApplicationResponse[]>> ListMineAsync(
        HttpContext http, ResumeService resumes, CityDirectory cities, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var items = await resumes.ListMyApplicationsAsync(http.User.ToActor(), cancellationToken);
        return TypedResults.Ok(items.Select(x => new MyApplicationResponse(ApplicationResponse.From(x.Application), PostingResponse.From(x.Posting, cities, now))).ToArray());
    }
}
