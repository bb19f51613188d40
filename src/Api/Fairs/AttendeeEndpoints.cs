using Jobs.Api.Auth;
using Jobs.Api.Infrastructure;
using Jobs.Api.RateLimiting;
using Jobs.Core.Common;
using Jobs.Core.Fairs;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobs.Api.Fairs;

/// <summary>Graduates' and contest teams' registrations, tickets and their QR images, and check-in at the door.</summary>
public static class AttendeeEndpoints
{
    public static void MapMyFairEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/me/fairs", MyFairsAsync).WithTags("Fair attendees").RequireAuthorization().ProducesProblems(400, 401)
            .WithSummary("The signed-in graduate's registrations (tickets, waitlist places) across fairs, latest fair first");

    internal static async Task<Results<Ok<PagedResult<MyFairResponse>>, ValidationProblem>> MyFairsAsync(int? page, int? pageSize, HttpContext http,
        AttendeeService attendees, Jobs.Core.Regions.CityDirectory cities, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var paging = PageRequest.Create(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return ServiceResults.Validation(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var result = await attendees.ListMineAsync(http.User.ToActor(), paging, cancellationToken);
        return TypedResults.Ok(new PagedResult<MyFairResponse>(result.Total, result.Page, result.PageSize,
            result.Items.Select(x => new MyFairResponse(FairResponse.From(x.Fair, cities, now), AttendeeResponse.From(x.Registration, x.WaitlistPosition)))
                .ToArray()));
    }

    public static void MapAttendeeEndpoints(this RouteGroupBuilder fairs)
    {
        var group = fairs.MapGroup("/{id:long}").WithTags("Fair attendees");
        group.MapPost("/attendees", RegisterAsync).RequireAuthorization().RequireRateLimiting(RateLimitPolicies.FairRegistration).ProducesProblems(400, 401, 403, 404, 409)
            .WithSummary("Register the signed-in graduate (a contest: their team); 201 when new, 200 with the existing registration");
        group.MapGet("/attendees", ListAsync).RequireAuthorization().ProducesProblems(400, 401, 403, 404)
            .WithSummary("Registrations in arrival order (organisers of the host city); filter: status");
        group.MapGet("/attendees/me", MineAsync).RequireAuthorization().ProducesProblems(401, 404).WithSummary("The signed-in graduate's registration");
        group.MapDelete("/attendees/me", CancelAsync).RequireAuthorization().ProducesProblems(401, 404, 409)
            .WithSummary("Cancel; a freed seat goes at once to the first on the waitlist");
        group.MapPost("/check-ins", CheckInAsync).RequireAuthorization().ProducesProblems(400, 401, 403, 404, 409)
            .WithSummary("Check a ticket in (organisers of the host city); a second check-in of a ticket is refused");
        group.MapGet("/tickets/{ticket}/qr", QrAsync).Produces(StatusCodes.Status200OK, contentType: "image/png").ProducesProblems(404)
            .WithSummary("The ticket as a QR code (PNG) to show at the door");
    }

    internal static async Task<Results<Created<AttendeeResponse>, Ok<AttendeeResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(long id,
        AttendeeRequest? request, HttpContext http, AttendeeService attendees, CancellationToken cancellationToken)
    {
        var draft = request is null ? null : new AttendeeDraft(request.TeamName, request.ProjectName, request.ProjectSummary,
            request.Members?.Select(m => new TeamMemberDraft(m?.Name, m?.School)).ToArray());
        var result = await attendees.RegisterAsync(http.User.ToActor(), id, draft, cancellationToken);
        return result.Status switch
        {
            ServiceStatus.Created => TypedResults.Created($"/api/fairs/{id}/attendees/me",
                AttendeeResponse.From(result.Value!.Registration, result.Value.WaitlistPosition)),
            ServiceStatus.Ok => TypedResults.Ok(AttendeeResponse.From(result.Value!.Registration, result.Value.WaitlistPosition)),
            ServiceStatus.Invalid => ServiceResults.Validation(result.Errors!),
            _ => ServiceResults.Problem(result.Status, result.Message),
        };
    }

    internal static async Task<Results<Ok<PagedResult<AttendeeResponse>>, ValidationProblem, ProblemHttpResult>> ListAsync(long id, string? status,
        int? page, int? pageSize, HttpContext http, AttendeeService attendees, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        RegistrationStatus? statusValue = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (Enum.TryParse<RegistrationStatus>(status.Trim(), ignoreCase: true, out var s) && !int.TryParse(status, out _))
            {
                statusValue = s;
            }
            else
            {
                errors.Add("status", "status 应为 registered、waitlisted 或 cancelled");
            }
        }

        var paging = PageRequest.Create(page, pageSize, errors);
        if (!errors.IsEmpty)
        {
            return ServiceResults.Validation(errors);
        }

        return (await attendees.ListAsync(http.User.ToActor(), id, statusValue, paging, cancellationToken))
            .ToOk(p => new PagedResult<AttendeeResponse>(p.Total, p.Page, p.PageSize,
                p.Items.Select(v => AttendeeResponse.From(v.Registration, v.WaitlistPosition, v.DisplayName)).ToArray()));
    }

    internal static async Task<Results<Ok<AttendeeResponse>, ValidationProblem, ProblemHttpResult>> MineAsync(long id, HttpContext http,
        AttendeeService attendees, CancellationToken cancellationToken) =>
        (await attendees.GetMineAsync(http.User.ToActor(), id, cancellationToken)).ToOk(v => AttendeeResponse.From(v.Registration, v.WaitlistPosition));

    internal static async Task<Results<Ok<CancellationResponse>, ValidationProblem, ProblemHttpResult>> CancelAsync(long id, HttpContext http,
        AttendeeService attendees, CancellationToken cancellationToken) =>
        (await attendees.CancelMineAsync(http.User.ToActor(), id, cancellationToken))
        .ToOk(r => new CancellationResponse(AttendeeResponse.From(r.Cancelled!, null), r.Promoted is not null));

    internal static async Task<Results<Ok<CheckInResponse>, ValidationProblem, ProblemHttpResult>> CheckInAsync(long id, CheckInRequest request,
        HttpContext http, AttendeeService attendees, CancellationToken cancellationToken) =>
        (await attendees.CheckInAsync(http.User.ToActor(), id, request.Ticket, cancellationToken))
        .ToOk(v => new CheckInResponse(v.Registration.Id, v.Registration.Ticket!, v.DisplayName, v.Registration.CheckedInAt!.Value,
            v.Registration.TeamName is null ? null
                : new TeamResponse(v.Registration.TeamName, v.Registration.ProjectName, v.Registration.ProjectSummary, v.Registration.TeamSize, v.Registration.Members)));

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> QrAsync(long id, string ticket, AttendeeService attendees,
        CancellationToken cancellationToken)
    {
        var registration = await attendees.FindTicketAsync(id, ticket, cancellationToken);
        if (registration is null)
        {
            return ServiceResults.NotFound("门票不存在或已失效");
        }

        var png = TicketImage.Png(registration.Ticket!);
        return TypedResults.File(png, "image/png", $"ticket-{registration.Ticket}.png");
    }
}
