using Jobs.Api.Auth;
using Jobs.Api.Infrastructure;
using Jobs.Core.Common;
using Jobs.Core.Fairs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobs.Api.Fairs;

/// <summary>Booth applications under <c>/api/fairs/{id}/booths</c>.</summary>
public static class BoothEndpoints
{
    public static void MapBoothEndpoints(this RouteGroupBuilder fairs)
    {
        var group = fairs.MapGroup("/{id:long}/booths").WithTags("Fair booths");
        group.MapGet("/", ListAsync).ProducesProblems(400, 404)
            .WithSummary("Exhibitors by booth number; organisers of the host city see every application (filter: status)");
        group.MapPost("/", ApplyAsync).RequireAuthorization().ProducesProblems(400, 401, 403, 404, 409)
            .WithSummary("Apply for a booth with the postings the employer brings (a pending application may change its postings)");
        group.MapGet("/mine", MineAsync).RequireAuthorization().ProducesProblems(401, 404).WithSummary("The signed-in employer's application");
        group.MapDelete("/mine", WithdrawAsync).RequireAuthorization().ProducesProblems(401, 403, 404, 409)
            .WithSummary("Withdraw; an allocated booth passes to the first on the booth waitlist");
        group.MapPost("/{applicationId:long}/approve", ApproveAsync).RequireAuthorization().ProducesProblems(401, 403, 404, 409)
            .WithSummary("Approve an application (organisers of the host city), before booths are allocated");
        group.MapPost("/{applicationId:long}/reject", RejectAsync).RequireAuthorization().ProducesProblems(400, 401, 403, 404, 409)
            .WithSummary("Reject an application with a reason the employer sees");
    }

    internal static async Task<Results<Ok<PagedResult<BoothResponse>>, ValidationProblem, ProblemHttpResult>> ListAsync(long id, string? status, int? page,
        int? pageSize, HttpContext http, BoothService booths, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        BoothStatus? statusValue = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (Enum.TryParse<BoothStatus>(status.Trim(), ignoreCase: true, out var s) && !int.TryParse(status, out _))
            {
                statusValue = s;
            }
            else
            {
                errors.Add("status", "status 应为 pending、approved、rejected、allocated、waitlisted 或 withdrawn");
            }
        }

        var paging = PageRequest.Create(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return ServiceResults.Validation(errors);
        }

        return (await booths.ListAsync(http.User.ToActor(), id, statusValue, paging, cancellationToken))
            .ToOk(p => new PagedResult<BoothResponse>(p.Total, p.Page, p.PageSize, p.Items.Select(v => BoothResponse.From(v)).ToArray()));
    }

    internal static async Task<Results<Created<BoothResponse>, ValidationProblem, ProblemHttpResult>> ApplyAsync(long id, BoothApplicationRequest request,
        HttpContext http, BoothService booths, CancellationToken cancellationToken)
    {
        var result = await booths.ApplyAsync(http.User.ToActor(), id, new BoothApplicationDraft(request.PostingIds, request.Note), cancellationToken);
        return result.ToCreated(v => BoothResponse.From(v), b => $"/api/fairs/{id}/booths/mine");
    }

    internal static async Task<Results<Ok<BoothResponse>, ValidationProblem, ProblemHttpResult>> MineAsync(long id, HttpContext http, BoothService booths,
        CancellationToken cancellationToken)
    {
        return (await booths.GetMineAsync(http.User.ToActor(), id, cancellationToken)).ToOk(v => BoothResponse.From(v));
    }

    internal static async Task<Results<Ok<BoothResponse>, ValidationProblem, ProblemHttpResult>> WithdrawAsync(long id, HttpContext http, BoothService booths,
        CancellationToken cancellationToken)
    {
        return (await booths.WithdrawMineAsync(http.User.ToActor(), id, cancellationToken)).ToOk(v => BoothResponse.From(v));
    }

    internal static async Task<Results<Ok<BoothResponse>, ValidationProblem, ProblemHttpResult>> ApproveAsync(long id, long applicationId, HttpContext http,
        BoothService booths, CancellationToken cancellationToken)
    {
        return (await booths.DecideAsync(http.User.ToActor(), id, applicationId, approve: true, null, cancellationToken)).ToOk(v => BoothResponse.From(v));
    }

    internal static async Task<Results<Ok<BoothResponse>, ValidationProblem, ProblemHttpResult>> RejectAsync(long id, long applicationId,
        BoothDecisionRequest? request, HttpContext http, BoothService booths, CancellationToken cancellationToken)
    {
        return (await booths.DecideAsync(http.User.ToActor(), id, applicationId, approve: false, request?.Reason, cancellationToken))
            .ToOk(v => BoothResponse.From(v));
    }
}
