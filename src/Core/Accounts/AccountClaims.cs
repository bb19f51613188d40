using System.Globalization;
using System.Security.Claims;
using Jobs.Core.Common;

namespace Jobs.Core.Accounts;

/// <summary>
/// The claims a signed-in principal carries, the same for bearer tokens and the site's cookie, so one
/// <see cref="ToActor"/> serves both and one session check (stamp and session id) revokes both.
/// </summary>
public static class AccountClaims
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Role = "role";
    public const string Employer = "employer_id";
    public const string City = "city";
    public const string Session = "sid";
    public const string Stamp = "stamp";
    public const string DisplayName = "name";

    /// <summary>Added per request from the current state (never issued in a token or cookie): the employer is verified.</summary>
    public const string EmployerVerified = "employer_verified";

    /// <summary>The claims of a cookie sign-in; the JWT carries the same names.</summary>
    public static ClaimsIdentity CreateIdentity(User user, string sessionId, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(Subject, user.Id.ToString(CultureInfo.InvariantCulture)),
            new(Email, user.Email),
            new(Role, user.Role.Name()),
            new(Session, sessionId),
            new(Stamp, user.SecurityStamp),
            new(DisplayName, user.DisplayName),
        };
        if (user.EmployerId is { } employerId)
        {
            claims.Add(new Claim(Employer, employerId.ToString(CultureInfo.InvariantCulture)));
        }

        if (user.CityCode is { } city)
        {
            claims.Add(new Claim(City, city));
        }

        return new ClaimsIdentity(claims, authenticationType, Email, Role);
    }

    public static Actor ToActor(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !long.TryParse(principal.FindFirstValue(Subject), out var userId)
            || !Roles.TryParse(principal.FindFirstValue(Role), out var role))
        {
            return Actor.Anonymous;
        }

        long? employerId = long.TryParse(principal.FindFirstValue(Employer), out var e) ? e : null;
        return new Actor(userId, role, employerId, principal.FindFirstValue(City))
        {
            EmployerVerified = employerId is not null && principal.HasClaim(EmployerVerified, "true"),
        };
    }

    /// <summary>The user id, stamp and session id a principal claims, or null when one is missing.</summary>
    public static (long UserId, string Stamp, string SessionId)? SessionOf(ClaimsPrincipal? principal) =>
        principal is not null
        && long.TryParse(principal.FindFirstValue(Subject), out var userId)
        && principal.FindFirstValue(Stamp) is { Length: > 0 } stamp
        && principal.FindFirstValue(Session) is { Length: > 0 } sessionId
            ? (userId, stamp, sessionId)
            : null;
}
