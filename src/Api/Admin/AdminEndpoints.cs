using Jobs.Api.Auth;
using Jobs.Api.Infrastructure;
using Jobs.Core.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobs.Api.Admin;

public sealed record OrganiserRequest(string? Email, string? Password, string? DisplayName, string? City);

public static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization();
        group.MapPost("/organisers", CreateOrganiserAsync).ProducesProblems(400, 401, 403, 409)
            .WithSummary("Appoint an organiser (staff of one member city's HR bureau); admin only");
        return group;
    }

    internal static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> CreateOrganiserAsync(
        OrganiserRequest request, HttpContext http, AccountService accounts, CancellationToken cancellationToken)
    {
        var result = await accounts.CreateOrganiserAsync(http.User.ToActor(),
            new OrganiserDraft(request.Email, request.Password, request.DisplayName, request.City), cancellationToken);
        return result.ToCreated(UserResponse.From, u => $"/api/admin/organisers/{u.Id}");
    }
}
