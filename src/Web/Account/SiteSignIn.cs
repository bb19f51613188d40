using System.Security.Claims;
using Jobs.Core.Accounts;
using Jobs.Core.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Jobs.Web.Account;

/// <summary>How sign-in on the site ended: signed in, refused, or throttled (wait this long).</summary>
public sealed record SiteSignInResult(User? User, TimeSpan? RetryAfter);

/// <summary>
/// Browser sign-in: the same accounts, password check, throttle and sessions as the API's bearer tokens, carried in a
/// cookie. The cookie holds the session id and the security stamp, checked on every request, so signing out everywhere,
/// a password change or a role change ends browser sign-ins at once, as it ends tokens.
/// </summary>
public sealed class SiteSignIn(AccountService accounts, SessionStore sessions, IHttpContextAccessor http)
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;

    public async Task<SiteSignInResult> SignInAsync(string? email, string? password, CancellationToken cancellationToken)
    {
        var result = await accounts.SignInAsync(email, password, cancellationToken);
        if (result.User is not { } user)
        {
            return new SiteSignInResult(null, result.RetryAfter);
        }

        var grant = await sessions.StartAsync(user, cancellationToken);
        var principal = new ClaimsPrincipal(AccountClaims.CreateIdentity(user, grant.SessionId, Scheme));
        await Context.SignInAsync(Scheme, principal, new AuthenticationProperties { IsPersistent = true });
        return new SiteSignInResult(user, null);
    }

    public async Task SignOutAsync(CancellationToken cancellationToken)
    {
        if (Context.User.FindFirst(AccountClaims.Session)?.Value is { Length: > 0 } sessionId)
        {
            await sessions.RevokeAsync(sessionId, cancellationToken);
        }

        await Context.SignOutAsync(Scheme);
    }

    private HttpContext Context => http.HttpContext ?? throw new InvalidOperationException("Sign-in needs a request.");

    /// <summary>The cookie proves the sign-in happened, not that it is still wanted: the stamp and the session decide.</summary>
    internal static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        if (AccountClaims.SessionOf(context.Principal) is { } claimed
            && await services.GetRequiredService<SessionCache>().IsActiveAsync(services.GetRequiredService<JobsDbContext>(),
                claimed.UserId, claimed.Stamp, claimed.SessionId, context.HttpContext.RequestAborted))
        {
            return;
        }

        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(Scheme);
    }
}
