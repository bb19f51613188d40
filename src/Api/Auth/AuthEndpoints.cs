using Jobs.Api.Infrastructure;
using Jobs.Api.RateLimiting;
using Jobs.Core.Accounts;
using Jobs.Core.Employers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobs.Api.Auth;

public sealed record CompanyRequest(string? Name, string? CreditCode, string? City, string? Industry, string? Size, string? Description);

public sealed record RegisterRequest(string? Email, string? Password, string? Role, string? DisplayName, CompanyRequest? Company);

public sealed record LoginRequest(string? Email, string? Password);

public sealed record UserResponse(long Id, string Email, string Role, string DisplayName, string? CityCode, long? EmployerId, DateTime CreatedAt)
{
    public static UserResponse From(User u) => new(u.Id, u.Email, u.Role.Name(), u.DisplayName, u.CityCode, u.EmployerId, u.CreatedAt);
}

public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, UserResponse User);

public static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/register", RegisterAsync).RequireRateLimiting(RateLimitPolicies.SignUp).ProducesProblems(400, 409)
            .WithSummary("Register a graduate or employer account and receive a bearer token");
        group.MapPost("/login", LoginAsync).RequireRateLimiting(RateLimitPolicies.SignIn).ProducesProblems(400, 401)
            .WithSummary("Exchange email and password for a bearer token");

        app.MapGet("/api/me", GetMeAsync).WithTags("Auth").RequireAuthorization().ProducesProblems(401)
            .WithSummary("The signed-in account");
        return group;
    }

    internal static async Task<Results<Created<TokenResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterRequest request, AccountService accounts, TokenService tokens, CancellationToken cancellationToken)
    {
        var company = request.Company is { } c ? new EmployerDraft(c.Name, c.CreditCode, c.City, c.Industry, c.Size, c.Description) : null;
        var result = await accounts.RegisterAsync(
            new RegisterDraft(request.Email, request.Password, request.Role, request.DisplayName, company), cancellationToken);
        return result.ToCreated(user => IssueFor(user, tokens), _ => "/api/me");
    }

    internal static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest request, AccountService accounts, TokenService tokens, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            var errors = new Jobs.Core.Common.ValidationErrors();
            if (string.IsNullOrWhiteSpace(request.Email))
            {
                errors.Add("email", "邮箱不能为空");
            }

            if (string.IsNullOrEmpty(request.Password))
            {
                errors.Add("password", "密码不能为空");
            }

            return ServiceResults.Validation(errors);
        }

        var user = await accounts.SignInAsync(request.Email, request.Password, cancellationToken);
        if (user is null)
        {
            return TypedResults.Problem("邮箱或密码不正确", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
        }

        return TypedResults.Ok(IssueFor(user, tokens));
    }

    internal static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetMeAsync(
        HttpContext http, AccountService accounts, CancellationToken cancellationToken)
    {
        var actor = http.User.ToActor();
        var user = actor.UserId is { } id ? await accounts.FindAsync(id, cancellationToken) : null;
        return user is null
            ? TypedResults.Problem("账号不存在", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized")
            : TypedResults.Ok(UserResponse.From(user));
    }

    private static TokenResponse IssueFor(User user, TokenService tokens)
    {
        var token = tokens.Issue(user);
        return new TokenResponse(token.AccessToken, "Bearer", token.ExpiresIn, UserResponse.From(user));
    }
}
