using Jobs.Api.Auth;
using Jobs.Api.Infrastructure;
using Jobs.Api.Postings;
using Jobs.Core.Accounts;
using Jobs.Core.Common;
using Jobs.Core.Postings;
using Jobs.Core.Postings.Compliance;
using Jobs.Core.Regions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobs.Api.Compliance;

/// <summary>A compliance finding: the rule (code and Chinese name), the law it follows, the field and the words quoted.</summary>
public sealed record ComplianceFindingResponse(string Rule, string RuleName, string Law, string Field, string Words)
{
    public static ComplianceFindingResponse From(ComplianceIssue issue) =>
        new(issue.Rule, issue.RuleName, ComplianceRules.ByCode(issue.Rule)?.Law ?? "", issue.Field, issue.Words);
}

/// <summary>A posting in the review queue: its text, its employer and city, and what holds it.</summary>
public sealed record HeldPostingResponse(
    long PostingId,
    string Title,
    string Description,
    IReadOnlyList<string> Skills,
    long EmployerId,
    string EmployerName,
    string City,
    string CityName,
    DateTime UpdatedAt,
    IReadOnlyList<string> Holds,
    IReadOnlyList<ComplianceFindingResponse> Findings,
    bool Resubmitted)
{
    public static HeldPostingResponse From(HeldPosting h, CityDirectory cities) => new(
        h.Posting.Id, h.Posting.Title, h.Posting.Description, h.Posting.Skills, h.Posting.EmployerId, h.EmployerName, h.Posting.CityCode,
        cities.FindByCode(h.Posting.CityCode)?.Name ?? h.Posting.CityCode, h.Posting.UpdatedAt, PostingResponse.HoldNames(h.Posting.Holds),
        h.Findings.Select(ComplianceFindingResponse.From).ToArray(), h.Resubmitted);
}

/// <summary>Why a posting is sent back; the employer reads it in a notification and beside the posting.</summary>
public sealed record ComplianceReturnRequest(string? Reason);

/// <summary>A reviewer's decision as stored: approved or returned, by whom, when, why.</summary>
public sealed record ComplianceDecisionResponse(long Id, long PostingId, string Decision, long? ReviewerUserId, DateTime DecidedAt, string? Reason,
    IReadOnlyList<string> Findings)
{
    public static ComplianceDecisionResponse From(ComplianceReview r) => new(r.Id, r.PostingId,
        System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(r.Decision.ToString()), r.ReviewerUserId, r.DecidedAt, r.Reason, r.FindingKeys);
}

public static class ComplianceEndpoints
{
    public static RouteGroupBuilder MapComplianceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/compliance").WithTags("Compliance")
            .RequireAuthorization(p => p.RequireRole(Roles.Organiser, Roles.Admin));
        group.MapGet("/held", ListHeldAsync).ProducesProblems(400, 401, 403)
            .WithSummary("Postings held for compliance review, oldest change first (organisers: their city; admins: any or all)");
        group.MapPost("/held/{postingId:long}/approve", ApproveAsync).ProducesProblems(401, 403, 404, 409)
            .WithSummary("Approve the wording: lifts only the compliance hold; the same findings do not hold the posting again");
        group.MapPost("/held/{postingId:long}/reject", RejectAsync).ProducesProblems(400, 401, 403, 404, 409)
            .WithSummary("Send the posting back to its employer with a reason (notified); it stays held until edited");
        return group;
    }

    internal static async Task<Results<Ok<PagedResponse<HeldPostingResponse>>, ValidationProblem, ProblemHttpResult>> ListHeldAsync(
        string? city, int? page, int? pageSize, HttpContext http, ComplianceReviewService reviews, CityDirectory cities,
        CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var paging = PageRequest.Create(page, pageSize, errors);
        string? cityCode = null;
        if (!string.IsNullOrWhiteSpace(city))
        {
            cityCode = cities.Resolve(city)?.Code;
            if (cityCode is null)
            {
                errors.Add("city", cities.UnknownCityMessage(city));
            }
        }

        if (!errors.IsEmpty)
        {
            return ServiceResults.Validation(errors);
        }

        var result = await reviews.ListHeldAsync(http.User.ToActor(), cityCode, paging, cancellationToken);
        return result.Status == ServiceStatus.Ok
            ? TypedResults.Ok(PagedResponse<HeldPostingResponse>.From(result.Value!, h => HeldPostingResponse.From(h, cities)))
            : ServiceResults.Problem(result.Status, result.Message);
    }

    internal static async Task<Results<Ok<ComplianceDecisionResponse>, ValidationProblem, ProblemHttpResult>> ApproveAsync(
        long postingId, HttpContext http, ComplianceReviewService reviews, CancellationToken cancellationToken)
    {
        var result = await reviews.ApproveAsync(http.User.ToActor(), postingId, cancellationToken);
        return result.ToOk(ComplianceDecisionResponse.From);
    }

    internal static async Task<Results<Ok<ComplianceDecisionResponse>, ValidationProblem, ProblemHttpResult>> RejectAsync(
        long postingId, ComplianceReturnRequest request, HttpContext http, ComplianceReviewService reviews, CancellationToken cancellationToken)
    {
        var result = await reviews.ReturnAsync(http.User.ToActor(), postingId, request.Reason, cancellationToken);
        return result.ToOk(ComplianceDecisionResponse.From);
    }
}
