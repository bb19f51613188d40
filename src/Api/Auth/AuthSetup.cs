using Jobs.Api.Infrastructure;
using Jobs.Core.Accounts;
using Jobs.Core.Storage;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Jobs.Api.Auth;

public static class AuthSetup
{
    private const string SchemeSelector = "jobs";

    /// <summary>
    /// Bearer for /api and any request that carries a token; the site's cookie for pages. The Hangfire dashboard takes
    /// either: a token (scripts, as before), or the cookie of a browser signed in on the site (the dashboard's commands
    /// then need its antiforgery token, see HangfireDashboardSetup). Without either it answers as the API does (401).
    /// </summary>
    private static string SelectScheme(HttpContext context)
    {
        if (IsBearerRequest(context.Request) || context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return JwtBearerDefaults.AuthenticationScheme;
        }

        if (context.Request.Path.StartsWithSegments(HangfireDashboardSetup.Path, StringComparison.OrdinalIgnoreCase) && !HasSiteCookie(context))
        {
            return JwtBearerDefaults.AuthenticationScheme;
        }

        return Jobs.Web.Account.SiteSignIn.Scheme;
    }

    /// <summary>A request that authenticates with a bearer token, which a browser never adds by itself (so no forged form carries one).</summary>
    internal static bool IsBearerRequest(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    private static bool HasSiteCookie(HttpContext context)
    {
        var cookie = context.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(Jobs.Web.Account.SiteSignIn.Scheme).Cookie;
        // The cookie may be split into chunks (name + "C1", ...) when large; the first chunk keeps the name itself.
        return cookie.Name is { } name && context.Request.Cookies.ContainsKey(name);
    }

    public static IServiceCollection AddJobsAuth(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SigningKeyProvider>();
        services.AddSingleton<TokenService>();
        services.AddScoped<SessionStore>();
        // Bearer tokens for the API (and the Hangfire dashboard when a token is sent), the site's cookie for pages (see Jobs.Web.Account.SiteSignIn): the API never reads the
        // cookie, so a page an attacker lures a browser to cannot call the API as that browser's user.
        services.AddAuthentication(SchemeSelector)
            .AddPolicyScheme(SchemeSelector, "Bearer for /api, cookie for pages", policy => policy.ForwardDefaultSelector = SelectScheme)
            .AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, SigningKeyProvider, TimeProvider>((jwt, auth, keys, clock) =>
            {
                // Keep claim names as issued ("sub", "role") instead of the WS-Federation URIs.
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Value.Issuer,
                    ValidAudience = auth.Value.Audience,
                    IssuerSigningKey = keys.Key,
                    NameClaimType = "email",
                    RoleClaimType = TokenService.RoleClaim,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    RequireExpirationTime = true,
                    // Tokens are issued on the platform's clock, so they are checked on it too rather than on the machine's.
                    // A custom validator replaces the library's checks, RequireExpirationTime included, so it refuses a
                    // token without "exp" itself.
                    LifetimeValidator = (notBefore, expires, _, parameters) =>
                    {
                        var now = clock.GetUtcNow().UtcDateTime;
                        return expires is not null
                            && (notBefore is null || notBefore.Value <= now + parameters.ClockSkew)
                            && expires.Value >= now - parameters.ClockSkew;
                    },
                };
                jwt.Events = new JwtBearerEvents { OnTokenValidated = CheckSessionAsync };
            });
        services.AddAuthorization();
        services.AddScoped<Microsoft.AspNetCore.Authentication.IClaimsTransformation, EmployerVerificationClaims>();
        return services;
    }

    /// <summary>A signature proves the token was issued, not that it is still wanted: the stamp and the session decide.</summary>
    private static async Task CheckSessionAsync(TokenValidatedContext context)
    {
        if (AccountClaims.SessionOf(context.Principal) is not { } claimed)
        {
            context.Fail("The token carries no session.");
            return;
        }

        var (userId, stamp, sessionId) = claimed;

        var services = context.HttpContext.RequestServices;
        var sessions = services.GetRequiredService<SessionCache>();
        var db = services.GetRequiredService<JobsDbContext>();
        if (!await sessions.IsActiveAsync(db, userId, stamp, sessionId, context.HttpContext.RequestAborted))
        {
            context.Fail("The session has ended.");
        }
    }
}
