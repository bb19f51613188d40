using System.Globalization;
using Jobs.Api.Infrastructure;
using Jobs.Api.RateLimiting;
using Jobs.Core.Accounts;
using Jobs.Core.Common;
using Jobs.Core.Employers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jobs.Api.Auth;

public sealed record CompanyRequest(string? Name, string? CreditCode, string? City, string? Industry, string? Size, string? Description);

public sealed record RegisterRequest(string? Email, string? Password, string? Role, string? DisplayName, CompanyRequest? Company);

public sealed record LoginRequest(string? Email, string? Password);

public sealed record RefreshRequest(string? RefreshToken);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword);

/// <summary>The one answer to every well-formed sign-up, whether or not the email was already registered.</summary>
public sealed record RegisterAccepted(string Message)
{
    public static RegisterAccepted Instance { get; } = new("注册申请已受理，请使用该邮箱和密码登录");
}

public sealed record UserResponse(long Id, string Email, string Role, string DisplayName, string? CityCode, long? EmployerId, DateTime CreatedAt)
{
    public static UserResponse From(User u) => new(u.Id, u.Email, u.Role.Name(), u.DisplayName, u.CityCode, u.EmployerId, u.CreatedAt);
}

/// <summary>An access token (short-lived) and the refresh token that renews it; lifetimes in seconds.</summary>
public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken, int RefreshExpiresIn, UserResponse User);

public static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/register", RegisterAsync).RequireRateLimiting(RateLimitPolicies.SignUp).ProducesProblems(400, 409)
            .WithSummary("Sign up as a graduate or employer; the same 202 answer whether or not the email is registered, then sign in");
        group.MapPost("/login", LoginAsync).RequireRateLimiting(RateLimitPolicies.SignIn).ProducesProblems(400, 401, 429)
            .WithSummary("Exchange email and password for an access token and a refresh token; throttled per email");
        group.MapPost("/refresh", RefreshAsync).RequireRateLimiting(RateLimitPolicies.Refresh).ProducesProblems(400, 401)
            .WithSummary("Exchange a refresh token for a new access token and a new refresh token (the old one is spent)");
        group.MapPost("/logout", LogoutAsync).RequireAuthorization().ProducesProblems(401)
            .WithSummary("End this session (everywhere=true: every session of the account); its tokens stop working at once");

        app.MapGet("/api/me", GetMeAsync).WithTags("Auth").RequireAuthorization().ProducesProblems(401)
            .WithSummary("The signed-in account");
        app.MapPost("/api/me/password", ChangePasswordAsync).WithTags("Auth").RequireAuthorization()
            .RequireRateLimiting(RateLimitPolicies.SignIn).ProducesProblems(400, 401, 429)
            .WithSummary("Change the password; every session of the account ends, sign in again");
        return group;
    }

    internal static async Task<Results<Accepted<RegisterAccepted>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterRequest request, AccountService accounts, CancellationToken cancellationToken)
    {
        var company = request.Company is { } c ? new EmployerDraft(c.Name, c.CreditCode, c.City, c.Industry, c.Size, c.Description) : null;
        var result = await accounts.RegisterAsync(
            new RegisterDraft(request.Email, request.Password, request.Role, request.DisplayName, company), cancellationToken);
        return result.Status switch
        {
            ServiceStatus.Ok => TypedResults.Accepted((string?)null, RegisterAccepted.Instance),
            ServiceStatus.Invalid => ServiceResults.Validation(result.Errors!),
            _ => ServiceResults.Problem(result.Status, result.Message),
        };
    }

    internal static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest request, HttpContext http, AccountService accounts, SessionStore sessions, TokenService tokens,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            var errors = new ValidationErrors();
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

        var result = await accounts.SignInAsync(request.Email, request.Password, cancellationToken);
        if (result.RetryAfter is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem($"登录尝试过于频繁，请 {seconds} 秒后再试", statusCode: StatusCodes.Status429TooManyRequests,
                title: "Too Many Requests");
        }

        if (result.User is not { } user)
        {
            return TypedResults.Problem("邮箱或密码不正确", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
        }

        var grant = await sessions.StartAsync(user, cancellationToken);
        return TypedResults.Ok(IssueFor(grant, tokens));
    }

    internal static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, SessionStore sessions, TokenService tokens, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken) || request.RefreshToken.Length > 200)
        {
            var errors = new ValidationErrors();
            errors.Add("refreshToken", "请提供有效的刷新令牌");
            return ServiceResults.Validation(errors);
        }

        var grant = await sessions.RefreshAsync(request.RefreshToken, cancellationToken);
        return grant is null
            ? TypedResults.Problem("刷新令牌无效或已过期，请重新登录", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized")
            : TypedResults.Ok(IssueFor(grant, tokens));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> LogoutAsync(
        HttpContext http, SessionStore sessions, AccountService accounts, CancellationToken cancellationToken, bool everywhere = false)
    {
        var sessionId = http.User.FindFirst(TokenService.SessionClaim)?.Value;
        if (http.User.ToActor().UserId is not { } userId || sessionId is null)
        {
            return TypedResults.Problem("未登录", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
        }

        // This session is revoked either way, so its refresh tokens die even if the stamp check were ever bypassed.
        await sessions.RevokeAsync(sessionId, cancellationToken);
        if (everywhere)
        {
            await accounts.RotateSecurityStampAsync(userId, cancellationToken);
        }

        return TypedResults.NoContent();
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

    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePasswordAsync(
        ChangePasswordRequest request, HttpContext http, AccountService accounts, CancellationToken cancellationToken)
    {
        if (http.User.ToActor().UserId is not { } userId)
        {
            return TypedResults.Problem("未登录", statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");
        }

        var result = await accounts.ChangePasswordAsync(userId, request.CurrentPassword, request.NewPassword, cancellationToken);
        return result.Status switch
        {
            ServiceStatus.Ok => TypedResults.NoContent(),
            ServiceStatus.Invalid => ServiceResults.Validation(result.Errors!),
            ServiceStatus.NotFound => TypedResults.Problem(result.Message, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized"),
            ServiceStatus.TooManyRequests => RetryLater(http, result.Value!.Value, result.Message),
            _ => ServiceResults.Problem(result.Status, result.Message),
        };
    }

    private static ProblemHttpResult RetryLater(HttpContext http, TimeSpan wait, string? message)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(message, statusCode: StatusCodes.Status429TooManyRequests, title: "Too Many Requests");
    }

    private static TokenResponse IssueFor(SessionGrant grant, TokenService tokens)
    {
        var token = tokens.Issue(grant.User, grant.SessionId);
        return new TokenResponse(token.AccessToken, "Bearer", token.ExpiresIn, grant.RefreshToken, grant.RefreshExpiresIn, UserResponse.From(grant.User));
    }
}
