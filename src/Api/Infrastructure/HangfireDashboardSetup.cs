using Hangfire;
using Hangfire.Dashboard;
using Jobs.Background;
using Jobs.Core.Accounts;
using Jobs.Web.Admin;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace Jobs.Api.Infrastructure;

public static class HangfireDashboardSetup
{
    public const string Path = "/hangfire";

    public static IServiceCollection AddJobsHangfireDashboard(this IServiceCollection services)
    {
        services.AddOptions<HangfireDashboardOptions>().BindConfiguration(HangfireDashboardOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // The admin console links to the dashboard and shows, read-only, the host's settings the site project cannot name.
        services.AddPlatformSettings<BackgroundJobsOptions>(30, "后台任务", BackgroundJobsOptions.Section, sp =>
            [new SettingRow("任务存储", sp.GetRequiredService<JobStorage>() is Hangfire.InMemory.InMemoryStorage ? "内存（仅本进程）" : "Redis"),
             new SettingRow("面板地址", Path)]);
        services.AddPlatformSettings<HangfireDashboardOptions>(31, "后台任务面板", HangfireDashboardOptions.Section);
        services.AddPlatformSettings<Jobs.Api.RateLimiting.RateLimitsOptions>(50, "访问频率限制", Jobs.Api.RateLimiting.RateLimitsOptions.Section);
        services.AddPlatformSettings<RequestLimitsOptions>(51, "请求大小限制", RequestLimitsOptions.Section);
        services.AddPlatformSettings<Jobs.Api.Auth.AdminOptions>(91, "首个管理员账号", Jobs.Api.Auth.AdminOptions.Section);
        return services;
    }

    /// <summary>
    /// The Hangfire dashboard: admins in full; organisers read-only or not at all (<see cref="HangfireDashboardOptions.OrganiserAccess"/>);
    /// anonymous 401, other roles 403. It opens with the API's bearer token or with the site's sign-in cookie (see
    /// AuthSetup), so the admin console can link to it.
    /// </summary>
    public static IEndpointConventionBuilder MapJobsHangfireDashboard(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<HangfireDashboardOptions>>().Value;
        string[] roles = options.OrganiserAccess == DashboardAccess.None ? [Roles.Admin] : [Roles.Organiser, Roles.Admin];
        var builder = app.MapHangfireDashboard(Path, new DashboardOptions
            {
                // The endpoint policy below decides who gets in; Hangfire's default filter would admit only local requests.
                Authorization = [],
                AsyncAuthorization = [],
                // Hangfire hides the buttons and its command handlers refuse every command (401) when this says read-only.
                IsReadOnlyFunc = context => !context.GetHttpContext().User.IsInRole(Roles.Admin),
                DashboardTitle = "Jobs · background jobs",
                // A browser sends the site's cookie with any form another site makes it post, so every command (POST) must carry
                // the antiforgery token Hangfire puts in its pages and its script sends back; without it Hangfire answers 403.
                IgnoreAntiforgeryToken = false,
            })
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser().RequireRole(roles))
            .ExcludeFromDescription();
        builder.Add(endpoint => endpoint.RequestDelegate = WithoutAntiforgeryForBearer(endpoint.RequestDelegate!));
        return builder;
    }

    /// <summary>
    /// A bearer token is added only by a caller's own code, never by a browser on its own, so a request carrying one cannot
    /// be forged across sites and needs no antiforgery token (scripts use the dashboard that way). Hangfire looks the
    /// antiforgery service up per request; for such a request it finds none and skips the check.
    /// </summary>
    private static RequestDelegate WithoutAntiforgeryForBearer(RequestDelegate next) => async context =>
    {
        if (!Jobs.Api.Auth.AuthSetup.IsBearerRequest(context.Request))
        {
            await next(context);
            return;
        }

        var services = context.RequestServices;
        context.RequestServices = new WithoutAntiforgery(services);
        try
        {
            await next(context);
        }
        finally
        {
            context.RequestServices = services;
        }
    };

    private sealed class WithoutAntiforgery(IServiceProvider inner) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(IAntiforgery) ? null : inner.GetService(serviceType);
    }
}
