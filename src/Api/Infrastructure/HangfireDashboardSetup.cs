using Hangfire;
using Hangfire.Dashboard;
using Jobs.Core.Accounts;
using Microsoft.Extensions.Options;

namespace Jobs.Api.Infrastructure;

public static class HangfireDashboardSetup
{
    public const string Path = "/hangfire";

    public static IServiceCollection AddJobsHangfireDashboard(this IServiceCollection services)
    {
        services.AddOptions<HangfireDashboardOptions>().BindConfiguration(HangfireDashboardOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    /// <summary>
    /// The Hangfire dashboard: admins in full; organisers read-only or not at all (<see cref="HangfireDashboardOptions.OrganiserAccess"/>);
    /// anonymous 401, other roles 403. Signing in is the same bearer token as the API; there is no cookie, so a browser needs
    /// something that adds the Authorization header.
    /// </summary>
    public static IEndpointConventionBuilder MapJobsHangfireDashboard(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<HangfireDashboardOptions>>().Value;
        string[] roles = options.OrganiserAccess == DashboardAccess.None ? [Roles.Admin] : [Roles.Organiser, Roles.Admin];
        return app.MapHangfireDashboard(Path, new DashboardOptions
            {
                // The endpoint policy below decides who gets in; Hangfire's default filter would admit only local requests.
                Authorization = [],
                AsyncAuthorization = [],
                // Hangfire hides the buttons and its command handlers refuse every command (401) when this says read-only.
                IsReadOnlyFunc = context => !context.GetHttpContext().User.IsInRole(Roles.Admin),
                DashboardTitle = "Jobs · background jobs",
                // Only bearer tokens open the dashboard (never the site's cookie, see AuthSetup), and a token is not sent by a
                // browser on its own, so a forged cross-site form cannot reach a command; the site's antiforgery is for cookies.
                IgnoreAntiforgeryToken = true,
            })
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireRole(roles))
            .ExcludeFromDescription();
    }
}
