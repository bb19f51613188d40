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

/// <summary>Applying, and the application pipeline (已投递 → 已查看 → 邀请面试 → 录用 / 不合适, 已撤回); the rules live in <see cref="ApplicationService"/>.</summary>
public static class ApplicationEndpoints
{
    public static void MapApplicationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/postings/{postingId:long}/applications").WithTags("Applications").RequireAuthorization();
        group.MapPost("/", ApplyAsync).RequireRateLimiting(RateLimitPolicies.Applications).ProducesProblems(400, 401, 403, 404, 409)
            .WithSummary("Apply to a posting with the signed-in graduate's résumé; the employer then sees the contact data");
        group.MapGet("/", ListApplicantsAsync).ProducesProblems(400, 401, 403, 404)
            .WithSummary("Applicants to a posting in pipeline order, with counts per stage (filter: stage) — its employer, its city's organisers, admin; no contact data (open one application for it)");
        group.MapPost("/stage", MoveManyAsync).ProducesProblems(400, 401, 403, 404)
            .WithSummary("Move several applications of the posting to one stage; each id is moved or refused on its own (the posting's employer)");

        var single = app.MapGroup("/api/applications/{id:long}").WithTags("Applications").RequireAuthorization();
        single.MapGet("/", GetAsync).ProducesProblems(401, 404)
            .WithSummary("One application with posting, résumé (with the contact data the reader may see, recorded) and history; the posting's employer opening it marks it viewed");
        single.MapPost("/stage", MoveAsync).ProducesProblems(400, 401, 403, 404, 409)
            .WithSummary("Move an application: viewed, interviewInvited (with interview), offered (skipInterview to offer without one), rejected");

        var mine = app.MapGroup("/api/me/applications").WithTags("Applications").RequireAuthorization();
        mine.MapGet("/", ListMineAsync).WithSummary("The signed-in graduate's applications with stage and history");
        mine.MapPost("/{id:long}/withdraw", WithdrawAsync).ProducesProblems(400, 401, 403, 404, 409)
            .WithSummary("The graduate withdraws an application that has no final result yet");
    }

    internal static async Task<Results<Created<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> ApplyAsync(
        long postingId, ApplyRequest? request, HttpContext http, ResumeService resumes, CancellationToken cancellationToken)
    {
        var actor = http.User.ToActor();
        var result = await resumes.ApplyAsync(actor, postingId, request?.CoverLetter, cancellationToken);
        return result.ToCreated(a => ApplicationResponse.Submitted(a, actor.UserId), a => $"/api/applications/{a.Id}");
    }

    internal static async Task<Results<Ok<ApplicantsResponse>, ValidationProblem, ProblemHttpResult>> ListApplicantsAsync(
        long postingId, string? stage, int? page, int? pageSize, HttpContext http, ApplicationService applications, CityDirectory cities,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        ApplicationStage? only = null;
        if (!string.IsNullOrWhiteSpace(stage))
        {
            if (ApplicationStages.TryParse(stage, out var s))
            {
                only = s;
            }
            else
            {
                errors.Add("stage", "stage 应为 " + string.Join("、", ApplicationStages.All.Select(x => x.Wire())));
            }
        }

        var paging = PageRequest.Create(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return ServiceResults.Validation(errors);
        }

        var result = await applications.ListApplicantsAsync(http.User.ToActor(), postingId, only, paging, cancellationToken);
        return result.ToOk(r => new ApplicantsResponse(r.Page.Total, r.Page.Page, r.Page.PageSize,
            r.Page.Items.Select(x => new ApplicantResponse(ApplicationResponse.From(x.Record), ResumeResponse.From(x.Resume, cities))).ToArray(),
            r.StageCounts.Select(c => new StageCountResponse(c.Key.Wire(), c.Key.Label(), c.Value)).ToArray()));
    }

    internal static async Task<Results<Ok<BulkStageResponse>, ValidationProblem, ProblemHttpResult>> MoveManyAsync(
        long postingId, BulkStageRequest request, HttpContext http, ApplicationService applications, CancellationToken cancellationToken)
    {
        var result = await applications.MoveManyAsync(http.User.ToActor(), postingId, request.Ids, request.ToMove(), cancellationToken);
        return result.ToOk(outcomes => new BulkStageResponse(outcomes.Count(o => o.Moved), outcomes.Count(o => !o.Moved),
            outcomes.Select(o => new BulkStageItemResponse(o.Id, o.Moved ? "moved" : "refused", o.Stage?.Wire(), o.Stage?.Label(), o.Reason)).ToArray()));
    }

    internal static async Task<Results<Ok<ApplicationDetailResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        long id, HttpContext http, ApplicationService applications, CityDirectory cities, TimeProvider clock, CancellationToken cancellationToken)
    {
        var result = await applications.GetAsync(http.User.ToActor(), id, http.Request.Path.Value ?? "/api/applications", cancellationToken);
        return result.ToOk(d => Detail(d, cities, clock));
    }

    internal static async Task<Results<Ok<ApplicationDetailResponse>, ValidationProblem, ProblemHttpResult>> MoveAsync(
        long id, StageRequest request, HttpContext http, ApplicationService applications, CityDirectory cities, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var result = await applications.MoveAsync(http.User.ToActor(), id, request.ToMove(), cancellationToken);
        return result.ToOk(d => Detail(d, cities, clock));
    }

    internal static async Task<Results<Ok<ApplicationDetailResponse>, ValidationProblem, ProblemHttpResult>> WithdrawAsync(
        long id, WithdrawRequest? request, HttpContext http, ApplicationService applications, CityDirectory cities, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var result = await applications.WithdrawAsync(http.User.ToActor(), id, request?.Reason, cancellationToken);
        return result.ToOk(d => Detail(d, cities, clock));
    }

    internal static async Task<Ok<MyApplicationResponse[]>> ListMineAsync(
        HttpContext http, ApplicationService applications, CityDirectory cities, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var items = await applications.ListMineAsync(http.User.ToActor(), cancellationToken);
        return TypedResults.Ok(items.Select(x => new MyApplicationResponse(ApplicationResponse.From(x.Record), PostingResponse.From(x.Posting, cities, now))).ToArray());
    }

    private static ApplicationDetailResponse Detail(ApplicationDetail d, CityDirectory cities, TimeProvider clock) =>
        new(ApplicationResponse.From(d.Record), PostingResponse.From(d.Posting, cities, clock.GetUtcNow().UtcDateTime), ResumeResponse.From(d.Resume, cities));
}
