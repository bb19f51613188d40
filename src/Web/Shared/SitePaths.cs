using Microsoft.AspNetCore.Http;

namespace Jobs.Web.Shared;

/// <summary>Addresses of the site and the rules for where a redirect may lead.</summary>
public static class SitePaths
{
    public static bool IsApi(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A return address taken from a query string is followed only when it stays on this site: a path, not
    /// "//evil.example" or "/\evil.example" (which browsers treat as another host), and not into the API.
    /// </summary>
    public static string SafeReturn(string? returnUrl, string fallback = "/")
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 2000 || returnUrl[0] != '/'
            || (returnUrl.Length > 1 && (returnUrl[1] == '/' || returnUrl[1] == '\\'))
            || returnUrl.Any(char.IsControl)
            || IsApi(new PathString(returnUrl.Split('?', '#')[0])))
        {
            return fallback;
        }

        return returnUrl;
    }

    /// <summary>The sign-in page with a way back to the page being read.</summary>
    public static string LoginFor(HttpRequest request)
    {
        var here = request.Path + request.QueryString;
        return request.Path.StartsWithSegments("/login") || request.Path.StartsWithSegments("/register") || request.Path == "/"
            ? "/login"
            : "/login?returnUrl=" + Uri.EscapeDataString(here);
    }

    /// <summary>Where a user lands after signing in with no page to return to.</summary>
    public static string HomeFor(Jobs.Core.Accounts.Role role) => role switch
    {
        Jobs.Core.Accounts.Role.Graduate => "/me/matches",
        Jobs.Core.Accounts.Role.Employer => "/employer",
        _ => "/",
    };
}
