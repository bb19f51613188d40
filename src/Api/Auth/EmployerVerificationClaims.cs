using System.Security.Claims;
using Jobs.Core.Accounts;
using Jobs.Core.Employers;
using Jobs.Core.Storage;
using Microsoft.AspNetCore.Authentication;

namespace Jobs.Api.Auth;

/// <summary>
/// Adds the employer's current verified state to an employer's principal on each request (bearer token and site cookie
/// alike), so <c>Actor.EmployerVerified</c> follows a decision at once instead of at the next token refresh. The lookup is
/// the cached <see cref="VerifiedEmployers"/>; the claim is never issued in a token or cookie.
/// </summary>
public sealed class EmployerVerificationClaims(VerifiedEmployers verified, JobsDbContext db) : IClaimsTransformation
{
    private const string IdentityType = "employer-verification";

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        // Runs once per authentication call, possibly more than once per request: only the first adds the identity.
        if (principal.Identities.Any(i => i.AuthenticationType == IdentityType)
            || !long.TryParse(principal.FindFirstValue(AccountClaims.Employer), out var employerId))
        {
            return principal;
        }

        var isVerified = await verified.IsVerifiedAsync(db, employerId, CancellationToken.None);
        var transformed = new ClaimsPrincipal(principal.Identities);
        transformed.AddIdentity(new ClaimsIdentity(
            isVerified ? [new Claim(AccountClaims.EmployerVerified, "true")] : [], IdentityType));
        return transformed;
    }
}
