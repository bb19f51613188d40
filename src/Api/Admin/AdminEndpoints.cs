using Jobs.Api.Auth;
using Jobs.Api.Infrastructure;
using Jobs.Core.Accounts;
using Jobs.Core.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobs.Api.Admin;

public sealed record OrganiserRequest(string? Email, string? Password, string? DisplayName, string? City);

/// <summary>An admin's change to an account; omitted fields keep their value (an organiser keeps its city).</summary>
public sealed record AccountChangeRequest(string? Role, string? City);

public static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization();
        group.MapPost("/organisers", CreateOrganiserAsync).ProducesProblems(400, 401, 403, 409)
            .WithSummary("Appoint an organiser (staff of one member city's HR bureau); admin only");
        group.MapPatch("/users/{id:long}", ChangeAccountAsync).ProducesProblems(400, 401, 403, 404)
            .WithSummary("Change an account's role and an organiser's city; the account's tokens stop working at once; admin only");
        group.MapPost("/users/{id:long}/unlock", UnlockAsync).ProducesProblems(401, 403, 404)
            .WithSummary("Lift a sign-in lockout and clear the failed attempts; admin only");
        return group;
    }

    internal static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> CreateOrganiserAsync(
        OrganiserRequest request, HttpContext http, AccountService accounts, CancellationToken cancellationToken)
    {
        var result = await accounts.CreateOrganiserAsync(http.User.ToActor(),
            new OrganiserDraft(request.Email, request.Password, request.DisplayName, request.City), cancellationToken);
        return result.ToCreated(UserResponse.From, u => $"/api/admin/organisers/{u.Id}");
    }

    internal static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> ChangeAccountAsync(
        long id, AccountChangeRequest request, HttpContext http, AccountService accounts, CancellationToken cancellationToken)
    {
        var result = await accounts.ChangeAccountAsync(http.User.ToActor(), id, new AccountChange(request.Role, request.City), cancellationToken);
        return result.ToOk(UserResponse.From);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> UnlockAsync(
        long id, HttpContext http, AccountService accounts, CancellationToken cancellationToken)
    {
        var result = await accounts.UnlockAsync(http.User.ToActor(), id, cancellationToken);
        return result.Status == ServiceStatus.Ok ? TypedResults.NoContent() : ServiceResults.Problem(result.Status, result.Message);
    }
}
