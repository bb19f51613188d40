using Hangfire;
using Hangfire.Dashboard;
using Jobs.Core.Accounts;

namespace Jobs.Api.Infrastructure;

public static class HangfireDashboardSetup
{
    public const string Path = "/hangfire";

    /// <summary>
    /// The Hangfire dashboard for organisers and admins: anonymous 401, other roles 403. Signing in is the same bearer
    /// token as the API; there is no cookie, so a browser needs something that adds the Authorization header.
    /// </summary>
    public static IEndpointConventionBuilder MapJobsHangfireDashboard(this WebApplication app) =>
        app.MapHangfireDashboard(Path, new DashboardOptions
            {
                // The endpoint policy below decides who gets in; Hangfire's default filter would admit only local requests.
                Authorization = [],
                AsyncAuthorization = [],
                DashboardTitle = "Jobs · background jobs",
            })
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Organiser, Roles.Admin))
            .ExcludeFromDescription();
}
