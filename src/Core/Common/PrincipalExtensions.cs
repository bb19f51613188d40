using System.Security.Claims;
using Jobs.Core.Accounts;

namespace Jobs.Core.Common;

public static class PrincipalExtensions
{
    /// <summary>The actor a bearer token or the site's cookie speaks for; see <see cref="AccountClaims"/>.</summary>
    public static Actor ToActor(this ClaimsPrincipal principal) => AccountClaims.ToActor(principal);
}
